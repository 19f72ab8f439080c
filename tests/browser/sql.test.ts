// The SQL workbench, driven the way a reader uses it: keystrokes into the editor, clicks,
// links, files and downloads. Most tests share one page (opening DuckDB costs seconds).
import {mkdtempSync, readFileSync, writeFileSync} from "node:fs";
import {tmpdir} from "node:os";
import {join} from "node:path";
import type {Browser, Page} from "playwright-core";
import {afterAll, beforeAll, describe, expect, inject, it} from "vitest";
import {queryFromHash, workbenchHref} from "../../src/components/workbenchLink.ts";
import {launchBrowser, openWorkbench, screenshot, watchedPage, type WatchedPage} from "./browser.ts";

const siteUrl = inject("siteUrl");
let browser: Browser;
let shared: WatchedPage;

beforeAll(async () => {
  browser = await launchBrowser();
  shared = await watchedPage(browser);
  const started = Date.now();
  await openWorkbench(shared.page, siteUrl);
  console.log(`workbench ready (tables loaded) ${Date.now() - started} ms after navigation`);
});

afterAll(async () => {
  await browser?.close();
});


/** Opens a workbench link in a tab that already shows the workbench: a new fragment, same page. */
async function followLinkInPlace(page: Page, hash: string): Promise<void> {
  const before = await runs(page);
  await page.goto(`${siteUrl}/sql${hash}`);
  await ranAfter(page, before);
}

function runs(page: Page): Promise<number> {
  return page.$eval(".wb", (element) => Number((element as HTMLElement).dataset.runs ?? 0));
}

/** Waits until the workbench has finished one more run than `before`. */
async function ranAfter(page: Page, before: number): Promise<void> {
  await page.waitForFunction((n) => Number(document.querySelector<HTMLElement>(".wb")?.dataset.runs ?? 0) > n, before, {timeout: 30_000});
}

/** Types the query with real keystrokes (replacing what is there) and runs it with Ctrl+Enter. */
async function typeAndRun(page: Page, query: string): Promise<void> {
  await typeQuery(page, query);
  const before = await runs(page);
  await page.keyboard.press("Control+Enter");
  await ranAfter(page, before);
}

async function typeQuery(page: Page, query: string): Promise<void> {
  await page.click(".cm-content");
  await page.keyboard.press("Control+A");
  await page.keyboard.press("Delete");
  await page.keyboard.type(query);
  await page.keyboard.press("Escape"); // close the completion list, if any
}

async function resultRows(page: Page): Promise<string[][]> {
  return page.$$eval(".wb-results .wb-result tbody tr:not(.wb-spacer)", (rows) => rows.map((row) => [...(row as HTMLTableRowElement).cells].map((cell) => cell.textContent ?? "")));
}

async function resultHeader(page: Page): Promise<string[]> {
  return page.$$eval(".wb-result thead th", (cells) => cells.map((cell) => cell.textContent ?? ""));
}

async function errorText(page: Page): Promise<string | null> {
  return page.$eval(".wb-error", (element) => ((element as HTMLElement).hidden ? null : element.textContent));
}

function expectNoProblems(watched: WatchedPage): void {
  expect(watched.problems).toEqual([]);
}

describe("the SQL workbench", () => {
  it("runs a query typed into the editor with Ctrl+Enter and shows its rows", async () => {
    const {page} = shared;
    const started = Date.now();
    await typeAndRun(page, "SELECT 6 * 7 AS answer, 'rare earth' AS words");
    expect(await resultHeader(page)).toEqual(["answer", "words"]);
    expect(await resultRows(page)).toEqual([["42", "rare earth"]]);
    expect(await page.textContent(".wb-summary")).toMatch(/^1 row · \d+ ms/);
    expect(decodeURIComponent(new URL(page.url()).hash)).toBe("#q=SELECT 6 * 7 AS answer, 'rare earth' AS words");

    await typeAndRun(page, "SELECT count(*) AS n FROM observations");
    const count = Number((await resultRows(page))[0][0]);
    expect(count).toBeGreaterThan(0);
    const listed = await page.textContent('.wb-table[data-table="observations"] .wb-count');
    expect(listed).toBe(`${count.toLocaleString("en-US")} rows`);
    console.log(`count(*) on observations: typed and run in ${Date.now() - started} ms; ${await page.textContent(".wb-summary")}`);
    expectNoProblems(shared);
  });

  it("runs only the selected part of the query, with the Run button", async () => {
    const {page} = shared;
    await typeQuery(page, "SELECT 'first' AS which");
    await page.keyboard.press("Enter");
    await page.keyboard.type("SELECT 'second' AS which");
    await page.keyboard.press("Escape");
    await page.keyboard.press("Shift+Home");
    await expect.poll(() => page.textContent(".wb-run")).toBe("Run selection");
    const before = await runs(page);
    await page.click(".wb-run");
    await ranAfter(page, before);
    expect(await resultRows(page)).toEqual([["second"]]);
    expectNoProblems(shared);
  });

  it("lists every table with its columns, types, row counts and description, and inserts a clicked name", async () => {
    const {page} = shared;
    const tables = await page.$$eval(".wb-table", (elements) =>
      elements.map((element) => ({
        name: element.querySelector(".wb-table-name")?.textContent,
        count: element.querySelector(".wb-count")?.textContent,
        description: element.querySelector(".wb-description")?.textContent,
        columns: [...element.querySelectorAll(".wb-columns li")].map((li) => li.textContent)
      }))
    );
    const names = tables.map((t) => t.name);
    expect(names).toEqual(expect.arrayContaining(["observations", "sources"]));
    for (const table of tables) {
      expect(table.count).toMatch(/^[\d,]+ rows?$/);
      expect(table.description?.length).toBeGreaterThan(10);
      expect(table.columns.length).toBeGreaterThan(0);
    }
    expect(tables.find((t) => t.name === "observations")?.columns).toEqual(expect.arrayContaining(["geography VARCHAR", "period_start DATE", "value DOUBLE"]));

    await typeQuery(page, "SELECT * FROM ");
    await page.click('.wb-table[data-table="sources"] .wb-table-name');
    expect(await page.textContent(".cm-content")).toBe("SELECT * FROM sources");

    // Completion offers the live schema's names.
    await typeQuery(page, "SELECT * FROM observ");
    await page.keyboard.press("Control+Space");
    await expect.poll(() => page.textContent(".cm-tooltip-autocomplete").catch(() => "")).toContain("observations");
    await page.keyboard.press("Escape");
    await page.keyboard.type("ations WHERE observations.geog");
    await page.keyboard.press("Control+Space");
    await expect.poll(() => page.textContent(".cm-tooltip-autocomplete").catch(() => "")).toContain("geography");
    await page.keyboard.press("Escape");
    expectNoProblems(shared);
  });

  it("shows DuckDB's message for a broken query and keeps working", async () => {
    const {page} = shared;
    await typeAndRun(page, "SELEC nonsense FROM nowhere");
    expect(await errorText(page)).toMatch(/Parser Error: syntax error at or near "SELEC"/);
    await typeAndRun(page, "SELECT * FROM no_such_table");
    expect(await errorText(page)).toMatch(/Catalog Error: Table with name no_such_table does not exist/);
    await typeAndRun(page, "SELECT 'still here' AS status");
    expect(await errorText(page)).toBeNull();
    expect(await resultRows(page)).toEqual([["still here"]]);
    // A script runs statement by statement; a table it creates joins the schema browser.
    await typeAndRun(page, "CREATE TABLE scratch AS SELECT 'made here' AS note; SELECT note FROM scratch");
    expect(await resultRows(page)).toEqual([["made here"]]);
    expect(await page.textContent('.wb-table[data-table="scratch"] .wb-description')).toBe("A table you created in this session.");
    // A failed query reaches the console as nothing worse than our own message.
    expectNoProblems(shared);
  });

  it("never turns text from a result, a link or the history into HTML", async () => {
    const {page} = shared;
    const payload = `<img src=x onerror="window.__pwned=1">`;
    await typeAndRun(page, `SELECT '${payload}' AS x`);
    expect(await resultRows(page)).toEqual([[payload]]);
    await followLinkInPlace(page, `#q=${encodeURIComponent(`SELECT '${payload}' AS "<b>bold</b>"`)}`);
    expect(await resultHeader(page)).toEqual(["<b>bold</b>"]);
    expect(await page.$$eval(".wb img, .wb b", (elements) => elements.length)).toBe(0);
    expect(await page.evaluate(() => (window as any).__pwned)).toBeUndefined();
    expectNoProblems(shared);
  });

  it("cancels a long query, stops one that passes the time limit, and runs the next query", async () => {
    const {page} = shared;
    await typeQuery(page, "SELECT count(*) FROM range(1000000000000)");
    const before = await runs(page);
    await page.keyboard.press("Control+Enter");
    await page.waitForSelector('.wb[data-state="running"]');
    await page.waitForTimeout(300);
    const cancelledAt = Date.now();
    await page.click(".wb-cancel");
    await ranAfter(page, before);
    console.log(`cancel took effect in ${Date.now() - cancelledAt} ms`);
    expect(await errorText(page)).toMatch(/Query cancelled/);
    await typeAndRun(page, "SELECT 'after cancel' AS status");
    expect(await resultRows(page)).toEqual([["after cancel"]]);

    await page.fill(".wb-time-limit", "1");
    const started = Date.now();
    await typeAndRun(page, "SELECT count(*) FROM range(1000000000000)");
    expect(Date.now() - started).toBeLessThan(10_000);
    expect(await errorText(page)).toMatch(/time limit of 1 s/);
    await page.fill(".wb-time-limit", "30");
    await typeAndRun(page, "SELECT 'after the limit' AS status");
    expect(await resultRows(page)).toEqual([["after the limit"]]);
    expectNoProblems(shared);
  });

  it("keeps at most the row cap, says how many rows there are, and puts only the rows in view in the page", async () => {
    const {page} = shared;
    await typeAndRun(page, "SELECT range AS i FROM range(5000)");
    expect(await page.textContent(".wb-summary")).toMatch(/^5,000 rows · \d+ ms/);
    const drawn = await page.$$eval(".wb-result tbody tr:not(.wb-spacer)", (rows) => rows.length);
    expect(drawn).toBeGreaterThan(10);
    expect(drawn).toBeLessThan(200);
    // Scrolling swaps the rows in view: after a jump, small steps and a jump to the end, the rows in
    // the page are consecutive, start above the view and reach below it, and hold their own values.
    const box = ".wb-results .wb-table-scroll";
    for (const to of [2500 * 26, 2500 * 26 + 120, 2500 * 26 + 240, 2500 * 26 - 3000, 5000 * 26]) {
      await page.$eval(box, (element, top) => ((element as HTMLElement).scrollTop = top), to);
      await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
      const view = await page.$eval(box, (element) => {
        const scroller = element as HTMLElement;
        const rows = [...scroller.querySelectorAll("tbody tr:not(.wb-spacer)")] as HTMLTableRowElement[];
        const top = scroller.getBoundingClientRect().top;
        return {
          values: rows.map((row) => Number((row.cells[0].textContent ?? "").replace(/,/g, ""))),
          indexes: rows.map((row) => Number(row.dataset.row)),
          firstTop: rows[0].getBoundingClientRect().top - top,
          lastBottom: rows[rows.length - 1].getBoundingClientRect().bottom - top,
          height: scroller.clientHeight,
        };
      });
      expect(view.values).toEqual(view.indexes);
      expect(view.values).toEqual(view.values.map((_, k) => view.values[0] + k));
      expect(view.firstTop).toBeLessThanOrEqual(30);
      expect(view.lastBottom >= view.height || view.values.at(-1) === 4999).toBe(true);
    }
    await page.fill(".wb-row-cap", "2000");
    await typeAndRun(page, "SELECT range AS i FROM range(5000)");
    expect(await page.textContent(".wb-summary")).toMatch(/^2,000 rows kept \(the row cap of 2,000\); the result has more/);
    await page.fill(".wb-row-cap", "100000");
    expectNoProblems(shared);
  });

  it("draws a quick chart over time or by category, which the reader can switch off", async () => {
    const {page} = shared;
    await typeAndRun(page, "SELECT period_start, value FROM observations WHERE period_start IS NOT NULL AND value IS NOT NULL");
    await page.waitForSelector(".wb-chart svg [aria-label='line']");
    await typeAndRun(page, "SELECT geography, count(*) AS figures FROM observations GROUP BY geography");
    await page.waitForSelector(".wb-chart svg [aria-label='bar'] rect");
    await screenshot(page, "sql-light");
    await page.uncheck(".wb-chart-toggle");
    expect(await page.$$eval(".wb-chart svg", (svgs) => svgs.length)).toBe(0);
    await page.check(".wb-chart-toggle");
    expect(await page.$$eval(".wb-chart svg", (svgs) => svgs.length)).toBe(1);
    expectNoProblems(shared);
  });

  it("profiles each column of the result: nulls, distinct values, range or most frequent values, and a histogram", async () => {
    const {page} = shared;
    await typeAndRun(page, "SELECT * FROM (VALUES (1, 'a', DATE '2024-01-01'), (2, NULL, DATE '2025-06-30'), (NULL, 'a', NULL), (4, 'b', NULL)) AS t(x, y, d)");
    await page.waitForSelector('.wb-profile-holder[data-rows="4"]');
    const profile = await page.$$eval(".wb-profile-table tbody tr", (rows) =>
      rows.map((row) => ({column: row.getAttribute("data-column"), cells: [...row.querySelectorAll("td")].map((td) => td.textContent), bars: row.querySelectorAll("svg rect").length}))
    );
    expect(profile.map((p) => p.column)).toEqual(["x", "y", "d"]);
    expect(profile[0].cells.slice(2, 5)).toEqual(["1", "3", "1 – 4"]);
    expect(profile[0].bars).toBeGreaterThan(1);
    expect(profile[1].cells.slice(2, 5)).toEqual(["1", "2", "a (2), b (1)"]);
    expect(profile[1].bars).toBe(0);
    expect(profile[2].cells.slice(2, 5)).toEqual(["2", "2", "2024-01-01 – 2025-06-30"]);
    expect(await page.textContent(".wb-profile summary")).toBe("Column profile (3 columns, all 4 rows)");
    expectNoProblems(shared);
  });

  it("downloads the result as CSV, Parquet and Arrow, and reads its own Parquet back", async () => {
    const {page} = shared;
    await typeAndRun(page, "SELECT * FROM (VALUES (1, 'a, with comma', DATE '2024-01-02'), (2, 'b \"quoted\"', NULL)) t(n, label, day)");
    const save = async (button: string) => {
      const [download] = await Promise.all([page.waitForEvent("download"), page.click(button)]);
      return {name: download.suggestedFilename(), bytes: readFileSync((await download.path())!)};
    };
    const csv = await save(".wb-export-csv");
    expect(csv.name).toBe("query_1.csv");
    expect(csv.bytes.toString("utf8").split(/\r?\n/)).toEqual(["n,label,day", '1,"a, with comma",2024-01-02', '2,"b ""quoted""",']);

    const parquet = await save(".wb-export-parquet");
    expect(parquet.bytes.length).toBeGreaterThan(100);
    expect(parquet.bytes.subarray(0, 4).toString("latin1")).toBe("PAR1");
    expect(parquet.bytes.subarray(-4).toString("latin1")).toBe("PAR1");

    const arrow = await save(".wb-export-arrow");
    expect(arrow.bytes.subarray(0, 6).toString("latin1")).toBe("ARROW1");

    const dir = mkdtempSync(join(tmpdir(), "workbench-"));
    writeFileSync(join(dir, "round trip.parquet"), parquet.bytes);
    await page.setInputFiles(".wb-file", join(dir, "round trip.parquet"));
    await page.waitForSelector('.wb-table[data-table="round_trip"]');
    await typeAndRun(page, "SELECT n, label, day FROM round_trip ORDER BY n");
    expect(await resultRows(page)).toEqual([
      ["1", "a, with comma", "2024-01-02"],
      ["2", 'b "quoted"', "null"]
    ]);
    expectNoProblems(shared);
  });

  it("opens a CSV file from the reader's computer as a table that joins with observations", async () => {
    const {page} = shared;
    await typeAndRun(page, "SELECT geography, count(*) AS n FROM observations GROUP BY geography ORDER BY geography");
    const counts = await resultRows(page);
    expect(counts.length).toBeGreaterThan(0);
    const dir = mkdtempSync(join(tmpdir(), "workbench-"));
    const file = join(dir, "My Regions.csv");
    writeFileSync(file, ["geography,code", ...counts.map(([geography], i) => `"${geography}",R${i}`)].join("\n") + "\n");
    await page.setInputFiles(".wb-file", file);
    await page.waitForSelector('.wb-table[data-table="my_regions"]');
    expect(await page.textContent('.wb-table[data-table="my_regions"] .wb-count')).toBe(`${counts.length} ${counts.length === 1 ? "row" : "rows"}`);
    await typeAndRun(page, "SELECT r.code, o.geography, count(*) AS n FROM observations o JOIN my_regions r USING (geography) GROUP BY ALL ORDER BY o.geography");
    expect((await resultRows(page)).map(([, geography, n]) => [geography, n])).toEqual(counts);

    // Dropping a file on the workbench does the same as choosing it.
    await page.evaluate(() => {
      const data = new DataTransfer();
      data.items.add(new File(["code,label\nR0,dropped\n"], "dropped.csv", {type: "text/csv"}));
      document.querySelector(".wb")!.dispatchEvent(new DragEvent("drop", {dataTransfer: data, bubbles: true, cancelable: true}));
    });
    await page.waitForSelector('.wb-table[data-table="dropped"]');
    await typeAndRun(page, "SELECT d.label, r.geography FROM dropped d JOIN my_regions r USING (code)");
    expect(await resultRows(page)).toEqual([["dropped", counts[0][0]]]);
    expectNoProblems(shared);
  });

  it("runs every example query without an error", async () => {
    const {page} = shared;
    await page.$$eval(".wb-example-theme", (details) => details.forEach((d) => ((d as HTMLDetailsElement).open = true)));
    const titles = await page.$$eval(".wb-example", (buttons) => buttons.map((b) => b.textContent));
    expect(titles.length).toBeGreaterThanOrEqual(12);
    for (let i = 0; i < titles.length; i++) {
      const before = await runs(page);
      await page.locator(".wb-example").nth(i).click();
      await ranAfter(page, before);
      expect(await errorText(page), titles[i]!).toBeNull();
      expect(await page.textContent(".wb-summary"), titles[i]!).toMatch(/rows? · /);
    }
    expectNoProblems(shared);
  });

  it("keeps a history of queries across a reload and runs one again", async () => {
    const {page} = shared;
    await typeAndRun(page, "SELECT 'older' AS entry");
    await typeAndRun(page, "SELECT 'newer' AS entry");
    await page.reload();
    await page.waitForSelector('.wb[data-state="idle"]', {timeout: 60_000});
    const queries = await page.$$eval(".wb-history-query", (entries) => entries.map((e) => e.textContent));
    expect(queries.slice(0, 2)).toEqual(["SELECT 'newer' AS entry", "SELECT 'older' AS entry"]);
    const before = await runs(page);
    await page.locator(".wb-rerun").nth(1).click();
    await ranAfter(page, before);
    expect(await resultRows(page)).toEqual([["older"]]);
    expectNoProblems(shared);
  });
});

describe("opening the workbench", () => {
  it("runs a query given with Ctrl+Enter while the database is still opening, once it is open", async () => {
    const watched = await watchedPage(browser);
    const {page} = watched;
    // Hold DuckDB's binary back for two seconds, so the keystroke surely comes before the database.
    await page.context().route("**/duckdb-eh.wasm*", async (route) => {
      await new Promise((resolve) => setTimeout(resolve, 2000));
      await route.continue();
    });
    await page.goto(`${siteUrl}/sql`);
    await page.waitForSelector(".cm-content");
    await typeQuery(page, "SELECT 'asked early' AS note");
    expect(await page.getAttribute(".wb", "data-state")).toBe("loading");
    await page.keyboard.press("Control+Enter");
    expect(await page.textContent(".wb-status")).toContain("runs as soon as it is open");
    await ranAfter(page, 0);
    expect(await resultRows(page)).toEqual([["asked early"]]);
    expect(await runs(page)).toBe(1);
    expect(await page.$$eval(".wb-history-query", (entries) => entries.map((e) => e.textContent))).toEqual(["SELECT 'asked early' AS note"]);
    expectNoProblems(watched);
    await page.context().close();
  });

  it("opens with the starter query's rows, without adding it to the history", async () => {
    const watched = await watchedPage(browser);
    const {page} = watched;
    await openWorkbench(page, siteUrl);
    expect(await runs(page)).toBe(1);
    expect(await resultHeader(page)).toContain("row_id");
    expect((await resultRows(page)).length).toBe(100);
    expect(await page.$$eval(".wb-history-query", (entries) => entries.length)).toBe(0);
    expectNoProblems(watched);
    await page.context().close();
  });
});

describe("a link to the workbench", () => {
  it("from a theme page opens the workbench with the chart's query and runs it, in dark mode too", async () => {
    const watched = await watchedPage(browser, {colorScheme: "dark"});
    const {page} = watched;
    await page.goto(`${siteUrl}/supply`);
    await page.waitForSelector('a[data-action="workbench"]', {timeout: 60_000});
    const hrefs = [...new Set(await page.$$eval('a[data-action="workbench"]', (links) => links.map((a) => (a as HTMLAnchorElement).href)))];
    await page.click('a[data-action="workbench"]');
    await page.waitForURL(/\/sql#q=/);
    await page.waitForSelector('.wb[data-state="idle"]', {timeout: 60_000});
    await ranAfter(page, 0);
    const linked = queryFromHash(new URL(hrefs[0]).hash)!;
    expect(await page.textContent(".cm-content")).toBe(linked.replaceAll("\n", ""));
    expect(await errorText(page)).toBeNull();
    expect((await resultRows(page)).length).toBeGreaterThan(0);
    await screenshot(page, "sql-dark");

    // Every other chart's link on the page runs here too (a new fragment runs without a reload).
    for (const href of hrefs.slice(1)) {
      const before = await runs(page);
      await page.evaluate((hash) => (location.hash = hash), new URL(href).hash);
      await ranAfter(page, before);
      expect(await errorText(page), queryFromHash(new URL(href).hash)!).toBeNull();
    }
    console.log(`${hrefs.length} workbench links from the supply page ran`);
    expectNoProblems(watched);
    await page.context().close();
  });

  it("made with workbenchHref runs its query in a tab that already shows the workbench", async () => {
    const {page} = shared;
    const query = "SELECT geography, count(*) AS figures\nFROM observations\nGROUP BY geography\nORDER BY figures DESC";
    await followLinkInPlace(page, workbenchHref(query, ""));
    expect(await page.textContent(".cm-content")).toBe(query.replaceAll("\n", ""));
    expect(await resultHeader(page)).toEqual(["geography", "figures"]);
    expect((await resultRows(page)).length).toBeGreaterThan(0);
    expectNoProblems(shared);
  });
});
