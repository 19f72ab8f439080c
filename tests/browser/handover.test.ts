// The reader must never see different numbers when DuckDB-WASM takes over from the rows
// shipped with a page: every shipped result is run again by DuckDB-WASM and compared.
import {readFileSync, readdirSync} from "node:fs";
import {join, resolve} from "node:path";
import type {Browser} from "playwright-core";
import {afterAll, beforeAll, describe, expect, inject, it} from "vitest";
import type {PrecomputedResults} from "../../src/components/query.ts";
import {dbModulePath} from "../../scripts/bench/sql.ts";
import {launchBrowser, watchedPage} from "./browser.ts";

const dist = resolve(import.meta.dirname, "..", "..", "dist");
const initialDir = join(dist, "_file", "data", "initial");

function shippedPages(): {page: string; results: PrecomputedResults}[] {
  return readdirSync(initialDir)
    .filter((f) => f.endsWith(".json"))
    .map((f) => ({page: f.replace(/\.[0-9a-f]+\.json$/, ""), results: JSON.parse(readFileSync(join(initialDir, f), "utf8"))}));
}

/** Rows as comparable text: cells in column order, numbers to 12 significant digits, sorted. */
function canonical(columns: string[], rows: unknown[][]): string[] {
  const cell = (v: unknown) => (typeof v === "number" ? Number(v.toPrecision(12)) : v);
  return rows.map((r) => JSON.stringify(columns.map((_, i) => cell(r[i])))).sort();
}

let browser: Browser;
beforeAll(async () => (browser = await launchBrowser()));
afterAll(async () => browser?.close());

describe("hand-over from shipped rows to DuckDB-WASM", () => {
  it("ships first-state results for the overview and every theme page", () => {
    const pages = shippedPages().map((p) => p.page);
    for (const page of ["index", "supply", "trade", "prices", "magnets", "wind", "robotics"]) expect(pages).toContain(page);
  });

  it("gives the same rows in DuckDB-WASM as the shipped results, for every query of every page", async () => {
    const {page, problems} = await watchedPage(browser);
    await page.goto(inject("siteUrl") + "/");
    await page.evaluate(`import(${JSON.stringify(dbModulePath(dist))}).then((db) => db.getDatabase())`);
    let compared = 0;
    for (const {page: name, results} of shippedPages()) {
      for (const [key, shipped] of Object.entries(results.results)) {
        const sql = shipped.sql ?? key;
        const live = (await page.evaluate(
          `observatory.query(${JSON.stringify(sql)}).then((rows) => ({columns: rows.columns, rows: rows.map((r) => rows.columns.map((c) => r[c] instanceof Date ? r[c].getTime() : r[c]))}))`
        )) as {columns: string[]; rows: unknown[][]};
        const shippedColumns = shipped.columns.map((c) => c.name);
        expect(live.columns, `${name}: ${sql}`).toEqual(shippedColumns);
        expect(canonical(live.columns, live.rows), `${name}: ${sql}`).toEqual(canonical(shippedColumns, shipped.rows));
        compared++;
      }
    }
    expect(compared).toBeGreaterThan(10);
    expect(problems).toEqual([]);
  });
});
