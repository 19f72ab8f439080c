// Runs built pages in Node, in a child process of the bake step (scripts/bake/bake.ts):
// the page's own module script — Framework's client and runtime, the page's cells, our
// components, Plot and Inputs — over a jsdom document (domGlobals.ts), every input at its
// first value, the main column at a fixed width. When every cell has run and settled, what
// each cell displayed is serialized (bakedFragment) and printed as JSON on stdout:
//
//   tsx scripts/bake/renderPage.ts <site folder> <width>      (page paths, "/supply", one a line on stdin)
//   → a line per page: {cells: {<cell id>: "<observablehq-loading data-baked>…"}, styles: [css], problems: [sentence]}
//
// The client module builds its runtime over the document it is first imported with, and
// components keep module state (installed styles), so pages cannot share modules: each page
// imports the site's modules afresh, under its own `?bake=<n>` (isolate.mjs), over its own
// document. The process (tsx, jsdom) is started once for many pages.
import {rmSync, readFileSync, writeFileSync} from "node:fs";
import {register} from "node:module";
import {createInterface} from "node:readline";
import {dirname, join} from "node:path";
import {pathToFileURL} from "node:url";
import {installDomGlobals} from "./domGlobals.ts";
import {bakedFragment, pageFile} from "./fragment.ts";

export interface RenderedPage {
  cells: Record<string, string>;
  /** The figures the cells displayed (chartFigure's <figure data-chart>), and whether each drew its chart. */
  figures: {id: string; drawn: boolean}[];
  /** The styles the page's code put in <head> (chartFigure's), for the baked figures to look the same. */
  styles: string[];
  problems: string[];
}

interface CellRecord {
  id: string;
  calls: number;
  pending: number;
  error?: string;
}

const SETTLE_MS = 150;
const TIME_LIMIT_MS = 60_000;

let pages = 0;

export async function renderPage(site: string, pagePath: string, width: number): Promise<RenderedPage> {
  const generation = ++pages;
  const htmlFile = pageFile(site, pagePath);
  const html = readFileSync(htmlFile, "utf8");
  const dom = installDomGlobals(html, {site, pagePath, width});
  const {document} = dom.window;
  const headBefore = new Set(document.head.children);
  const script = [...document.querySelectorAll('script[type="module"]')].find((s) => !s.getAttribute("src"));
  if (!script) return {cells: {}, figures: [], styles: [], problems: [`${pagePath}: no module script`]};

  // The page's `define` goes through ours first, which counts each cell's runs and waits.
  const cells = new Map<string, CellRecord>();
  (globalThis as any).__bakeDefine = (cell: any, define: (cell: any) => void) => {
    const record: CellRecord = {id: cell.id, calls: 0, pending: 0};
    cells.set(cell.id, record);
    const body = cell.body;
    define({
      ...cell,
      body: (...args: unknown[]) => {
        record.calls++;
        record.pending++;
        let value: unknown;
        try {
          value = body(...args);
        } catch (error) {
          record.pending--;
          record.error = String((error as Error)?.stack ?? error);
          throw error;
        }
        Promise.resolve(value).then(
          () => record.pending--,
          (error) => {
            record.pending--;
            record.error = String(error?.stack ?? error);
          }
        );
        return value;
      }
    });
  };
  const source = script.textContent!.replace(
    /import \{define\} from ("[^"]+");/,
    (_, from) => `import {define as __define} from ${from};\nconst define = (cell) => globalThis.__bakeDefine(cell, __define);`
  );
  if (!source.includes("__bakeDefine")) return {cells: {}, figures: [], styles: [], problems: [`${pagePath}: the module script does not import define as Framework 1.13 writes it`]};
  // Beside the page, so that its relative imports resolve as they do for the browser.
  const moduleFile = join(dirname(htmlFile), `.bake-${process.pid}-${generation}.mjs`);
  writeFileSync(moduleFile, source);
  let lastChange = Date.now();
  new dom.window.MutationObserver(() => (lastChange = Date.now())).observe(document.body, {childList: true, subtree: true, attributes: true, characterData: true});
  try {
    await import(`${pathToFileURL(moduleFile).href}?bake=${generation}`);
  } finally {
    rmSync(moduleFile, {force: true});
  }
  const started = Date.now();
  const problems: string[] = [];
  for (;;) {
    await new Promise((resolve) => setTimeout(resolve, 25));
    const busy = [...cells.values()].some((cell) => cell.calls === 0 || cell.pending > 0);
    if (!busy && Date.now() - lastChange > SETTLE_MS) break;
    if (Date.now() - started > TIME_LIMIT_MS) {
      const waiting = [...cells.values()].filter((cell) => cell.calls === 0 || cell.pending > 0).map((cell) => cell.id);
      problems.push(`${pagePath}: cells ${waiting.join(", ")} had not finished after ${TIME_LIMIT_MS / 1000} s`);
      break;
    }
  }
  for (const cell of cells.values()) if (cell.error) problems.push(`${pagePath}: cell ${cell.id} failed: ${cell.error.split("\n").slice(0, 3).join(" | ")}`);

  const baked: Record<string, string> = {};
  const figures: RenderedPage["figures"] = [];
  const iterator = document.createNodeIterator(document.body, dom.window.NodeFilter.SHOW_COMMENT);
  for (let node: Node | null; (node = iterator.nextNode()); ) {
    const match = /^:([0-9a-f]{8}(?:-\d+)?):$/.exec((node as Comment).data);
    const root = node as Comment & {_nodes?: Node[]; _error?: boolean};
    if (!match || root._error || !root._nodes?.length) continue;
    try {
      baked[match[1]] = bakedFragment(document, root._nodes);
    } catch (error) {
      problems.push(`${pagePath}: cell ${match[1]}: ${(error as Error).message}`);
      continue;
    }
    for (const node of root._nodes) {
      if (node.nodeType !== 1) continue;
      const element = node as Element;
      for (const figure of [...(element.matches("figure[data-chart]") ? [element] : []), ...element.querySelectorAll("figure[data-chart]")]) {
        figures.push({id: figure.getAttribute("data-chart")!, drawn: !!figure.querySelector(".chart-plot svg, .chart-empty")});
      }
    }
  }
  const styles = [...document.head.children].filter((element) => !headBefore.has(element) && element.tagName === "STYLE").map((style) => style.textContent ?? "");
  // The page is done: its document stops (its observers and timers with it) before the next one.
  dom.window.close();
  return {cells: baked, figures, styles, problems};
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  const [site, width] = process.argv.slice(2);
  register("./isolate.mjs", import.meta.url, {data: {site: pathToFileURL(site).href + "/"}});
  // One page at a time, in the order asked; a line of JSON for each.
  for await (const line of createInterface({input: process.stdin})) {
    if (!line.trim()) continue;
    const rendered = await renderPage(site, line.trim(), Number(width));
    await new Promise<void>((done) => process.stdout.write(JSON.stringify(rendered) + "\n", () => done()));
  }
  // Observers, timers and the pages' pending fetches would keep the process alive: exit once written.
  process.exit(0);
}
