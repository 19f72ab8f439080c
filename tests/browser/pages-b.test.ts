// The Magnets, Wind and Robotics pages as a reader meets them: charts with sources, inputs
// that redraw the charts (a scenario slider changes the computed demand), a copied link
// that brings the inputs back, and a CSV download that holds the chart's rows.
import {readFileSync} from "node:fs";
import type {Browser, Locator, Page} from "playwright-core";
import {afterAll, beforeAll, describe, expect, inject, it} from "vitest";
import {hydrated, launchBrowser, screenshot, watchedPage} from "./browser.ts";

const siteUrl = inject("siteUrl");
let browser: Browser;

beforeAll(async () => (browser = await launchBrowser()));
afterAll(async () => browser?.close());

async function open(path: string, colorScheme: "light" | "dark" = "light") {
  const watched = await watchedPage(browser, {colorScheme});
  await watched.page.goto(`${siteUrl}${path}`);
  // The baked first state is in the HTML at once; the page is the reader's once the live figures
  // replaced it (an address with a state of its own may need DuckDB, which takes a while to start).
  await hydrated(watched.page, {timeout: 60_000});
  await watched.page.locator("figure[data-chart] svg").first().waitFor({timeout: 60_000});
  return watched;
}

/** Sets an input the way a reader's drag would end: a new value, then an `input` event. */
async function setRange(page: Page, name: string, value: number): Promise<void> {
  await page.locator(`[data-input="${name}"] input[type=range]`).evaluate((input: HTMLInputElement, v) => {
    input.value = String(v);
    input.dispatchEvent(new Event("input", {bubbles: true}));
  }, value);
}

async function numberValue(page: Page, name: string): Promise<number> {
  return Number(await page.locator(`[data-input="${name}"] input[type=number]`).inputValue());
}

function chartSvg(page: Page, id: string): Locator {
  return page.locator(`figure[data-chart="${id}"] .chart-plot svg`).last();
}

async function scenarioTotal(page: Page): Promise<number> {
  return Number(await page.locator("[data-scenario-total]").getAttribute("data-scenario-total"));
}

/** Waits until a chart's drawing differs from `before`. */
async function redrawn(page: Page, id: string, before: string): Promise<string> {
  await page.waitForFunction(
    ([chart, old]) => {
      const svgs = document.querySelectorAll(`figure[data-chart="${chart}"] .chart-plot svg`);
      const svg = svgs[svgs.length - 1];
      return svg && svg.outerHTML !== old;
    },
    [id, before] as const,
    {timeout: 30_000}
  );
  return chartSvg(page, id).evaluate((svg) => svg.outerHTML);
}

async function expectFiguresWithSources(page: Page, minimum: number): Promise<void> {
  const figures = page.locator("figure[data-chart]");
  expect(await figures.count()).toBeGreaterThanOrEqual(minimum);
  for (const figure of await figures.all()) {
    const id = await figure.getAttribute("data-chart");
    expect(await figure.locator("svg").count(), `${id} has a chart`).toBeGreaterThan(0);
    expect(await figure.locator("figcaption a[href^='./sources#source-']").count(), `${id} links a source`).toBeGreaterThan(0);
  }
}

/** Clicks a figure's CSV button and returns the file's lines. */
async function downloadCsv(page: Page, id: string): Promise<string[]> {
  const [download] = await Promise.all([page.waitForEvent("download"), page.locator(`figure[data-chart="${id}"] [data-action="csv"]`).click()]);
  return readFileSync((await download.path())!, "utf8").trim().split("\n");
}

const PAGES = ["magnets", "wind", "robotics"] as const;

describe("the Magnets, Wind and Robotics pages", () => {
  for (const name of PAGES) {
    it(`${name}: loads with no problem and shows at least four charts, each with a source link`, async () => {
      const {page, problems} = await open(`/${name}`);
      await expectFiguresWithSources(page, 4);
      expect(await page.locator(".card a[href^='./sources#source-']").count(), "headline cards link their sources").toBeGreaterThanOrEqual(3);
      await screenshot(page, `pages-b-${name}-light`);
      expect(problems).toEqual([]);
    });

    // In dark mode: the figure harness (figures.test.ts) checks every page, chart text included.
  }
});

describe("the Magnets scenario", () => {
  it("downloads a chart's rows as CSV, recomputes demand when a slider moves, and the chart follows", async () => {
    const {page, problems} = await open("/magnets");
    const figure = page.locator('figure[data-chart="magnets-demand-by-end-use"]');
    const rows = Number(await figure.getAttribute("data-rows"));
    const lines = await downloadCsv(page, "magnets-demand-by-end-use");
    expect(lines[0].split(",")).toEqual(expect.arrayContaining(["row_id", "category", "period", "value", "basis", "source_id"]));
    expect(lines.length - 1).toBe(rows);
    expect(lines.some((line) => line.startsWith("smm25-nev-ndfeb-demand-2025,") && line.includes(",75000,"))).toBe(true);

    const kg = await numberValue(page, "nev_kg");
    const units = await numberValue(page, "nev_units");
    const before = await scenarioTotal(page);
    const svg = await chartSvg(page, "magnets-scenario").evaluate((element) => element.outerHTML);
    await setRange(page, "nev_kg", 2);
    await redrawn(page, "magnets-scenario", svg);
    // Only the NEV term changes: units (million) × 1e6 × Δkg ÷ 1,000 t.
    const expected = before + (units * 1e6 * (2 - kg)) / 1000;
    await page.waitForFunction((n) => Math.abs(Number(document.querySelector("[data-scenario-total]")?.getAttribute("data-scenario-total")) - n) <= 1, expected);
    expect(Math.abs((await scenarioTotal(page)) - expected)).toBeLessThanOrEqual(1);
    expect(await chartSvg(page, "magnets-scenario").textContent()).toContain((units * 2 * 1000).toLocaleString("en-US", {maximumFractionDigits: 0}));
    expect(new URL(page.url()).searchParams.get("nev_kg")).toBe("2");
    expect(problems).toEqual([]);
  });

  it("restores the inputs from a copied link", async () => {
    const {page, problems} = await open("/magnets?unit=kt&area=World&nev_kg=3&ac_units=300");
    expect(await numberValue(page, "nev_kg")).toBe(3);
    expect(await numberValue(page, "ac_units")).toBe(300);
    expect(await page.locator('[data-input="unit"] input:checked').evaluate((input) => input.parentElement?.textContent?.trim())).toBe("thousand tonnes");
    expect(await page.locator('[data-input="area"] input:checked').evaluate((input) => input.parentElement?.textContent?.trim())).toBe("World");
    await page.waitForFunction(() => document.querySelector('figure[data-chart="magnets-vehicles"] h2')?.textContent?.includes("worldwide"), null, {timeout: 30_000});
    const axis = await chartSvg(page, "magnets-demand-by-end-use").textContent();
    expect(axis).toContain("NdFeB demand (kt)");
    expect(problems).toEqual([]);
  });
});

describe("the Wind page", () => {
  it("re-runs its queries in DuckDB when the unit changes, and a copied link restores it", async () => {
    const {page, problems} = await open("/wind");
    const svg = await chartSvg(page, "wind-new-installations").evaluate((element) => element.outerHTML);
    await page.locator('[data-input="unit"] label', {hasText: "MW"}).click();
    const after = await redrawn(page, "wind-new-installations", svg);
    expect(after).toContain("Wind added (MW)");
    expect(new URL(page.url()).searchParams.get("unit")).toBe("MW");
    // The 2024 GWEC world figure, 117 GW, is now 117,000 MW in the downloaded rows.
    const lines = await downloadCsv(page, "wind-new-installations");
    expect(lines.find((line) => line.startsWith("pf-500,"))).toContain(",117000,");

    const copied = await open(`/wind${new URL(page.url()).search}&area=China`);
    expect(await copied.page.locator('[data-input="unit"] input:checked').evaluate((input) => input.parentElement?.textContent?.trim())).toBe("MW");
    await copied.page.waitForFunction(() => [...document.querySelectorAll('figure[data-chart="wind-new-installations"] .chart-plot svg')].some((svg) => svg.textContent?.includes("Wind added (MW)")), null, {timeout: 30_000});
    const csv = await downloadCsv(copied.page, "wind-new-installations");
    expect(csv.length).toBeGreaterThan(1);
    expect(csv.slice(1).every((line) => line.includes(`,"China, `))).toBe(true);
    expect(problems).toEqual([]);
    expect(copied.problems).toEqual([]);
  });
});

describe("the Robotics scenario", () => {
  it("multiplies shipments by kg per robot, and restores both from the link", async () => {
    const {page, problems} = await open("/robotics");
    const svg = await chartSvg(page, "robotics-scenario").evaluate((element) => element.outerHTML);
    await setRange(page, "kg", 2);
    await redrawn(page, "robotics-scenario", svg);
    const shipments = await numberValue(page, "shipments");
    await page.waitForFunction((n) => Number(document.querySelector("[data-scenario-total]")?.getAttribute("data-scenario-total")) === n, Math.round((shipments * 2) / 1000));
    const search = new URL(page.url()).search;
    expect(search).toContain("kg=2");

    const copied = await open(`/robotics${search.replace(/shipments=[^&]*/, "").replace(/&$/, "")}&shipments=100000`);
    expect(await numberValue(copied.page, "kg")).toBe(2);
    expect(await numberValue(copied.page, "shipments")).toBe(100000);
    expect(await scenarioTotal(copied.page)).toBe(200);
    expect(problems).toEqual([]);
    expect(copied.problems).toEqual([]);
  });
});
