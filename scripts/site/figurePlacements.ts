// Which figures each page shows, read from the page itself: every `place(S.query, …)` (the
// page's figurePlacer) and every `chartFigure({query, …})`, with the query definition it
// draws, imported from the page's queries modules; the figure's id is its query's. Its heading is
// `<h2 class="chart-title" id="chart-<id>">` (src/components/chartFigure.ts), so these are the
// anchors a reader can be sent to. Headline cards, source titles and checks are queries too,
// but no figure places them, so they are not here.
import {existsSync, readFileSync} from "node:fs";
import {join, resolve} from "node:path";
import {pathToFileURL} from "node:url";
import {isQueryDef, type QueryDef} from "../../src/components/query.ts";

export interface Placement {
  /** The page's path as the sidebar lists it ("/", "/supply"). */
  page: string;
  /** The figure's id, its query's: its heading is #chart-<id>. */
  id: string;
  /** The query definition the figure draws, when the page names one we can resolve. */
  query?: QueryDef<any>;
  /** The state the page's inputs start in (its queries module's `defaults`). */
  defaults: Record<string, unknown>;
  /** The values each input may take (the queries module's `allowed`), when it says. */
  allowed: Record<string, readonly unknown[]>;
  /** The state the cell gives the figure, as written (`{years}`, `state`, `{}`). */
  given: string;
  /** The code of the page's cell that places the figure (its fenced block). */
  cell: string;
}

type Module = Record<string, unknown>;

interface PageScope {
  namespaces: Map<string, Module>;
  named: Map<string, unknown>;
  locals: Map<string, string>;
}

/** Every figure placed on the given pages (paths as in the config's `pages`), in page order. */
export async function figurePlacements(root: string, pages: readonly string[]): Promise<Placement[]> {
  const placements: Placement[] = [];
  for (const page of pages) {
    const file = join(root, page === "/" ? "index.md" : `${page.slice(1)}.md`);
    if (!existsSync(file)) continue;
    const markdown = readFileSync(file, "utf8");
    const scope = await pageScope(root, markdown);
    const main = [...scope.namespaces.values()].find((module) => typeof module.defaults === "object") ?? {};
    const defaults = (main.defaults ?? {}) as Record<string, unknown>;
    const allowed = (main.allowed ?? {}) as Record<string, readonly unknown[]>;
    const seen = new Set<string>();
    for (const call of [...figureCalls(markdown)].sort((a, b) => a.at - b.at)) {
      const query = resolveQuery(call.query, scope);
      const id = query?.id;
      if (!id || seen.has(id)) continue;
      seen.add(id);
      placements.push({page, id, query, defaults, allowed, given: call.given, cell: cellAt(markdown, call.at)});
    }
  }
  return placements;
}

/** The page's imports from its queries modules (`import * as S`, `import {a, b as c}`) and its simple constants. */
async function pageScope(root: string, markdown: string): Promise<PageScope> {
  const scope: PageScope = {namespaces: new Map(), named: new Map(), locals: new Map()};
  // Pages import "./queries/x.js"; the file is x.ts (tsx loads it), or x.js if one is written so.
  const load = (specifier: string) => {
    const typed = resolve(root, specifier.replace(/\.js$/, ".ts"));
    return import(pathToFileURL(existsSync(typed) ? typed : resolve(root, specifier)).href) as Promise<Module>;
  };
  for (const [, alias, specifier] of markdown.matchAll(/import\s*\*\s*as\s+(\w+)\s+from\s+["'](\.\/queries\/[^"']+)["']/g)) {
    scope.namespaces.set(alias, await load(specifier));
  }
  for (const [, names, specifier] of markdown.matchAll(/import\s*\{([^}]*)\}\s*from\s+["'](\.\/queries\/[^"']+)["']/g)) {
    const module = await load(specifier);
    for (const part of names.split(",")) {
      const [imported, local = imported] = part.trim().replace(/^type\s+/, "").split(/\s+as\s+/);
      if (imported) scope.named.set(local, module[imported]);
    }
  }
  for (const [, name, expression] of markdown.matchAll(/\bconst\s+(\w+)\s*=\s*([^;\n]+)/g)) scope.locals.set(name, expression.trim());
  return scope;
}

interface FigureCall {
  /** Where the call starts in the page, for page order. */
  at: number;
  query: string;
  /** The state argument, as written. */
  given: string;
}

/** `place(query, state, {…})` (by whatever name the page gave its figurePlacer) and `chartFigure({…})` calls. */
function* figureCalls(markdown: string): Generator<FigureCall> {
  const placers = [...markdown.matchAll(/\bconst\s+(\w+)\s*=\s*figurePlacer\(/g)].map((m) => m[1]);
  for (const name of placers) {
    for (const match of markdown.matchAll(new RegExp(`\\b${name}\\(`, "g"))) {
      const args = splitTopLevel(balanced(markdown, match.index! + match[0].length - 1));
      yield {at: match.index!, query: args[0], given: (args[1] ?? "").trim()};
    }
  }
  for (const match of markdown.matchAll(/\bchartFigure\(\s*\{/g)) {
    const options = balanced(markdown, match.index! + match[0].length - 1);
    const query = /\bquery:\s*([\w$.]+(?:\([^)]*\))?)/.exec(options)?.[1];
    const given = /\bstate(?:\s*:\s*(\{[^}]*\}|[\w$.]+))?/.exec(options);
    if (query) yield {at: match.index!, query, given: given ? (given[1] ?? "state").trim() : ""};
  }
}

/** The fenced code block of the page that holds the text at `at`. */
function cellAt(markdown: string, at: number): string {
  const start = markdown.lastIndexOf("```", at);
  const end = markdown.indexOf("```", at);
  return markdown.slice(start < 0 ? 0 : start, end < 0 ? markdown.length : end);
}

/** A query definition named by an expression such as `S.quotas`, `scenarioComparison` or a local `impliedDemand(R.humanoidForecasts)`. */
function resolveQuery(expression: string, scope: PageScope): QueryDef<any> | undefined {
  const value = resolveValue(expression, scope, 0);
  return isQueryDef(value) ? value : undefined;
}

function resolveValue(expression: string, scope: PageScope, depth: number): unknown {
  if (depth > 4) return undefined;
  const text = expression.trim();
  let m: RegExpExecArray | null;
  if ((m = /^(\w+)\.(\w+)$/.exec(text))) return scope.namespaces.get(m[1])?.[m[2]];
  if ((m = /^(\w+)$/.exec(text))) {
    if (scope.named.has(m[1])) return scope.named.get(m[1]);
    const local = scope.locals.get(m[1]);
    return local === undefined ? undefined : resolveValue(local, scope, depth + 1);
  }
  if ((m = /^([\w.]+)\((.*)\)$/.exec(text))) {
    const callee = resolveValue(m[1], scope, depth + 1);
    const args = splitTopLevel(m[2]).map((arg) => resolveValue(arg, scope, depth + 1));
    if (typeof callee !== "function" || args.some((arg) => arg === undefined)) return undefined;
    try {
      return callee(...args);
    } catch {
      return undefined;
    }
  }
  return undefined;
}

/**
 * Walks JavaScript text from `from`, calling `visit` with each character outside strings,
 * template literals and line comments and the bracket depth before it; stops when it returns true.
 */
function scan(text: string, from: number, visit: (c: string, i: number, depth: number) => boolean | void): void {
  let depth = 0;
  for (let i = from; i < text.length; i++) {
    const c = text[i];
    if (c === '"' || c === "'" || c === "`") {
      // A template's ${…} parts hold balanced code, so the whole literal can be skipped.
      for (i++; i < text.length && text[i] !== c; i++) if (text[i] === "\\") i++;
      continue;
    }
    if (c === "/" && text[i + 1] === "/") {
      i = text.indexOf("\n", i);
      if (i < 0) return;
      continue;
    }
    if (visit(c, i, depth)) return;
    if ("({[".includes(c)) depth++;
    else if (")}]".includes(c)) depth--;
  }
}

/** The text between the bracket at `open` and its match. */
function balanced(text: string, open: number): string {
  let end = text.length;
  scan(text, open, (c, i, depth) => (")}]".includes(c) && depth === 1 ? ((end = i), true) : false));
  return text.slice(open + 1, end);
}

/** An argument list split at its top-level commas. */
function splitTopLevel(text: string): string[] {
  const cuts = [-1];
  scan(text, 0, (c, i, depth) => void (c === "," && depth === 0 && cuts.push(i)));
  cuts.push(text.length);
  return cuts.slice(1).map((cut, k) => text.slice(cuts[k] + 1, cut).trim()).filter(Boolean);
}
