// The notebook with a large result: a 1,000,000-row cell (the synthetic trade flows of sql.ts,
// generated in the query: no data of ours is implied), timed from the run to its rows on screen
// and to its column profile, then scrolled like a reader (wheel steps and jumps) while Chromium
// reports every long task (over 50 ms) on the main thread.
import type {Browser} from "playwright-core";
import {median} from "./pageLoad.ts";
import {SYNTHETIC_ROWS, SYNTHETIC_SELECT} from "./sql.ts";

export const NOTEBOOK_HEADERS = ["1M-row cell (median, min–max)", "value"];

const LARGE_QUERY = SYNTHETIC_SELECT;

export interface NotebookRun {
  resultMs: number;
  profileAfterResultMs: number;
  longestTaskMs: number;
  longTasks: number;
  scrollSteps: number;
}

export async function measureNotebook(browser: Browser, base: string, runs: number): Promise<NotebookRun[]> {
  const context = await browser.newContext({viewport: {width: 1280, height: 900}});
  const page = await context.newPage();
  await page.goto(`${base}/sql#q=${encodeURIComponent("SELECT 1")}`);
  await page.waitForSelector('.wb[data-state="idle"]', {timeout: 120_000});
  await page.fill(".wb-row-cap", String(SYNTHETIC_ROWS));
  const out: NotebookRun[] = [];
  for (let run = 0; run < runs; run++) {
    const loads = await page.$eval(".wb", (e) => Number((e as HTMLElement).dataset.loads ?? 0));
    const started = await page.evaluate((hash) => {
      const t = performance.now();
      location.hash = hash;
      return t;
    }, `#q=${encodeURIComponent(`${LARGE_QUERY} -- run ${run + 1}`)}`);
    await page.waitForFunction((n) => Number(document.querySelector<HTMLElement>(".wb")?.dataset.loads ?? 0) > n, loads, {timeout: 120_000, polling: 16});
    const resultAt = await page.evaluate(() => performance.now());
    await page.waitForSelector(`.wb-profile-holder[data-rows="${SYNTHETIC_ROWS}"]`, {timeout: 120_000, polling: 16} as any);
    const profileAt = await page.evaluate(() => performance.now());
    const scroll = await page.evaluate(async () => {
      const box = document.querySelector<HTMLElement>(".wb-results .wb-table-scroll")!;
      const tasks: number[] = [];
      const observer = new PerformanceObserver((list) => tasks.push(...list.getEntries().map((e) => e.duration)));
      observer.observe({type: "longtask", buffered: false});
      // (No named helpers in here: the bundler would wrap them in a function the page lacks.)
      let steps = 0;
      // 120 wheel-sized steps, then 40 jumps anywhere (dragging the scroll bar), then back to the top.
      for (let i = 0; i < 160; i++) {
        if (i < 120) box.scrollTop += 120;
        else box.scrollTop = (((i - 120) * 7919) % 40) * (box.scrollHeight / 40);
        steps++;
        await new Promise((resolve) => requestAnimationFrame(resolve));
        await new Promise((resolve) => requestAnimationFrame(resolve));
      }
      box.scrollTop = 0;
      await new Promise((resolve) => requestAnimationFrame(resolve));
      await new Promise((resolve) => setTimeout(resolve, 200));
      observer.disconnect();
      return {tasks, steps};
    });
    out.push({resultMs: resultAt - started, profileAfterResultMs: profileAt - resultAt, longestTaskMs: Math.max(0, ...scroll.tasks), longTasks: scroll.tasks.length, scrollSteps: scroll.steps});
  }
  await context.close();
  return out;
}

const spread = (values: number[], unit = " ms") => `${median(values).toFixed(0)}${unit} (${Math.min(...values).toFixed(0)}–${Math.max(...values).toFixed(0)})`;

export function notebookRows(results: NotebookRun[]): string[][] {
  return [
    ["run to rows on screen", spread(results.map((r) => r.resultMs))],
    ["rows on screen to column profile", spread(results.map((r) => r.profileAfterResultMs))],
    [`longest main-thread task while scrolling (${results[0]?.scrollSteps ?? 0} steps)`, spread(results.map((r) => r.longestTaskMs))],
    ["long tasks (> 50 ms) while scrolling", spread(results.map((r) => r.longTasks), "")]
  ];
}
