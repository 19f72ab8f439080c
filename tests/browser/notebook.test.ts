// The notebook on /sql, driven as a reader drives it: cells added with buttons, SQL typed
// with real keystrokes, inputs changed, links opened in a fresh browser, a page exported
// and built offline in a copy of the project.
import {readFileSync} from "node:fs";
import type {Browser, Page} from "playwright-core";
import {afterAll, beforeAll, describe, expect, inject, it} from "vitest";
import {launchBrowser, screenshot, watchedPage, type WatchedPage} from "./browser.ts";

const siteUrl = inject("siteUrl");
let browser: Browser;
let shared: WatchedPage;

beforeAll(async () => {
  browser = await launchBrowser();
  shared = await watchedPage(browser);
  await shared.page.goto(`${siteUrl}/sql`);
  await ready(shared.page);
});

afterAll(async () => {
  await browser?.close();
});

const ready = (page: Page) => page.waitForSelector('.wb[data-state="idle"]', {timeout: 180_000});
const cell = (page: Page, i: number) => page.locator(".nb-cell").nth(i);
const passes = (page: Page) => page.$eval(".wb", (e) => Number((e as HTMLElement).dataset.runs ?? 0));
const cellRuns = (page: Page, i: number) => cell(page, i).evaluate((e) => Number((e as HTMLElement).dataset.runs));
const cellState = (page: Page, i: number) => cell(page, i).evaluate((e) => (e as HTMLElement).dataset.state);

async function afterPass(page: Page, action: () => Promise<void>): Promise<void> {
  const before = await passes(page);
  await action();
  await page.waitForFunction((n) => Number(document.querySelector<HTMLElement>(".wb")?.dataset.runs ?? 0) > n && document.querySelector<HTMLElement>(".wb")?.dataset.state === "idle", before, {timeout: 60_000});
}

async function typeInto(page: Page, i: number, sql: string): Promise<void> {
  await cell(page, i).locator(".cm-content").click();
  await page.keyboard.press("Control+A");
  await page.keyboard.press("Delete");
  await page.keyboard.type(sql);
  await page.keyboard.press("Escape");
}

async function rows(page: Page, i: number): Promise<string[][]> {
  return cell(page, i).locator(".wb-result tbody tr[data-row]").evaluateAll((trs) => trs.map((tr) => [...(tr as HTMLTableRowElement).cells].map((td) => td.textContent ?? "")));
}

/** Kinds, names and text of every cell, and every SQL cell's rows. */
async function snapshot(page: Page) {
  const cells = await page.$$eval(".nb-cell", (sections) =>
    sections.map((s) => ({kind: (s as HTMLElement).dataset.kind, name: (s.querySelector(".nb-name") as HTMLInputElement | null)?.value ?? null, sql: s.querySelector(".cm-content")?.textContent ?? null}))
  );
  const results = [];
  for (let i = 0; i < cells.length; i++) results.push(cells[i].kind === "sql" ? await rows(page, i) : null);
  return {cells, results};
}

describe("the SQL notebook", () => {
  it("re-runs only the cells that depend on a change, marks a cell stale when its upstream fails, and recovers", async () => {
    const {page} = shared;
    await typeInto(page, 0, "SELECT * FROM (VALUES ('China', 10), ('Japan', 5), ('China', 3)) t(country, n)");
    await afterPass(page, () => page.keyboard.press("Control+Enter"));
    await page.click(".nb-add-input");
    await cell(page, 1).locator(".nb-name").fill("pick");
    await cell(page, 1).locator(".nb-name").press("Enter");
    await cell(page, 1).locator(".nb-input-value").fill("China");
    await afterPass(page, () => cell(page, 1).locator(".nb-input-value").press("Enter"));
    await page.click(".nb-add-sql");
    await typeInto(page, 2, "SELECT country, sum(n) AS total FROM cell_1 WHERE country = $pick GROUP BY country");
    await afterPass(page, () => page.keyboard.press("Control+Enter"));
    expect(await rows(page, 2)).toEqual([["China", "13"]]);

    const [firstRuns, secondRuns] = [await cellRuns(page, 0), await cellRuns(page, 2)];
    await cell(page, 1).locator(".nb-input-value").fill("Japan");
    await afterPass(page, () => cell(page, 1).locator(".nb-input-value").press("Enter"));
    expect(await rows(page, 2)).toEqual([["Japan", "5"]]);
    expect(await cellRuns(page, 2)).toBe(secondRuns + 1);
    expect(await cellRuns(page, 0)).toBe(firstRuns);

    await typeInto(page, 0, "SELECT * FROM no_such_table");
    await afterPass(page, () => page.keyboard.press("Control+Enter"));
    expect(await cellState(page, 0)).toBe("failed");
    expect(await cellState(page, 2)).toBe("stale");
    expect(await cell(page, 2).locator(".nb-state").textContent()).toMatch(/reads cell_1, which failed/);

    await typeInto(page, 0, "SELECT * FROM (VALUES ('China', 10), ('Japan', 7)) t(country, n)");
    await afterPass(page, () => page.keyboard.press("Control+Enter"));
    expect([await cellState(page, 0), await cellState(page, 2)]).toEqual(["done", "done"]);
    expect(await rows(page, 2)).toEqual([["Japan", "7"]]);
    await screenshot(page, "sql-notebook-light");
    expect(shared.problems).toEqual([]);
  });

  it("reproduces the notebook, its cells and their results, from its address in a fresh browser", async () => {
    const url = shared.page.url();
    expect(new URL(url).hash).toMatch(/^#nb=/);
    const before = await snapshot(shared.page);
    const fresh = await watchedPage(browser, {colorScheme: "dark"});
    await fresh.page.goto(url);
    await ready(fresh.page);
    await fresh.page.waitForFunction(() => [...document.querySelectorAll<HTMLElement>('.nb-cell[data-kind="sql"]')].every((c) => c.dataset.state === "done"), null, {timeout: 60_000});
    expect(await snapshot(fresh.page)).toEqual(before);
    await screenshot(fresh.page, "sql-notebook-dark");
    expect(fresh.problems).toEqual([]);
    await fresh.page.context().close();
  });

  it("names a clash and a cycle on the cells, and inserts, moves and collapses cells with keys and buttons", async () => {
    const {page} = shared;
    await cell(page, 2).locator(".cm-content").click();
    await page.keyboard.press("Alt+Enter");
    await expect.poll(() => page.locator(".nb-cell").count()).toBe(4);
    await cell(page, 3).locator(".nb-name").fill("cell_1");
    await cell(page, 3).locator(".nb-name").press("Enter");
    await expect.poll(() => cell(page, 3).locator(".wb-error").textContent()).toMatch(/Two cells are named cell_1/);
    await cell(page, 3).locator(".nb-name").fill("loop_b");
    await cell(page, 3).locator(".nb-name").press("Enter");
    await typeInto(page, 3, "SELECT * FROM cell_2");
    await typeInto(page, 2, "SELECT * FROM loop_b");
    await afterPass(page, () => page.keyboard.press("Control+Enter"));
    expect(await cell(page, 2).locator(".wb-error").textContent()).toMatch(/circle: (cell_2 → loop_b → cell_2|loop_b → cell_2 → loop_b)/);
    await cell(page, 3).locator(".nb-up").click();
    expect(await cell(page, 2).locator(".nb-name").inputValue()).toBe("loop_b");
    await cell(page, 2).locator(".nb-collapse").click();
    expect(await cell(page, 2).locator(".nb-body").isHidden()).toBe(true);
    await cell(page, 2).locator(".nb-delete").click();
    await expect.poll(() => page.locator(".nb-cell").count()).toBe(3);
    await typeInto(page, 2, "SELECT country, sum(n) AS total FROM cell_1 WHERE country = $pick GROUP BY country");
    await afterPass(page, () => page.keyboard.press("Control+Enter"));
    expect(await rows(page, 2)).toEqual([["Japan", "7"]]);
    expect(shared.problems).toEqual([]);
  });

  it("downloads the notebook as a text file, opens it again and keeps it among the saved notebooks", async () => {
    const {page} = shared;
    const [file] = await Promise.all([page.waitForEvent("download"), page.click(".nb-download")]);
    const text = readFileSync((await file.path())!, "utf8");
    expect(text).toMatch(/^---\nnotebook: 1\n/);
    expect(text).toContain("```input name=pick type=text value=Japan\n```");
    await page.setInputFiles(".nb-open", {name: "again.sqlnb.md", mimeType: "text/markdown", buffer: Buffer.from(text.replace("value=Japan", "value=China"))});
    await page.waitForFunction(() => document.querySelector<HTMLInputElement>(".nb-input-value")?.value === "China");
    await expect.poll(() => rows(page, 2)).toEqual([["China", "10"]]);
    await expect.poll(() => page.locator(".nb-saved-open").count()).toBeGreaterThan(0);
    await page.evaluate(() => {
      const entries = JSON.parse(localStorage.getItem("observatory:sql-notebooks") ?? "[]");
      localStorage.setItem("observatory:sql-notebooks", JSON.stringify([...entries, {key: "broken", title: 5}]));
    });
    const saved = await page.locator(".nb-saved-open").count();
    await page.reload();
    await ready(page);
    expect(await page.locator(".nb-saved-open").count()).toBe(saved);
    expect(await page.textContent(".nb-dropped")).toMatch(/was damaged .* dropped/);
    await page.locator(".nb-saved-delete").first().click();
    expect(await page.locator(".nb-saved-open").count()).toBe(saved - 1);
    expect(shared.problems).toEqual([]);
  });
});

describe("a run asked for while the database starts", () => {
  it("waits for the database and then runs once", async () => {
    const watched = await watchedPage(browser);
    const {page} = watched;
    await page.goto(`${siteUrl}/sql`);
    await page.locator(".cm-content").click();
    await page.keyboard.press("Control+A");
    await page.keyboard.type("SELECT 42 AS early");
    const stateWhenPressed = await page.$eval(".wb", (e) => (e as HTMLElement).dataset.state);
    await page.keyboard.press("Control+Enter");
    expect(stateWhenPressed).toBe("loading");
    expect(await cellState(page, 0)).toBe("queued");
    await ready(page);
    await expect.poll(() => rows(page, 0)).toEqual([["42"]]);
    expect(await cellRuns(page, 0)).toBe(1);
    expect(watched.problems).toEqual([]);
    await page.context().close();
  });
});
