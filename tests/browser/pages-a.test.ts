// The Overview, Supply, Trade and Sources pages in a real Chromium, as a reader meets them:
// charts that are figures with sources, inputs that re-run the SQL, links that keep the
// inputs, downloads that hold exactly the chart's rows, and nothing fetched off this host.
import {csvParse} from "d3";
import {readFileSync} from "node:fs";
import type {Browser, Page} from "playwright-core";
import {afterAll, beforeAll, describe, expect, inject, it} from "vitest";
import {EVIDENCE_COLUMNS} from "../../src/components/takeAway.ts";
import {dataRelease} from "../../data-loaders/release.ts";
import {launchBrowser, screenshot, watchedPage} from "./browser.ts";

const siteUrl = inject("siteUrl");
let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
});

/** Waits until every chart figure on the page has drawn (an SVG, or its "no figures" note). */
async function figuresDrawn(page: Page, atLeast: number): Promise<void> {
  await page.waitForFunction(
    (n) => {
      const figures = [...document.querySelectorAll("figure[data-chart]")];
      return figures.length >= n && figures.every((f) => f.querySelector(".chart-plot svg, .chart-empty"));
    },
    atLeast,
    {timeout: 30_000}
  );
}

/** A fingerprint of what a chart draws: its marks' geometry and its text. */
function chartFingerprint(page: Page, id: string): Promise<string> {
  return page.$eval(`figure[data-chart="${id}"] .chart-plot`, (plot) =>
    [...plot.querySelectorAll("svg rect, svg path, svg circle, svg text")]
      .map((mark) => ["x", "y", "width", "height", "d", "cx", "cy"].map((name) => mark.getAttribute(name) ?? "").join(",") + (mark.textContent ?? ""))
      .join("|")
  );
}

function selectIn(page: Page, label: string) {
  return page.locator("form").filter({has: page.locator(`label:text-is("${label}")`)}).locator("select").first();
}

/** The text of a select's chosen option (Inputs.select's option values are indices). */
function chosen(select: ReturnType<Page["locator"]>): Promise<string> {
  return select.evaluate((element) => (element as HTMLSelectElement).selectedOptions[0]?.textContent ?? "");
}

/** Opens a page in a fresh context and waits for its chart figures. */
async function open(path: string, options: {scheme?: "light" | "dark"; figures?: number} = {}) {
  const watched = await watchedPage(browser, {colorScheme: options.scheme ?? "light"});
  await watched.page.goto(siteUrl + path);
  await figuresDrawn(watched.page, options.figures ?? 1);
  return watched;
}

function shotName(path: string, scheme: string): string {
  return `pages-a-${path === "/" ? "index" : path.split(/[/?#]/)[1]}-${scheme}`;
}

async function expectThemeFigures(page: Page): Promise<void> {
  const figures = await page.$$eval("figure[data-chart]", (list) =>
    list.map((f) => ({
      id: f.getAttribute("data-chart"),
      svg: f.querySelectorAll(".chart-plot svg").length,
      links: [...f.querySelectorAll("figcaption a.source-link")].map((a) => a.getAttribute("href") ?? ""),
      title: f.querySelector("h2, h3")?.textContent ?? ""
    }))
  );
  expect(figures.length).toBeGreaterThanOrEqual(4);
  for (const figure of figures) {
    expect(figure.svg, figure.id!).toBeGreaterThan(0);
    expect(figure.title, figure.id!).not.toBe("");
    expect(figure.links.length, figure.id!).toBeGreaterThan(0);
    for (const href of figure.links) expect(href).toMatch(/^\.\/sources#source-[A-Za-z0-9._-]+$/);
  }
}

// Every page in dark mode (drawn from the shipped rows, no part of DuckDB fetched, no console
// error or off-host request, chart text light on the dark background): the figure harness,
// tests/browser/figures.test.ts, at both widths.

describe("the Overview", () => {
  it("shows the stage chart as a figure with sources and the SQL cell's rows, with nothing off-host", async () => {
    const {page, problems} = await open("/");
    const figure = page.locator('figure[data-chart="china-by-stage"]');
    expect(await figure.locator(".chart-plot svg").count()).toBeGreaterThan(0);
    expect(await figure.locator("figcaption a.source-link").count()).toBeGreaterThan(1);
    expect(Number(await figure.getAttribute("data-rows"))).toBeGreaterThanOrEqual(4);
    const sqlRows = page.locator("main form[class*='inputs'] table tbody tr");
    await sqlRows.first().waitFor({timeout: 30_000});
    expect(await page.locator("main form[class*='inputs'] table thead th").allTextContents()).toContain("figures");
    for (const theme of ["supply", "trade", "magnets", "wind", "robotics", "sources"]) expect(await page.locator(`main a[href="./${theme}"]`).count()).toBeGreaterThan(0);
    await screenshot(page, shotName("/", "light"));
    expect(problems).toEqual([]);
    await page.context().close();
  });
});

describe("the Supply page", () => {
  it("shows four or more figures with sources, flags the 2025 quota parts, and its toolbar gives exactly the chart's rows", async () => {
    const {page, problems} = await open("/supply", {figures: 6});
    await expectThemeFigures(page);
    const figure = page.locator('figure[data-chart="quota-2025"]');
    expect(await figure.locator(".chart-flag").textContent()).toContain("A data check flags a figure in this chart");
    expect(await figure.locator(".chart-flag").getAttribute("data-checks")).toContain("sum_mismatch:smm25-mining-quota-2025");

    const [csvDownload] = await Promise.all([page.waitForEvent("download"), figure.locator('button[data-action="csv"]').click()]);
    const csv = csvParse(readFileSync((await csvDownload.path())!, "utf8"));
    const release = await page.locator('meta[name="observatory-release"]').getAttribute("content");
    expect(csvDownload.suggestedFilename()).toBe("quota-2025.csv");

    await figure.locator('button[data-action="table"]').click();
    const header = await figure.locator(".chart-table thead th").allTextContents();
    const cells = await figure.locator(".chart-table tbody tr").evaluateAll((rows) => rows.map((row) => [...row.querySelectorAll("td")].map((td) => td.textContent ?? "")));
    // The CSV is the table's columns, then each row's evidence: its sources by title and address, and the release.
    expect([...header.filter(Boolean), ...EVIDENCE_COLUMNS]).toEqual(csv.columns);
    expect(csv.every((row) => row.source_title && row.release_id === release)).toBe(true);
    expect(cells.length).toBe(csv.length);
    expect(cells.length).toBe(Number(await figure.getAttribute("data-rows")));
    // The table has a leading selection cell; the rest line up with the CSV, column by column.
    const shown = header.filter(Boolean);
    const cell = (row: string[], column: string) => row[row.length - shown.length + shown.indexOf(column)];
    expect(cells.map((row) => cell(row, "row_id"))).toEqual(csv.map((row) => row.row_id));
    expect(cells.map((row) => Number(cell(row, "value").replace(/,/g, "")))).toEqual(csv.map((row) => Number(row.value)));

    // Parquet is written in the page by parquet-wasm, whose .wasm must come from this host.
    const [parquetDownload] = await Promise.all([page.waitForEvent("download"), figure.locator('button[data-action="parquet"]').click()]);
    const bytes = readFileSync((await parquetDownload.path())!);
    expect(bytes.subarray(0, 4).toString()).toBe("PAR1");
    expect(bytes.subarray(-4).toString()).toBe("PAR1");

    const sqlText = (await figure.locator(".chart-sql code").textContent())!;
    const href = (await figure.locator('a[data-action="workbench"]').getAttribute("href"))!;
    expect(href.startsWith("./sql#q=")).toBe(true);
    const link = new URLSearchParams(href.slice("./sql#".length));
    expect(link.get("q")).toBe(sqlText.trim());
    // …with the figure's title, a cell name and how the figure draws its rows.
    expect(link.get("title")).toBe(await figure.locator(".chart-title").textContent());
    expect(link.get("name")).toMatch(/^[a-z_][a-z0-9_]*$/);
    expect(JSON.parse(link.get("chart")!)).toMatchObject({mark: expect.stringMatching(/^(line|bar|dot|area)$/), x: expect.any(String), y: expect.any(String)});
    expect(sqlText).toContain("measure = 'china.quota.mining'");
    await screenshot(page, shotName("/supply", "light"));
    expect(problems).toEqual([]);
    await page.context().close();
  });
});

describe("the Trade page", () => {
  it("shows four or more figures with sources, and marks the dated events on the magnet chart", async () => {
    const {page, problems} = await open("/trade", {figures: 6});
    await expectThemeFigures(page);
    // Each dated event is a rule on the monthly panel, named in full in its tooltip.
    const titles = await page.locator('figure[data-chart="monthly-exports"] .chart-plot svg title').allTextContents();
    expect(titles.some((text) => text.includes("US-China tariff agreement"))).toBe(true);
    expect(titles.some((text) => text.includes("Announcement No. 70"))).toBe(true);
    await screenshot(page, shotName("/trade", "light"));
    expect(problems).toEqual([]);
    await page.context().close();
  });
});

describe("inputs", () => {
  it("Supply: picking another country or showing revisions re-runs the queries, redraws the charts and writes the state into the address", async () => {
    const {page, problems} = await watchedPage(browser);
    await page.goto(siteUrl + "/supply");
    await figuresDrawn(page, 6);
    const before = await chartFingerprint(page, "production-share");
    await selectIn(page, "Country").selectOption("United States");
    await page.waitForFunction(() => document.querySelector('figure[data-chart="production-share"] h2')?.textContent?.startsWith("United States"), null, {timeout: 60_000});
    await figuresDrawn(page, 6);
    expect(await chartFingerprint(page, "production-share")).not.toBe(before);
    expect(page.url()).toContain("country=United%20States");

    // "Show revisions" brings superseded USGS editions into the production query and draws them as rings.
    const productionRows = Number(await page.getAttribute('figure[data-chart="mine-production"]', "data-rows"));
    await page.locator("form").filter({has: page.locator('label:text-is("Show revisions")')}).locator("input[type=checkbox]").check();
    await page.waitForFunction((n) => Number(document.querySelector('figure[data-chart="mine-production"]')?.getAttribute("data-rows")) > n, productionRows, {timeout: 30_000});
    await figuresDrawn(page, 6);
    expect(await page.locator('figure[data-chart="mine-production"] .chart-plot svg g[stroke-dasharray] circle').count()).toBeGreaterThan(0);
    expect(page.url()).toContain("revisions=1");

    // The copied address restores the input and the chart in a fresh page.
    const copied = page.url();
    const fresh = await watchedPage(browser);
    await fresh.page.goto(copied);
    await figuresDrawn(fresh.page, 6);
    await fresh.page.waitForFunction(() => document.querySelector('figure[data-chart="production-share"] h2')?.textContent?.startsWith("United States"), null, {timeout: 60_000});
    expect(await chosen(selectIn(fresh.page, "Country"))).toBe("United States");
    expect(await chartFingerprint(fresh.page, "production-share")).toBe(await chartFingerprint(page, "production-share"));
    expect(problems).toEqual([]);
    expect(fresh.problems).toEqual([]);
    await fresh.page.context().close();
    await page.context().close();
  });

  it("Trade: a copied address with a partner and year range restores both inputs and the charts they drive", async () => {
    const {page, problems} = await watchedPage(browser);
    await page.goto(siteUrl + "/trade?years=2018-2024&partner=Malaysia");
    await figuresDrawn(page, 6);
    await page.waitForFunction(() => document.querySelector('figure[data-chart="partner-share"] h2')?.textContent?.startsWith("Malaysia"), null, {timeout: 60_000});
    expect(await chosen(selectIn(page, "Partner"))).toBe("Malaysia");
    expect(await chosen(page.locator('[data-input="year-from"] select'))).toBe("2018");
    expect(await chosen(page.locator('[data-input="year-to"] select'))).toBe("2024");
    const years = await page.$eval('figure[data-chart="imports-by-partner"]', (f) => Number(f.getAttribute("data-rows")));
    expect(years).toBe(4 * 2 + 3 * 5); // Laos appears from 2023; Malaysia, Myanmar and World every year
    expect(problems).toEqual([]);
    await page.context().close();
  });
});

describe("the Sources page", () => {
  it("has an anchor per cited source, web addresses as rel=noopener links, and the data checks", async () => {
    const {page, problems} = await watchedPage(browser);
    await page.goto(siteUrl + "/sources#source-smm-forum-2025");
    await page.locator("table.source-list tbody tr").first().waitFor({timeout: 30_000});
    expect(await page.locator("#source-smm-forum-2025").count()).toBe(1);
    expect(await page.locator("#source-usgs-mcs2026-data").count()).toBe(1);
    const links = await page.$$eval("table.source-list a[href^='http']", (list) => list.map((a) => a.getAttribute("rel") ?? ""));
    expect(links.length).toBeGreaterThan(50);
    for (const rel of links) expect(rel).toContain("noopener");
    const check = page.locator('[id="check-sum_mismatch:smm25-mining-quota-2025"]');
    expect(await check.count()).toBe(1);
    expect(await check.textContent()).toContain("smm25-mining-quota-rock-2025");
    await screenshot(page, shotName("/sources", "light"));
    expect(problems).toEqual([]);
    await page.context().close();
  });

  it("lists every source and every finding within a phone's width, each column a labelled line", async () => {
    const {page, problems} = await watchedPage(browser);
    await page.setViewportSize({width: 390, height: 844});
    await page.goto(siteUrl + "/sources");
    await page.locator("table.check-list tbody tr").first().waitFor({timeout: 30_000});
    for (const table of ["table.source-list", "table.check-list"]) {
      const {scroll, client} = await page.$eval(table, (t) => ({scroll: t.parentElement!.scrollWidth, client: t.parentElement!.clientWidth}));
      expect(scroll, `${table} runs off the side`).toBeLessThanOrEqual(client);
    }
    const confidence = page.locator("table.source-list tbody tr").first().locator('td[data-label="Confidence"]');
    expect(await confidence.evaluate((td) => getComputedStyle(td).display)).toBe("block");
    expect(await confidence.evaluate((td) => getComputedStyle(td, "::before").content)).toMatch(/data-label|Confidence/);
    expect(problems).toEqual([]);
    await page.context().close();
  });

  it("shows the checks table, the copy each source was read at and the data release when the address ends in a malformed escape", async () => {
    const {page, problems} = await watchedPage(browser);
    await page.goto(siteUrl + "/sources#check-%E0%A4%A");
    await page.locator("table.check-list tbody tr").first().waitFor({timeout: 30_000});
    expect(await page.locator("table.check-list tbody tr").count()).toBeGreaterThan(5);
    const forum = await page.locator("#source-smm-forum-2025 .read-at").textContent();
    expect(forum).toMatch(/^Read at: no web address — /);
    const usgs = page.locator("#source-usgs-mcs2026-data");
    expect(await usgs.locator("a").first().getAttribute("href")).toBe("https://doi.org/10.5066/P1WKQ63T");
    expect(await usgs.locator(".read-at a").getAttribute("href")).toMatch(/^https:\/\/github\.com\//);
    const release = dataRelease().release_id;
    expect(await page.locator("#release .release-id").textContent()).toBe(release);
    expect(await page.locator("footer").textContent()).toContain(`Data release ${release}`);
    expect(problems).toEqual([]);
    await page.context().close();
  });
});
