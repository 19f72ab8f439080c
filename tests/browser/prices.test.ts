// The Prices page and Trade's monthly panel as a reader meets them: at least four charts with
// sources, the latest Pr-Nd oxide price on a card with its date, inputs that redraw the charts,
// a copied link that brings the inputs back, and CSV downloads that hold the charts' rows.
import {readFileSync} from "node:fs";
import {csvParseRows} from "d3-dsv";
import type {Browser, Page} from "playwright-core";
import {afterAll, beforeAll, describe, expect, inject, it} from "vitest";
import {hydrated, launchBrowser, screenshot, watchedPage} from "./browser.ts";

const siteUrl = inject("siteUrl");
let browser: Browser;

beforeAll(async () => (browser = await launchBrowser()));
afterAll(async () => browser?.close());

async function open(path: string, {colorScheme = "light", width = 1280}: {colorScheme?: "light" | "dark"; width?: number} = {}) {
  const watched = await watchedPage(browser, {colorScheme});
  await watched.page.setViewportSize({width, height: 900});
  await watched.page.goto(`${siteUrl}${path}`);
  await watched.page.locator("figure[data-chart] svg").first().waitFor({timeout: 90_000});
  // The baked first state is in the HTML at once; the page is the reader's once the live figures replaced it.
  await hydrated(watched.page, {timeout: 90_000});
  return watched;
}

const svgOf = (page: Page, id: string) => page.locator(`figure[data-chart="${id}"] .chart-plot`).evaluate((element) => element.innerHTML);

async function redrawn(page: Page, id: string, before: string): Promise<void> {
  await page.waitForFunction(([chart, old]) => document.querySelector(`figure[data-chart="${chart}"] .chart-plot`)?.innerHTML !== old, [id, before] as const, {timeout: 60_000});
}

async function downloadCsv(page: Page, id: string): Promise<string[]> {
  const [download] = await Promise.all([page.waitForEvent("download"), page.locator(`figure[data-chart="${id}"] [data-action="csv"]`).click()]);
  return readFileSync((await download.path())!, "utf8").trim().split("\n");
}

async function expectChartsWithSources(page: Page, ids: readonly string[]): Promise<void> {
  for (const id of ids) {
    const figure = page.locator(`figure[data-chart="${id}"]`);
    expect(await figure.locator("svg").count(), `${id} is drawn`).toBeGreaterThan(0);
    expect(await figure.locator("figcaption a[href^='./sources#source-']").count(), `${id} links a source`).toBeGreaterThan(0);
  }
}

const PRICE_CHARTS = ["price-history", "heavy-rare-earths", "prnd-oxide-and-metal", "company-prices"];

describe("the Prices page", () => {
  it("shows four charts with sources and the latest Pr-Nd oxide price on a card with its date", async () => {
    const {page, problems} = await open("/prices");
    await expectChartsWithSources(page, PRICE_CHARTS);
    const card = page.locator('.price-card[data-price="prnd-oxide"]');
    expect(await card.locator(".price-date").textContent()).toBe("2026-02-12");
    expect(await card.locator(".big").textContent()).toBe("845,000–855,000");
    expect(await card.locator('[data-span="1y"]').textContent()).toMatch(/^\+\d+(\.\d)?% on 2025-02-\d\d$/);
    // Events from the timeline mark the time axis.
    expect(await page.locator('figure[data-chart="price-history"] .chart-plot svg[viewBox]').textContent()).toContain("MOFCOM/GAC Announcement No. 18");
    for (const [scheme, width] of [["light", 1280], ["dark", 1280], ["light", 390], ["dark", 390]] as const) {
      const shot = scheme === "light" && width === 1280 ? {page} : await open("/prices", {colorScheme: scheme, width});
      await screenshot(shot.page, `prices-${scheme}-${width}`);
      if (shot.page !== page) expect((shot as {problems: string[]}).problems).toEqual([]);
    }
    expect(problems).toEqual([]);
  });

  it("redraws for another element and currency, mirrors them in the address, and downloads the rows drawn", async () => {
    const {page, problems} = await open("/prices");
    const before = await svgOf(page, "price-history");
    await page.locator('[data-input="element"] select').selectOption({label: "Terbium oxide"});
    await redrawn(page, "price-history", before);
    const afterElement = await svgOf(page, "price-history");
    await page.locator('[data-input="currency"] label', {hasText: "US dollars"}).click();
    await redrawn(page, "price-history", afterElement);
    expect(await page.locator('figure[data-chart="price-history"] h2').textContent()).toBe("Terbium oxide: prices by market, in US dollars");
    const params = new URL(page.url()).searchParams;
    expect([params.get("element"), params.get("currency")]).toEqual(["tb-oxide", "USD"]);
    const figure = page.locator('figure[data-chart="price-history"]');
    const lines = await downloadCsv(page, "price-history");
    expect(lines.length - 1).toBe(Number(await figure.getAttribute("data-rows")));
    const [header, ...records] = csvParseRows(lines.join("\n"));
    const unit = header.indexOf("unit");
    const kind = header.indexOf("kind");
    const prices = records.filter((cells) => cells[kind] === "price");
    expect(prices.length).toBeGreaterThan(0);
    expect(prices.every((cells) => cells[unit] === "USD/kg")).toBe(true);
    expect(problems).toEqual([]);
  });

  it("restores element, currency and years from a copied link", async () => {
    const {page, problems} = await open("/prices?element=dy-oxide&currency=USD&years=2024-2026");
    expect(await page.locator('[data-input="element"] select').evaluate((select: HTMLSelectElement) => select.selectedOptions[0].textContent)).toBe("Dysprosium oxide");
    expect(await page.locator('[data-input="currency"] input:checked').evaluate((input) => input.parentElement?.textContent?.trim())).toBe("US dollars (USD)");
    await page.waitForFunction(() => document.querySelector('figure[data-chart="price-history"] h2')?.textContent === "Dysprosium oxide: prices by market, in US dollars", null, {timeout: 60_000});
    const lines = await downloadCsv(page, "price-history");
    const [header, ...records] = csvParseRows(lines.join("\n"));
    const period = header.indexOf("period");
    expect(records.every((cells) => cells[period] >= "2024")).toBe(true);
    expect(problems).toEqual([]);
  });
});

describe("Trade's monthly panel and timeline", () => {
  it("draws every month from January 2023 with gaps as gaps, the timeline with its events, and downloads equal the tables", async () => {
    const {page, problems} = await open("/trade");
    await expectChartsWithSources(page, ["monthly-exports", "exports-year-to-date", "magnet-exports-by-destination", "dy-tb-exports-by-month", "trade-year-totals", "export-control-timeline"]);
    const lines = await downloadCsv(page, "monthly-exports");
    expect(lines.length - 1).toBe(Number(await page.locator('figure[data-chart="monthly-exports"]').getAttribute("data-rows")));
    const [header, ...records] = csvParseRows(lines.join("\n"));
    const [measure, period, value] = ["measure", "period", "value"].map((name) => header.indexOf(name));
    const customs = records.filter((cells) => cells[measure].startsWith("Rare-earth exports (customs"));
    const months = customs.map((cells) => cells[period]);
    expect(months[0]).toBe("2023-01");
    // A continuous axis: each month follows the one before.
    for (let i = 1; i < months.length; i++) {
      const [y, m] = months[i - 1].split("-").map(Number);
      expect(months[i]).toBe(m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, "0")}`);
    }
    expect(customs.find((cells) => cells[period] === "2025-01")?.[value]).toBe("");
    expect(customs.find((cells) => cells[period] === "2025-06")?.[value]).toBe("7742.2");
    const timeline = await page.locator('figure[data-chart="export-control-timeline"]').getAttribute("data-rows");
    expect(Number(timeline)).toBeGreaterThanOrEqual(8);
    await screenshot(page, "trade-monthly-light-1280");
    const narrow = await open("/trade", {colorScheme: "dark", width: 390});
    await screenshot(narrow.page, "trade-monthly-dark-390");
    expect(problems).toEqual([]);
    expect(narrow.problems).toEqual([]);
  });
});
