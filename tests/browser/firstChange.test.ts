// A reader's first change of any input on a theme page is answered without DuckDB-WASM: by
// the results the build ran for every state one change away (data/initial/<page>.next.json).
// The database's binary is held back (its request never answers), so a change that needed the
// database would never draw, and would show the database's status line. For every input of
// every theme page: change it, see the figures' SQL follow the input with no status line, and
// change it back. (The rows themselves are compared with DuckDB-WASM's in handover.test.ts.)
//
// A change redraws exactly the figures that read the changed input: those whose query reads it
// (its SQL, title, subtitle or chart encoding, run here over the page's defaults) and those whose
// cell draws with it (names it outside the state it gives the query). Every other figure stays
// the element it was: not queried, not redrawn.
import {resolve} from "node:path";
import type {Browser, Page} from "playwright-core";
import {afterAll, beforeAll, describe, expect, inject, it} from "vitest";
import {applyChange, listChanges, settledAfterInput, SETTLE_PROBE, waitedForDatabase, type Change} from "../../scripts/bench/interaction.ts";
import {figurePlacements, type Placement} from "../../scripts/site/figurePlacements.ts";
import {forState} from "../../src/components/query.ts";
import {launchBrowser, watchedPage} from "./browser.ts";

const THEME_PAGES = ["/supply", "/trade", "/prices", "/magnets", "/wind", "/robotics"];
const placements = await figurePlacements(resolve(import.meta.dirname, "..", "..", "src"), THEME_PAGES);

/** The inputs a figure's query reads: its SQL, title, subtitle and encoding for the page's first state, watched. */
function inputsRead(placement: Placement): Set<string> {
  const read = new Set<string>();
  const query = placement.query;
  // A figure whose state is not the page's inputs (a scenario's sliders) reads none of them.
  if (!query || query.precompute === false) return read;
  const watched = new Proxy(placement.defaults, {
    get: (target, key, receiver) => {
      if (typeof key === "string" && key in target) read.add(key);
      return Reflect.get(target, key, receiver);
    }
  });
  query.sql(watched);
  forState(query.title, watched);
  if (query.subtitle !== undefined) forState(query.subtitle, watched);
  if (query.chart !== undefined) forState(query.chart, watched);
  return read;
}

/** The inputs a figure's cell draws with: named in its code outside the state it gives the query (comments and quoted strings left out). */
function inputsDrawnWith(placement: Placement): Set<string> {
  const code = placement.cell
    .replace(placement.given, "")
    .replace(/\/\/.*$/gm, "")
    .replace(/"(?:[^"\\\n]|\\.)*"|'(?:[^'\\\n]|\\.)*'/g, '""');
  return new Set(Object.keys(placement.defaults).filter((key) => new RegExp(`(?<![\\w$.])${key}(?![\\w$])`).test(code)));
}

/** The figures a change of `input` must redraw on `path`. */
function redrawnBy(path: string, input: string): string[] {
  return placements.filter((p) => p.page === path && (inputsRead(p).has(input) || inputsDrawnWith(p).has(input))).map((p) => p.id).sort();
}

/** Marks every figure on the page, to tell afterwards which ones a change replaced. */
const markFigures = (page: Page) => page.evaluate(`document.querySelectorAll("figure[data-chart]").forEach((f) => (f.__beforeChange = true))`);
const replacedFigures = (page: Page) =>
  page.evaluate(`[...document.querySelectorAll("figure[data-chart]")].filter((f) => !f.__beforeChange).map((f) => f.dataset.chart).sort()`) as Promise<string[]>;

let browser: Browser;
beforeAll(async () => (browser = await launchBrowser()));
afterAll(async () => browser?.close());

/** Every figure's shown SQL, by figure id. */
const shownSql = (page: Page) =>
  page.evaluate(`Object.fromEntries([...document.querySelectorAll("figure[data-chart]")].map((f) => [f.dataset.chart, f.querySelector(".chart-sql code")?.textContent ?? ""]))`) as Promise<Record<string, string>>;

/** The change that puts a control back to its first value (remembered on the page before any change). */
async function undo(page: Page, change: Change): Promise<Change> {
  if (change.kind === "checkbox") return {...change, value: !change.value};
  const original = (await page.evaluate(
    change.kind === "select"
      ? `document.querySelectorAll("main select")[${change.index}].dataset.firstValue`
      : `[...document.querySelectorAll("main form")].filter((f) => f.querySelector("input[type=radio]"))[${change.index}].dataset.firstIndex`
  )) as string;
  return {...change, value: original};
}

describe("the first change is answered without the database, and redraws only the figures that read the input", () => {
  for (const path of THEME_PAGES) {
    it(`${path}: every input, changed once from the first state`, async () => {
      const {page, problems} = await watchedPage(browser);
      await page.context().route("**/duckdb-eh.wasm*", () => {}); // never answered
      await page.addInitScript(SETTLE_PROBE);
      await page.goto(inject("siteUrl") + path, {waitUntil: "networkidle"});
      // Remember each control's first value, to put it back after each change.
      await page.evaluate(`
        document.querySelectorAll("main select").forEach((s) => (s.dataset.firstValue = s.value));
        [...document.querySelectorAll("main form")].filter((f) => f.querySelector("input[type=radio]")).forEach((f) => (f.dataset.firstIndex = [...f.querySelectorAll("input[type=radio]")].findIndex((r) => r.checked)));
      `);
      const first = await shownSql(page);
      const changes = await listChanges(page);
      expect(changes.length, "inputs found").toBeGreaterThanOrEqual(3);
      const differs = async () => {
        const now = await shownSql(page);
        return Object.keys(first).filter((id) => now[id] !== first[id]).length;
      };
      for (const change of changes) {
        expect(change.input, `${change.label}: the control names no part of the state (data-input)`).toBeDefined();
        await markFigures(page);
        await applyChange(page, change, {hover: false});
        await expect.poll(differs, {message: `${change.label}: no figure's SQL followed the input`, timeout: 10_000, interval: 50}).toBeGreaterThan(0);
        expect(await settledAfterInput(page, {quietMs: 100, timeoutMs: 10_000}), `${change.label}: the page never settled`).not.toBeNaN();
        expect(await replacedFigures(page), `${change.label}: the figures redrawn`).toEqual(redrawnBy(path, change.input!));
        const after = await shownSql(page);
        expect(Object.keys(after).sort(), `${change.label}: a figure went missing (waiting for the database?)`).toEqual(Object.keys(first).sort());
        expect(await waitedForDatabase(page), `${change.label}: a query waited for the database`).toBe(false);
        await applyChange(page, await undo(page, change), {hover: false});
        await expect.poll(() => shownSql(page), {message: `${change.label}, undone: back to the first state`, timeout: 10_000, interval: 50}).toEqual(first);
      }
      expect(problems).toEqual([]);
      await page.context().close();
    });
  }
});
