import {mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync} from "node:fs";
import {tmpdir} from "node:os";
import {join, resolve} from "node:path";
import MiniSearch from "minisearch";
import {afterAll, beforeAll, describe, expect, it} from "vitest";
import config from "../../observablehq.config.ts";
import {readRegistry} from "../../data-loaders/lib/registry.ts";
import {loadSources} from "../../data-loaders/sources.ts";
import {figurePlacements} from "../../scripts/site/figurePlacements.ts";
import {searchEntries, type SearchEntry} from "../../scripts/site/searchIndex.ts";
import {queryFromHash} from "../../src/components/workbenchLink.ts";
import * as supply from "../../src/queries/supply.ts";

const SRC = resolve(import.meta.dirname, "..", "..", "src");
const pages = config.pages as {name: string; path: string}[];
let entries: SearchEntry[];
let index: MiniSearch;

beforeAll(async () => {
  entries = await searchEntries({pages});
  // The index as Framework 1.13.4 builds it (dist/search.js): MiniSearch's add throws on a repeated id.
  index = new MiniSearch({
    fields: ["title", "text", "keywords"],
    storeFields: ["title"],
    processTerm: (term) => ((term.match(/\p{N}/gu)?.length ?? 0) > 6 ? null : term.slice(0, 15).toLowerCase())
  });
  index.addAll(entries.map(({path, ...rest}) => ({id: path, ...rest})));
});

/** The paths a reader's text finds, best first, searched as Framework's client does (dist/client/search.js). */
function search(text: string): string[] {
  return index.search(text, {boost: {title: 4, keywords: 4}, fuzzy: 0.15, prefix: true}).map((result) => String(result.id));
}

describe("searchEntries({pages})", () => {
  it("gives every figure call on every page an entry at its heading's anchor", () => {
    for (const {path} of pages) {
      const markdown = readFileSync(join(SRC, path === "/" ? "index.md" : `${path.slice(1)}.md`), "utf8");
      const calls = [...markdown.matchAll(/\bplace\(|\bchartFigure\(\{/g)].length;
      const figures = entries.filter((entry) => entry.path.startsWith(`${path}#chart-`));
      expect(figures.length, path).toBe(calls);
    }
    expect(entries.filter((entry) => entry.path.includes("#chart-")).length).toBeGreaterThan(35);
  });

  it("titles a figure from its query definition", () => {
    const quotas = entries.find((entry) => entry.path === "/supply#chart-quotas");
    const title: unknown = supply.quotas.title; // text, or a function of the page's state
    expect(quotas?.title).toBe(typeof title === "function" ? title(supply.defaults) : title);
    expect(quotas?.keywords).toContain("china.quota.mining");
    expect(entries.find((entry) => entry.path === "/trade#chart-monthly-exports")?.keywords).toContain("HS 8505");
  });

  it("gives every source an entry at its row on the Sources page, with its publisher", () => {
    const sources = loadSources();
    for (const source of sources) {
      const entry = entries.find((e) => e.path === `/sources#source-${source.source_id}`);
      expect(entry, source.source_id).toBeDefined();
      expect(entry!.title).toContain(source.title);
      expect(entry!.keywords).toContain(source.publisher);
      expect(entry!.text).toContain(String(source.year));
    }
  });

  it("finds every measure: in the figures that draw it, or in its own entry that opens it in the workbench", () => {
    const {registry} = readRegistry();
    for (const measure of registry.measures.values()) {
      const inFigures = entries.filter((e) => e.path.includes("#chart-") && e.keywords.split(" · ").includes(measure.measure));
      const own = entries.filter((e) => e.path.startsWith("/sql#") && queryFromHash(e.path.slice("/sql".length))?.includes(`'${measure.measure}'`));
      expect(inFigures.length + own.length, measure.measure).toBeGreaterThan(0);
      if (own.length) expect(own[0].title).toContain(measure.name);
      for (const figure of inFigures) expect(figure.text, figure.path).toContain(measure.name);
    }
  });

  it("has a title for every entry, one entry per path, and paths only to the site's pages", () => {
    const pagePaths = new Set(pages.map((page) => page.path));
    for (const entry of entries) {
      expect(entry.title.trim(), entry.path).not.toBe("");
      expect(pagePaths.has(entry.path.split("#")[0]), entry.path).toBe(true);
    }
    expect(new Set(entries.map((entry) => entry.path)).size).toBe(entries.length);
  });

  it("ranks the figure or source a reader means among the first results", () => {
    expect(search("dysprosium").slice(0, 5)).toEqual(expect.arrayContaining(["/prices#chart-heavy-rare-earths", "/trade#chart-dy-tb-exports-by-month"]));
    expect(search("quota").slice(0, 3)).toContain("/supply#chart-quotas");
    expect(search("HS 8505").slice(0, 3)).toContain("/trade#chart-monthly-exports");
    const sources = loadSources();
    for (const publisher of new Set(sources.map((s) => s.publisher))) {
      const theirs = new Set(sources.filter((s) => s.publisher === publisher).map((s) => `/sources#source-${s.source_id}`));
      expect(search(publisher).slice(0, 5).some((path) => theirs.has(path)), publisher).toBe(true);
    }
  });
});

describe("figurePlacements(root, pages)", () => {
  let root: string;
  beforeAll(() => {
    root = mkdtempSync(join(tmpdir(), "placements-"));
    mkdirSync(join(root, "queries"));
    // A queries module as QueryDefs are written: a title that is a
    // function of the page's state, a subtitle, and a function that makes a query from another.
    writeFileSync(
      join(root, "queries", "mines.ts"),
      `export const defaults = {country: "Chile"};
export const output = {id: "output", title: (s) => s.country + "'s output", subtitle: "t per year", sql: () => "SELECT 1"};
export const broken = {id: "broken", title: () => { throw new Error("needs a state the page computes"); }, sql: () => "SELECT 2"};
export const twice = (q) => ({id: q.id + "-twice", title: "Twice " + q.id, sql: () => "SELECT 3"});
export const headline = {id: "headline", title: "Not a figure", sql: () => "SELECT 4"};
`
    );
    writeFileSync(
      join(root, "mines.md"),
      [
        "```js",
        'import * as M from "./queries/mines.js";',
        'import {twice} from "./queries/mines.js";',
        "const place = figurePlacer({q, sources, checks});",
        "const doubled = twice(M.output);",
        "const cards = await q.query(M.headline, M.defaults);",
        "```",
        "```js",
        "display(await place(M.output, state, {plot, invalidation}));",
        "```",
        "```js",
        "display(chartFigure({query: M.broken, state, rows, plot}));",
        "```",
        "```js",
        "display(chartFigure({query: doubled, state, rows, plot}));",
        "display(await place(M.output, state, {plot})); // the same figure again, in another branch",
        "```"
      ].join("\n")
    );
  });
  afterAll(() => rmSync(root, {recursive: true, force: true}));

  it("finds place(…) and chartFigure({…}) calls, with the query each draws", async () => {
    const placements = await figurePlacements(root, ["/mines", "/missing"]);
    expect(placements.map((p) => [p.page, p.id, p.query?.id])).toEqual([
      ["/mines", "output", "output"],
      ["/mines", "broken", "broken"],
      ["/mines", "output-twice", "output-twice"]
    ]);
    expect(placements[0].defaults).toEqual({country: "Chile"});
  });

  it("titles a figure by calling a title function with the page's first state, and falls back to the id", async () => {
    const entries = await searchEntries({root, pages: [{name: "Mines", path: "/mines"}]});
    const figures = entries.filter((e) => e.path.includes("#chart-"));
    expect(figures.map((e) => [e.path, e.title])).toEqual([
      ["/mines#chart-output", "Chile's output"],
      ["/mines#chart-broken", "broken"],
      ["/mines#chart-output-twice", "Twice output"]
    ]);
    expect(figures[0].text).toContain("t per year");
  });
});
