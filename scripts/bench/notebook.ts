// The notebook with a 1,000,000-row result, in Chromium: the longest main-thread task while
// the result table is scrolled top to bottom, and how long after the result its column
// profile appears. Printed by npm run bench; never asserted in a test.
import type {Browser} from "playwright-core";
import {median} from "./pageLoad.ts";

export const MILLION_ROWS_SQL = "SELECT range AS i, range % 97 AS bucket, DATE '2000-01-01' + CAST(range % 9000 AS INTEGER) AS day, 'label_' || (range % 1000) AS label FROM range(1000000)";

export interface NotebookTimings {
  /** Longest long task (over 50 ms) during the scroll; 0 when there was none. */
  scrollLongestTaskMs: number;
  scrollLongTasks: number;
  scrollSteps: number;
  /** From the result drawn to the profile drawn. */
  profileAfterResultMs: number;
  /** From Ctrl+Enter to the result drawn. */
  resultMs: number;
}

async function once(browser: Browser, base: string): Promise<NotebookTimings> {
  const context = await browser.newContext({viewport: {width: 1280, height: 900}});
  const page = await context.newPage();
  await page.goto(`${base}/sql#q=${encodeURIComponent("SELECT 1")}`);
  await page.waitForSelector('.wb[data-state="idle"]', {timeout: 120_000});
  await page.fill(".wb-row-cap", "1000000");
  await page.click(".cm-content");
  await page.keyboard.press("Control+A");
  await page.keyboard.type(MILLION_ROWS_SQL);
  await page.keyboard.press("Escape");
  await page.evaluate(() => {
    const marks = ((globalThis as any).__bench = {result: 0, profile: 0, start: performance.now()});
    new MutationObserver(() => {
      if (!marks.result && document.querySelector(".wb-table-scroll[data-rows='1000000']")) marks.result = performance.now();
      if (!marks.profile && document.querySelector(".nb-profile-table")) marks.profile = performance.now();
    }).observe(document.body, {childList: true, subtree: true});
  });
  await page.keyboard.press("Control+Enter");
  await page.waitForSelector(".nb-profile-table", {timeout: 120_000});
  const marks = await page.evaluate(() => (globalThis as any).__bench);
  const scroll = await page.evaluate(async () => {
    const scroller = document.querySelector<HTMLElement>(".wb-table-scroll")!;
    const tasks: number[] = [];
    const observer = new PerformanceObserver((list) => tasks.push(...list.getEntries().map((e) => e.duration)));
    observer.observe({type: "longtask", buffered: false});
    const steps = 120;
    const frame = () => new Promise((resolve) => requestAnimationFrame(resolve));
    for (let i = 1; i <= steps; i++) {
      // Jumps of about 8,000 rows, as a dragged scroll bar makes, and every so often a screenful.
      scroller.scrollTop = i % 10 === 0 ? scroller.scrollTop + scroller.clientHeight : (scroller.scrollHeight * i) / steps;
      await frame();
      await frame();
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
    observer.disconnect();
    return {tasks, steps, lastRow: scroller.querySelector("tbody tr[data-row]:last-of-type")?.getAttribute("data-row")};
  });
  await context.close();
  if (scroll.lastRow !== "999999") throw new Error(`the scroll did not reach the last row (last drawn: ${scroll.lastRow})`);
  return {
    scrollLongestTaskMs: Math.max(0, ...scroll.tasks),
    scrollLongTasks: scroll.tasks.length,
    scrollSteps: scroll.steps,
    profileAfterResultMs: marks.profile - marks.result,
    resultMs: marks.result - marks.start
  };
}

export async function measureNotebook(browser: Browser, base: string, runs: number): Promise<{runs: NotebookTimings[]; rows: string[][]}> {
  const all: NotebookTimings[] = [];
  for (let i = 0; i < runs; i++) all.push(await once(browser, base));
  const ms = (values: number[]) => `${median(values).toFixed(0)} ms (max ${Math.max(...values).toFixed(0)} ms)`;
  return {
    runs: all,
    rows: [
      ["1M-row result: run to table drawn", ms(all.map((r) => r.resultMs))],
      ["1M-row result: column profile after the table", ms(all.map((r) => r.profileAfterResultMs))],
      [`1M-row scroll (${all[0].scrollSteps} steps): longest long task`, ms(all.map((r) => r.scrollLongestTaskMs))],
      ["1M-row scroll: long tasks (over 50 ms)", `${median(all.map((r) => r.scrollLongTasks))} (max ${Math.max(...all.map((r) => r.scrollLongTasks))})`]
    ]
  };
}
