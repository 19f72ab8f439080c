// The workbench as a notebook, driven the way a reader uses it: buttons and keys to build
// cells, inputs as parameters, links, files, the browser's storage and the exported page.
import {readFileSync} from "node:fs";
import type {Browser, Locator, Page} from "playwright-core";
import {afterAll, beforeAll, describe, expect, inject, it} from "vitest";
import {EXAMPLE_NOTEBOOKS} from "../../src/components/notebook/examples.ts";
import {notebookFromText, notebookToFragment} from "../../src/components/notebook/format.ts";
import {launchBrowser, screenshot, watchedPage, type WatchedPage} from "./browser.ts";

const siteUrl = inject("siteUrl");
let browser: Browser;
/** One tab for most tests: opening DuckDB costs seconds, and a new notebook is only a new fragment. */
let shared: WatchedPage;

beforeAll(async () => {
  browser = await launchBrowser();
  shared = await watchedPage(browser);
  await open(shared.page);
});

afterAll(async () => {
  await browser?.close();
});

/** Opens the workbench and waits for its first results. */
async function open(page: Page, hash = ""): Promise<void> {
  await page.goto(`${siteUrl}/sql${hash}`);
  await page.waitForSelector('.wb[data-state="idle"]', {timeout: 90_000});
}


/** Opens a notebook in a tab that already shows the workbench (a new fragment, no reload) and waits for its runs. */
async function follow(page: Page, hash: string): Promise<void> {
  if (new URL(page.url()).hash === hash) return; // the tab shows that notebook already
  const loads = await page.$eval(".wb", (element) => Number((element as HTMLElement).dataset.loads ?? 0));
  await page.evaluate((h) => (location.hash = h), hash);
  await page.waitForFunction((n) => Number(document.querySelector<HTMLElement>(".wb")?.dataset.loads ?? 0) > n, loads, {timeout: 60_000});
}

/** The cell whose name field holds `name` (the field's live value, not its first attribute). */
async function cellByName(page: Page, name: string): Promise<Locator> {
  const index = await page.$$eval(".nb-cell", (cells, wanted) => cells.findIndex((c) => (c.querySelector(".nb-name") as HTMLInputElement | null)?.value === wanted), name);
  if (index < 0) throw new Error(`no cell named ${name}`);
  return page.locator(".nb-cell").nth(index);
}

async function cellRuns(page: Page, name: string): Promise<number> {
  return Number((await (await cellByName(page, name)).getAttribute("data-runs")) ?? 0);
}

async function waitForRuns(page: Page, name: string, above: number): Promise<void> {
  await expect.poll(() => cellRuns(page, name), {timeout: 30_000}).toBeGreaterThan(above);
  await page.waitForSelector('.wb[data-state="idle"]');
}

async function rowsOf(target: Locator): Promise<string[][]> {
  return target.locator(".wb-result tbody tr:not(.wb-spacer)").evaluateAll((rows) => rows.map((row) => [...(row as HTMLTableRowElement).cells].map((c) => c.textContent ?? "")));
}

/** Replaces the text in a cell's editor with real keystrokes. */
async function typeInto(page: Page, target: Locator, text: string): Promise<void> {
  await target.locator(".cm-content").click();
  await page.keyboard.press("Control+A");
  await page.keyboard.press("Delete");
  await page.keyboard.type(text);
  await page.keyboard.press("Escape");
}

async function rename(target: Locator, name: string): Promise<void> {
  await target.locator(".nb-name").fill(name);
  await target.locator(".nb-name").press("Enter");
  await target.locator(".nb-name").blur();
}

function expectNoProblems(watched: WatchedPage): void {
  expect(watched.problems).toEqual([]);
}

/** The notebook the first test builds, for the tests after it. */
let built: {link: string; bases: string[][]} | undefined;

describe("the notebook", () => {
  it("re-runs exactly the cells that read a changed input, marks a cell stale when what it reads fails, and recovers", async () => {
    const {page} = shared;
    await follow(page, "#q=SELECT%201");
    // Cell 1: a query (the starter cell, renamed).
    const first = page.locator(".nb-cell").first();
    await rename(first, "by_basis");
    await typeInto(page, first, "SELECT basis, count(*) AS figures FROM observations GROUP BY basis ORDER BY basis");
    let before = await cellRuns(page, "by_basis");
    await page.keyboard.press("Control+Enter");
    await waitForRuns(page, "by_basis", before);
    const bases = await rowsOf(first);
    expect(bases.map(([basis]) => basis)).toEqual(["actual", "estimate", "forecast", "target"]);

    // Cell 2, added with Alt+Enter: a query on the first by name, using a parameter.
    await first.locator(".cm-content").click();
    await page.keyboard.press("Alt+Enter");
    const second = page.locator(".nb-cell").nth(1);
    await expect.poll(() => page.locator(".nb-cell").count()).toBe(2);
    await rename(second, "picked");
    await typeInto(page, second, "SELECT basis, figures FROM by_basis WHERE basis = $kind");

    // Cell 3, added with the button: the input the second cell uses.
    await page.click(".nb-add-input");
    const input = page.locator(".nb-cell.nb-input");
    await rename(input, "kind");
    await input.locator(".nb-input-value").fill("estimate");
    await input.locator(".nb-input-value").press("Enter");
    await waitForRuns(page, "picked", 0);
    expect(await rowsOf(second)).toEqual([bases.find(([b]) => b === "estimate")]);

    // Changing the input re-runs the cell that uses it, and not the one it reads.
    const firstRuns = await cellRuns(page, "by_basis");
    before = await cellRuns(page, "picked");
    await input.locator(".nb-input-value").fill("forecast");
    await input.locator(".nb-input-value").press("Enter");
    await waitForRuns(page, "picked", before);
    expect(await rowsOf(second)).toEqual([bases.find(([b]) => b === "forecast")]);
    expect(await cellRuns(page, "by_basis")).toBe(firstRuns);
    expect(await cellRuns(page, "picked")).toBe(before + 1);

    // Breaking the first cell marks the second stale, and says why.
    before = await cellRuns(page, "by_basis");
    await typeInto(page, first, "SELECT basis, count(*) AS figures FROM no_such_table GROUP BY basis");
    await page.keyboard.press("Control+Enter");
    await waitForRuns(page, "by_basis", before);
    expect(await first.getAttribute("data-status")).toBe("error");
    expect(await first.locator(".wb-error").textContent()).toMatch(/Catalog Error: Table with name no_such_table does not exist/);
    expect(await second.getAttribute("data-status")).toBe("stale");
    expect(await second.locator(".nb-stale").textContent()).toMatch(/It reads by_basis, which failed/);
    expect(await rowsOf(second)).toEqual([]);

    // Fixing it brings both back.
    before = await cellRuns(page, "picked");
    await typeInto(page, first, "SELECT basis, count(*) AS figures FROM observations GROUP BY basis ORDER BY basis");
    await page.keyboard.press("Control+Enter");
    await waitForRuns(page, "picked", before);
    expect(await first.getAttribute("data-status")).toBe("done");
    expect(await second.getAttribute("data-status")).toBe("done");
    expect(await rowsOf(second)).toEqual([bases.find(([b]) => b === "forecast")]);
    await screenshot(page, "notebook-light");
    built = {link: page.url(), bases};
    expectNoProblems(shared);
  });

  it("travels in its address: a fresh browser gets the same cells, inputs and results", async () => {
    expect(built, "the notebook of the test before").toBeDefined();
    const {link, bases} = built!;
    expect(new URL(link).hash).toMatch(/^#nb=[A-Za-z0-9_-]+$/);
    const fresh = await browser.newContext();
    const other = await fresh.newPage();
    await open(other, new URL(link).hash);
    const names = (p: Page) => p.$$eval(".nb-name", (inputs) => inputs.map((i) => (i as HTMLInputElement).value));
    expect(await names(other)).toEqual(["by_basis", "picked", "kind"]);
    expect(await other.locator(".nb-cell").nth(1).locator(".cm-content").textContent()).toBe("SELECT basis, figures FROM by_basis WHERE basis = $kind");
    expect(await other.locator(".nb-input-value").inputValue()).toBe("forecast");
    expect(await rowsOf(other.locator(".nb-cell").nth(0))).toEqual(bases);
    expect(await rowsOf(other.locator(".nb-cell").nth(1))).toEqual([bases.find(([b]) => b === "forecast")]);
    await fresh.close();
  });

  it("is kept in the browser: listed after a reload with no link, opened and deleted from the list", async () => {
    expect(built, "the notebook of the test before").toBeDefined();
    const {link, bases} = built!;
    const {page} = shared;
    await follow(page, new URL(link).hash);
    const names = (p: Page) => p.$$eval(".nb-name", (inputs) => inputs.map((i) => (i as HTMLInputElement).value));
    await page.fill(".nb-title", "Figures by basis");
    await page.press(".nb-title", "Enter");
    await expect.poll(() => page.locator(".nb-saved-open").allTextContents()).toContain("Figures by basis");
    await page.goto(`${siteUrl}/sql`);
    await page.waitForSelector('.wb[data-state="idle"]', {timeout: 60_000});
    expect(await names(page)).toEqual(["query_1"]);
    await page.locator(".nb-saved-open", {hasText: "Figures by basis"}).click();
    await expect.poll(() => names(page)).toEqual(["by_basis", "picked", "kind"]);
    await page.waitForSelector('.wb[data-state="idle"]');
    await expect.poll(() => rowsOf(page.locator(".nb-cell").nth(1))).toEqual([bases.find(([b]) => b === "forecast")]);
    // …and can be deleted.
    await page.locator(".nb-saved li", {hasText: "Figures by basis"}).locator(".nb-saved-delete").click();
    expect(await page.locator(".nb-saved-open").allTextContents()).not.toContain("Figures by basis");
    expectNoProblems(shared);
  });

  it("downloads the notebook as a text file that opens again, and refuses a damaged one with its line", async () => {
    const {page} = shared;
    const example = EXAMPLE_NOTEBOOKS.find((e) => e.theme === "Trade")!.notebook;
    await follow(page, `#nb=${notebookToFragment(example)}`);
    const [download] = await Promise.all([page.waitForEvent("download"), page.click(".nb-download")]);
    expect(download.suggestedFilename()).toBe("where-chinas-imports-of-rare-earth-compounds-come-from.notebook.sql");
    const text = readFileSync((await download.path())!, "utf8");
    expect(text.split("\n")[0]).toBe("-- Rare Earth Observatory notebook, format 1");
    expect(notebookFromText(text)).toEqual(example);

    await follow(page, "#q=SELECT%202");
    await page.setInputFiles(".nb-open", {name: "damaged.notebook.sql", mimeType: "text/plain", buffer: Buffer.from(text.replace("-- %% input partner", "-- %% input Partner!"))});
    await expect.poll(() => page.textContent(".nb-notebook-status")).toMatch(/^Could not open damaged\.notebook\.sql: Line \d+: The input cell Partner! is not valid/);
    await page.setInputFiles(".nb-open", {name: "trade.notebook.sql", mimeType: "text/plain", buffer: Buffer.from(text)});
    await expect.poll(() => page.$$eval(".nb-name", (inputs) => inputs.map((i) => (i as HTMLInputElement).value))).toEqual(["china_imports", "partner", "partner_share"]);
    await page.waitForSelector('.wb[data-state="idle"]');
    expectNoProblems(shared);
  });

  it("runs every example notebook: every cell without an error, every chart drawn", async () => {
    const {page} = shared;
    const titles = await page.locator(".nb-example").allTextContents();
    expect(titles).toEqual(EXAMPLE_NOTEBOOKS.map((e) => e.notebook.title));
    for (const example of EXAMPLE_NOTEBOOKS) {
      const loads = await page.$eval(".wb", (element) => Number((element as HTMLElement).dataset.loads ?? 0));
      await page.locator(".nb-example", {hasText: example.notebook.title}).click();
      await page.waitForFunction((n) => Number(document.querySelector<HTMLElement>(".wb")?.dataset.loads ?? 0) > n, loads, {timeout: 60_000});
      const sqlCells = example.notebook.cells.filter((c) => c.kind === "sql");
      for (const c of sqlCells) {
        const target = await cellByName(page, c.name);
        expect(await target.getAttribute("data-status"), `${example.notebook.title}: ${c.name}`).toBe("done");
        expect(Number(await target.locator(".wb-results .wb-table-scroll").getAttribute("data-rows")), `${example.notebook.title}: ${c.name} rows`).toBeGreaterThan(0);
        if (c.chart.mark !== "none") expect(await target.locator(".wb-chart svg [aria-label]").count(), `${example.notebook.title}: ${c.name} chart`).toBeGreaterThan(0);
      }
      for (const c of example.notebook.cells.filter((c) => c.kind === "input")) {
        const target = await cellByName(page, c.name);
        expect(await target.getAttribute("data-status"), `${example.notebook.title}: ${c.name}`).toBe("done");
      }
      if (example.theme === "Trade") await screenshot(page, "notebook-example-light");
    }
    expectNoProblems(shared);
  });

  it("shows a million-row result by drawing only the rows in view", async () => {
    const {page} = shared;
    await follow(page, "#q=SELECT%203");
    await page.fill(".wb-row-cap", "1000000");
    const first = page.locator(".nb-cell").first();
    await typeInto(page, first, "SELECT range AS i, 'row ' || range AS label FROM range(1000000)");
    const before = await cellRuns(page, "query_1");
    await page.keyboard.press("Control+Enter");
    await waitForRuns(page, "query_1", before);
    expect(await page.textContent(".wb-summary")).toMatch(/^1,000,000 rows · /);
    const drawn = await first.locator(".wb-result tbody tr:not(.wb-spacer)").count();
    expect(drawn).toBeGreaterThan(10);
    expect(drawn).toBeLessThan(200);
    // Scrolled to the end, the last row is there.
    await first.locator(".wb-results .wb-table-scroll").evaluate((element) => (element.scrollTop = element.scrollHeight));
    await expect.poll(() => first.locator('.wb-result tr[data-row="999999"] td').first().textContent()).toBe("999999");
    expect(await first.locator(".wb-result tbody tr:not(.wb-spacer)").count()).toBeLessThan(200);
    await page.fill(".wb-row-cap", "100000");
    expectNoProblems(shared);
  });

  it("opens from a figure as a notebook whose cell is the figure's query, drawn the figure's way", async () => {
    const watched = await watchedPage(browser, {colorScheme: "dark"});
    const {page} = watched;
    await page.goto(`${siteUrl}/trade`);
    const link = page.locator('a[data-action="workbench"]').first();
    await link.waitFor({timeout: 60_000});
    const figure = page.locator("figure[data-chart]").filter({has: link}).first();
    const title = await figure.locator(".chart-title").textContent();
    const params = new URLSearchParams(new URL((await link.getAttribute("href"))!, siteUrl).hash.slice(1));
    const chart = JSON.parse(params.get("chart")!);
    await link.click();
    await page.waitForSelector('.wb[data-state="idle"]', {timeout: 90_000});
    expect(await page.inputValue(".nb-title")).toBe(title);
    expect(await page.$$eval(".nb-name", (inputs) => inputs.map((i) => (i as HTMLInputElement).value))).toEqual([params.get("name")]);
    expect(await page.locator(".nb-cell").first().getAttribute("data-status")).toBe("done");
    expect(await page.inputValue(".nb-chart-mark")).toBe(chart.mark);
    expect(await page.inputValue(".nb-chart-x")).toBe(chart.x);
    expect(await page.inputValue(".nb-chart-y")).toBe(chart.y);
    expect(await page.locator(`.wb-chart svg [aria-label="${chart.mark}"]`).count()).toBeGreaterThan(0);
    // The address is now the notebook (with its chart), so copying it keeps the figure's encoding.
    expect(new URL(page.url()).hash).toMatch(/^#nb=/);
    await screenshot(page, "notebook-from-figure-dark");
    expectNoProblems(watched);
    await page.context().close();
  });
});
