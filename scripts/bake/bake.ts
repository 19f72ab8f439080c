// The build's bake step (scripts/build.ts, after `observable build`, before the swap): every
// page the sidebar lists, but the SQL workbench, is run in Node at its first state
// (renderPage.ts: two child processes, each baking the pages it is handed one after another) and what each cell displayed is
// written into the page's HTML just before the cell's root, as the <observablehq-loading>
// placeholder Framework removes when the cell first displays (fragment.ts). So the page shows
// every figure, headline card and input without JavaScript, and the live cell takes the baked
// one's place in the same step. The page's code (its module script and Framework's module
// preloads) then moves from the head to the end of the body (fragment.ts, deferPageCode), so the
// browser parses the baked first view before it fetches and compiles the code.
//
// A figure the page places (scripts/site/figurePlacements.ts) that did not bake with a drawn
// chart, or a cell that failed in the bake, fails the build with its name: the site would
// otherwise ship a page that pops in, or a first state that differs from the live one.
import {spawn, type ChildProcessWithoutNullStreams} from "node:child_process";
import {createInterface} from "node:readline";
import {createHash} from "node:crypto";
import {mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync} from "node:fs";
import {join, resolve} from "node:path";
import {JSDOM} from "jsdom";
import {bakedEmbedStyles} from "../../src/components/embed.ts";
import {loaderTimeoutMs} from "../freshness/timeLimit.ts";
import {figurePlacements} from "../site/figurePlacements.ts";
import {deferPageCode, insertBaked, pageFile, styleElement} from "./fragment.ts";
import type {RenderedPage} from "./renderPage.ts";

/** The main column at a 1280-pixel window (Framework's layout, sidebar open): the width figures bake at. */
export const BAKE_WIDTH = 912;

/** Pages not baked: the workbench's first state is an empty editor, and it is an application, not a report. */
const NOT_BAKED = new Set(["/sql"]);

/**
 * The baked placeholder lays out as its contents would (a card stays a grid item) and does not
 * spin; the theme's child-combinator rules (`.grid>.card`, …) are repeated through it.
 */
const BAKED_CSS = [
  "html observablehq-loading[data-baked]{display:contents;font:inherit;color:inherit;animation:none;transform:none}",
  "html observablehq-loading[data-baked]::before{content:none}",
  // An address with a view's state (embed.ts marks it): the baked first state is not that view.
  "html[data-view-state] observablehq-loading[data-baked]{visibility:hidden}",
  // Scripts on (embed.ts marks it): a baked chart holds the live chart's height (fragment.ts).
  "html[data-script] observablehq-loading[data-baked] .chart-plot svg{height:var(--baked-height,auto)}",
  // Scripts off, on a screen narrower than the width figures bake at: the chart keeps its own
  // size (its labels readable) and its box scrolls sideways, instead of shrinking to the column.
  "html:not([data-script]) observablehq-loading[data-baked] .chart-plot{overflow-x:auto}",
  "html:not([data-script]) observablehq-loading[data-baked] .chart-plot svg{max-width:none}",
  ".grid>observablehq-loading[data-baked]>.card{margin:0}",
  ".grid>observablehq-loading[data-baked]>*>p:first-child{margin-top:0}",
  ".grid>observablehq-loading[data-baked]>*>p:last-child{margin-bottom:0}",
  ".card>observablehq-loading[data-baked]:first-child>:first-child{margin-top:0}",
  ".card>observablehq-loading[data-baked]:last-child>:last-child{margin-bottom:0}"
].join("");

export interface BakeReport {
  pages: {path: string; cells: number; figures: number; /** Taken from the bake cache, not run. */ cached: boolean}[];
  problems: string[];
}

/** The pages the built site's sidebar links to ("/", "/supply", …). */
export function sidebarPaths(site: string): string[] {
  const {document} = new JSDOM(readFileSync(join(site, "index.html"), "utf8"), {url: "http://bake.invalid/"}).window;
  const paths = [...document.querySelectorAll("#observablehq-sidebar a[href]")].map((a) => new URL((a as HTMLAnchorElement).href).pathname.replace(/\.html$/, ""));
  return [...new Set(paths.map((path) => (path === "/index" ? "/" : path)))];
}

/**
 * A renderer process (renderPage.ts) that bakes the pages it is given one after another, so
 * tsx and jsdom start once per worker rather than once per page. A page that fails or hangs
 * becomes that page's problem; the process is then replaced for the pages after it.
 */
class Renderer {
  #child: ChildProcessWithoutNullStreams | null = null;
  #lines: string[] = [];
  #waiting: ((line: string | null) => void) | null = null;
  #err = "";
  constructor(private site: string) {}

  #start() {
    const child = spawn(process.execPath, [...process.execArgv, resolve(import.meta.dirname, "renderPage.ts"), this.site, String(BAKE_WIDTH)], {stdio: ["pipe", "pipe", "pipe"]});
    this.#child = child;
    this.#err = "";
    createInterface({input: child.stdout}).on("line", (line) => (this.#waiting ? (this.#waiting(line), (this.#waiting = null)) : this.#lines.push(line)));
    child.stderr.on("data", (chunk) => (this.#err = (this.#err + chunk).slice(-4000)));
    child.on("close", () => {
      if (this.#child === child) this.#child = null;
      this.#waiting?.(null);
      this.#waiting = null;
    });
    // A build stopped by a signal (scripts/build.ts exits) takes the renderer with it.
    process.once("exit", () => child.kill("SIGKILL"));
  }

  async render(path: string): Promise<RenderedPage> {
    if (!this.#child) this.#start();
    const child = this.#child!;
    child.stdin.write(`${path}\n`);
    // The page's own limit is a minute (renderPage.ts); this one only guards against a hang.
    const timer = setTimeout(() => child.kill("SIGKILL"), loaderTimeoutMs());
    const line = this.#lines.shift() ?? (await new Promise<string | null>((done) => (this.#waiting = done)));
    clearTimeout(timer);
    try {
      if (line === null) throw new Error(child.signalCode ? `killed (${child.signalCode}), after the time limit or by the system` : `exited with code ${child.exitCode}`);
      return JSON.parse(line) as RenderedPage;
    } catch (error) {
      child.kill("SIGKILL");
      this.#child = null;
      return {cells: {}, styles: [], figures: [], problems: [`${path}: the bake did not run (${(error as Error).message}): ${this.#err.trim().split("\n").slice(-5).join(" | ")}`]};
    }
  }

  close() {
    this.#child?.stdin.end();
  }
}

/**
 * Where baked pages are kept between builds: under Framework's cache, so `npm run clean` (and a
 * clean build) starts without them.
 */
export function bakeCacheDir(pagesRoot: string): string {
  return join(pagesRoot, ".observablehq", "cache", "bake");
}

/**
 * What a page's bake depends on besides its built HTML: the bake's own code, the installed
 * packages it runs on (jsdom, Plot's Node copy), the width and the time zone. The built HTML
 * itself names every module and data file the page loads by a hash of its content, so the
 * same HTML with the same code bakes to the same bytes.
 */
function bakeCodeKey(): string {
  const hash = createHash("sha256");
  const here = import.meta.dirname;
  for (const file of readdirSync(here).sort()) hash.update(file).update(readFileSync(join(here, file)));
  hash.update(readFileSync(resolve(here, "..", "..", "package-lock.json")));
  hash.update(`${BAKE_WIDTH} ${Intl.DateTimeFormat().resolvedOptions().timeZone} ${process.env.TZ ?? ""} ${process.version}`);
  return hash.digest("hex");
}

/**
 * Framework's search module, named by a hash of the index of every page's text: one page's edit
 * renames it in every page. The bake never runs it (it loads when the reader focuses the search
 * box), so a page is the same page whatever that name; a reused bake gets the current one.
 */
const SEARCH_MODULE = /_observablehq\/search\.[0-9a-f]{8}\.js/g;

interface CachedPage {
  html: string;
  cells: number;
  figures: {id: string; drawn: boolean}[];
}

const cacheName = (path: string) => (path === "/" ? "index" : path.slice(1).replaceAll("/", "~"));

function readCached(dir: string, path: string, key: string): CachedPage | null {
  try {
    return JSON.parse(readFileSync(join(dir, `${cacheName(path)}.${key}.json`), "utf8")) as CachedPage;
  } catch {
    return null;
  }
}

/** Keeps one baked copy per page (the latest), written whole or not at all. */
function writeCached(dir: string, path: string, key: string, page: CachedPage): void {
  try {
    mkdirSync(dir, {recursive: true});
    const prefix = `${cacheName(path)}.`;
    // The page's earlier copy, and any half-written one a killed build left.
    for (const file of readdirSync(dir)) if (file.startsWith(prefix) && /^[0-9a-f]{64}\.json(\.tmp-\d+)?$/.test(file.slice(prefix.length))) rmSync(join(dir, file), {force: true});
    const temporary = join(dir, `${prefix}${key}.json.tmp-${process.pid}`);
    writeFileSync(temporary, JSON.stringify(page));
    renameSync(temporary, join(dir, `${prefix}${key}.json`));
  } catch {
    // A cache that cannot be written only means the next build bakes this page again.
  }
}

/**
 * Bakes the pages of the site in `site` (a built dist folder) in place, their sources in
 * `pagesRoot` (src/); the report's problems fail the build. A page whose built HTML is the same
 * as at an earlier bake, with the same bake code (bakeCodeKey), gets that bake's result from the
 * cache instead of being run again, so a rebuild after one page's edit bakes that page only.
 */
export async function bakeSite(pagesRoot: string, site: string, {log = (_: string) => {}, concurrency = 2, cache = true} = {}): Promise<BakeReport> {
  const paths = sidebarPaths(site).filter((path) => !NOT_BAKED.has(path));
  const placements = await figurePlacements(pagesRoot, paths);
  const report: BakeReport = {pages: [], problems: []};
  const cacheDir = bakeCacheDir(pagesRoot);
  const codeKey = cache ? bakeCodeKey() : "";
  const checkPlacements = (path: string, figures: {id: string; drawn: boolean}[]) => {
    const baked = new Map(figures.map((figure) => [figure.id, figure]));
    for (const placement of placements.filter((p) => p.page === path)) {
      const figure = baked.get(placement.id);
      if (!figure) report.problems.push(`${path}: figure "${placement.id}" was not baked (its cell displayed nothing in the bake)`);
      else if (!figure.drawn) report.problems.push(`${path}: figure "${placement.id}" baked without a chart (no SVG, no "no figures" notice)`);
    }
  };
  const keyOf = (path: string, built: string) => createHash("sha256").update(codeKey).update(path).update(built.replace(SEARCH_MODULE, "_observablehq/search.js")).digest("hex");
  // Each page's HTML as Framework built it, read once: for the cache's key, and for the bake.
  const queue: {path: string; built: string}[] = [];
  for (const path of paths) {
    const built = readFileSync(pageFile(site, path), "utf8");
    const cached = cache ? readCached(cacheDir, path, keyOf(path, built)) : null;
    if (!cached) {
      queue.push({path, built});
      continue;
    }
    checkPlacements(path, cached.figures);
    const search = built.match(SEARCH_MODULE)?.[0];
    writeFileSync(pageFile(site, path), search ? cached.html.replace(SEARCH_MODULE, search) : cached.html);
    report.pages.push({path, cells: cached.cells, figures: cached.figures.length, cached: true});
    log(`bake: ${path} — unchanged since an earlier bake, reused`);
  }
  const worker = async () => {
    const renderer = new Renderer(site);
    for (let next; (next = queue.shift()); ) {
      const {path, built} = next;
      const rendered = await renderer.render(path);
      const problemsBefore = report.problems.length;
      report.problems.push(...rendered.problems);
      const figures = rendered.figures.map(({id, drawn}) => ({id, drawn}));
      checkPlacements(path, figures);
      const file = pageFile(site, path);
      const {document} = new JSDOM("").window;
      const head = [BAKED_CSS, ...rendered.styles, bakedEmbedStyles(rendered.figures.map((figure) => figure.id))].map((css) => styleElement(document, css)).join("");
      try {
        const html = deferPageCode(insertBaked(built, rendered.cells, head));
        writeFileSync(file, html);
        if (cache && report.problems.length === problemsBefore) writeCached(cacheDir, path, keyOf(path, built), {html, cells: Object.keys(rendered.cells).length, figures});
      } catch (error) {
        report.problems.push(`${path}: ${(error as Error).message}`);
      }
      report.pages.push({path, cells: Object.keys(rendered.cells).length, figures: rendered.figures.length, cached: false});
      log(`bake: ${path} — ${rendered.figures.length} figures, ${Object.keys(rendered.cells).length} cells`);
    }
    renderer.close();
  };
  await Promise.all(Array.from({length: Math.min(concurrency, queue.length)}, worker));
  return report;
}
