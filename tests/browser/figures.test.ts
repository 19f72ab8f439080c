// The figure-quality harness: every figure on every page of the site, at 390 and 1280 px, in
// light and dark mode, must draw a data mark, repeat no tick label, keep its labels inside its
// SVG, fit the screen, print no year as "2,010", answer the pointer with a tooltip naming the
// source, be found by the site's search, draw exactly as many rows as its own SQL returns
// when DuckDB runs it over the same snapshots, and download as SVG, PNG and a data package
// that carry its title, rows, sources and release (takeAwayCheck.ts). The pages come from the site's own
// navigation and the figures from the page, so a figure added later is covered on its own.
import {readdirSync, readFileSync} from "node:fs";
import {resolve} from "node:path";
import type {DuckDBConnection} from "@duckdb/node-api";
import type {Browser, Page} from "playwright-core";
import {afterAll, beforeAll, describe, expect, inject, it} from "vitest";
import {openSnapshotDatabase} from "../../scripts/snapshot-set/precompute.ts";
import {hydrated, launchBrowser, screenshot, sitePaths, watchedPage} from "./browser.ts";
import {inspectFigures, type FigureReport} from "./figureQuality.ts";
import {takeAwayProblems} from "./takeAwayCheck.ts";

const siteUrl = inject("siteUrl");
const dist = resolve(import.meta.dirname, "..", "..", "dist");
const WIDTHS = [390, 1280] as const;
const SCHEMES = ["light", "dark"] as const;
let browser: Browser;
let database: {connection: DuckDBConnection; close: () => Promise<void>};

beforeAll(async () => {
  [browser, database] = await Promise.all([launchBrowser(), openSnapshotDatabase()]);
});
afterAll(async () => {
  await browser?.close();
  await database?.close();
});

/** The paths Framework's built search index holds (page#anchor for figures and sources). */
function searchIndexIds(): Set<string> {
  const file = readdirSync(resolve(dist, "_observablehq")).find((name) => /^minisearch\.[0-9a-f]+\.json$/.test(name));
  if (!file) return new Set();
  return new Set(Object.values(JSON.parse(readFileSync(resolve(dist, "_observablehq", file), "utf8")).documentIds as Record<string, string>));
}

/** Opens a page at a width and scheme and waits until every figure has drawn. */
async function openAt(path: string, width: number, scheme: "light" | "dark") {
  const watched = await watchedPage(browser, {colorScheme: scheme});
  const engine: string[] = [];
  watched.page.on("request", (request) => {
    // Any part of DuckDB-WASM: its module, its worker or its binary.
    if (/duckdb/i.test(request.url())) engine.push(request.url());
  });
  await watched.page.setViewportSize({width, height: 900});
  // Network idle: the page's cells have run, so every figure it will place is in the DOM.
  await watched.page.goto(siteUrl + path, {waitUntil: "networkidle"});
  await figuresDrawn(watched.page);
  return {...watched, engine};
}

async function figuresDrawn(page: Page): Promise<void> {
  await hydrated(page);
  await page.waitForFunction(() => [...document.querySelectorAll("figure[data-chart]")].every((f) => f.querySelector(".chart-plot svg, .chart-empty")), null, {timeout: 30_000});
}

/**
 * The figures whose chart text (an SVG's colour, which Plot's axes and labels take) is too dark
 * for the dark scheme or too light for the light one: relative luminance 0–255 above 150, or
 * below 110. Run in the page.
 */
function chartTextLuminance(scheme: "light" | "dark"): string {
  return `[...document.querySelectorAll("figure[data-chart] .chart-plot svg")].flatMap((svg) => {
    const [r, g, b] = getComputedStyle(svg).color.match(/[\\d.]+/g).map(Number);
    const luminance = 0.2126 * r + 0.7152 * g + 0.0722 * b;
    return ${scheme === "dark" ? "luminance > 150" : "luminance < 110"} ? [] : [svg.closest("figure").dataset.chart + " (" + Math.round(luminance) + ")"];
  })`;
}

/** Opens every figure's table, so the harness reads the cells too. */
async function openTables(page: Page): Promise<void> {
  for (const button of await page.locator('figure[data-chart] button[data-action="table"]').all()) await button.click();
}

async function rowCount(sql: string): Promise<number> {
  return (await database.connection.runAndReadAll(sql)).getRowsJS().length;
}

/**
 * Points at a figure's data marks one after another, as a reader would, and returns the texts of
 * the tips Plot shows (none: the chart has no tooltip). Up to eight marks, spread over the chart;
 * it stops at the first tip that answers what the harness asks: one naming a source, or for a
 * figure that cites none, any tip.
 */
async function tipsOf(page: Page, id: string, cites: boolean): Promise<string[]> {
  const tips: string[] = [];
  for (const svg of await page.locator(`figure[data-chart="${id}"] .chart-plot svg:has(g[aria-label])`).all()) {
    await svg.scrollIntoViewIfNeeded();
    const centres = await svg.evaluate((root) => {
      const data = new Set(["bar", "line", "dot", "area", "tick", "rect", "cell", "link", "rule", "text"]);
      const shapes = [...root.querySelectorAll("g[aria-label]")]
        .filter((group) => data.has(group.getAttribute("aria-label") ?? ""))
        .flatMap((group) => [...group.querySelectorAll("rect, circle, path, line, text")]);
      const boxes = shapes.map((shape) => shape.getBoundingClientRect()).filter((r) => r.width > 0 || r.height > 0);
      const step = Math.max(1, Math.floor(boxes.length / 8));
      return boxes.filter((_, i) => i % step === 0).slice(0, 8).map((r) => ({x: r.left + r.width / 2, y: r.top + r.height / 2}));
    });
    for (const {x, y} of centres) {
      await page.mouse.move(x, y);
      const text = (await svg.locator('g[aria-label="tip"] text').allTextContents()).join(" ").trim();
      if (text) tips.push(text);
      if (text && (!cites || text.includes("Source:"))) break;
    }
    if (tips.some((tip) => !cites || tip.includes("Source:"))) break;
  }
  await page.mouse.move(0, 0);
  return tips;
}

/** A figure's problems plus the one only Node can check: its SQL returns the rows it draws. */
async function problemsOf(report: FigureReport, checkRows: boolean): Promise<string[]> {
  const problems = [...report.problems];
  if (!checkRows) return problems;
  if (!report.sql) problems.push("shows no SQL");
  else {
    const count = await rowCount(report.sql).catch((error) => `an error (${(error as Error).message.split("\n")[0]})`);
    if (count !== report.rows) problems.push(`draws ${report.rows} rows but its SQL returns ${count}`);
  }
  return problems;
}

// Page discovery needs a browser; done once, before the tests are declared.
const pages = await sitePaths(siteUrl);

describe("every figure on every page", () => {
  it("the site's navigation lists the pages the harness visits", () => {
    expect(pages.length).toBeGreaterThanOrEqual(6);
  });
  for (const path of pages) {
    for (const width of WIDTHS) {
      for (const scheme of SCHEMES) {
        it(`${path} at ${width} px, ${scheme}: every figure draws data, repeats no tick, keeps its labels inside, fits the screen and prints years as years`, async () => {
          const {page, problems, engine} = await openAt(path, width, scheme);
          // At its first state a page draws from the rows shipped with it: no part of DuckDB-WASM is even fetched.
          if (path !== "/sql") expect(engine, "DuckDB fetched at the first state").toEqual([]);
          // Chart text follows the scheme: light on the dark background, dark on the light one.
          expect(await page.evaluate(chartTextLuminance(scheme)), `charts whose text does not read in ${scheme} mode`).toEqual([]);
          const checkRows = width === 1280 && scheme === "light";
          const name = path === "/" ? "index" : path.slice(1).replace(/\W+/g, "-");
          await screenshot(page, `figures-${name}-${width}-${scheme}`);
          // At one width the tables are opened too, so their year cells are read.
          if (checkRows) await openTables(page);
          const reports = await page.evaluate(inspectFigures);
          const indexed = checkRows ? searchIndexIds() : new Set<string>();
          const found: Record<string, string[]> = {};
          for (const report of reports) {
            const list = await problemsOf(report, checkRows);
            // A reader searching the site can land on every figure (scripts/site/searchIndex.ts).
            if (checkRows && path !== "/sql" && !indexed.has(`${path}#chart-${report.id}`)) list.push("is not in the site's search index");
            // Every chart answers the pointer with Plot's tip, naming the point's source where it cites one.
            if (checkRows && path !== "/sql") {
              const tips = await tipsOf(page, report.id, report.cites);
              if (!tips.length) list.push("shows no tooltip when its marks are pointed at");
              else if (report.cites && !tips.some((tip) => tip.includes("Source:"))) list.push(`its tooltips name no source ("${tips[0].slice(0, 60)}")`);
            }
            // Every drawn figure downloads as SVG and as a data package (and, the first on a page, as PNG).
            if (checkRows && path !== "/sql" && report.rows > 0) list.push(...(await takeAwayProblems(page, report.id, {png: report === reports.find((r) => r.rows > 0)})));
            if (list.length) found[report.id] = list;
          }
          expect(found).toEqual({});
          // The page itself never scrolls sideways (a long hash, an input grid wider than the column).
          expect(await page.evaluate(() => document.documentElement.scrollWidth), "page width").toBeLessThanOrEqual(width);
          expect(problems).toEqual([]);
          await page.context().close();
        });
      }
    }
  }
});
