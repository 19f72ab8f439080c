// The build and preview speed section of `npm run bench`, measured in a throw-away copy of the
// project (the work tree is never edited):
//   clean build         npm run clean && npm run build (no snapshots, no caches, no dist/)
//   page edit rebuild   one sentence appended to src/wind.md, then npm run build
//   record edit → page  npm run dev with a page open in Chromium; one figure's value rewritten in
//                       its CSV; until the page shows the new value
// Each is run `runs` times; the table gives the median and the range (the machine is shared:
// the spread says how much the load moved the figures).
import {spawn} from "node:child_process";
import {appendFileSync, rmSync} from "node:fs";
import {join} from "node:path";
import {startDev} from "../authoring/devServer.ts";
import {copyProject} from "../authoring/projectCopy.ts";
import {addProbePage, findFigure, setValue} from "../authoring/records.ts";
import {launchBrowser} from "../site/chromium.ts";

const median = (values: readonly number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};
const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`;

function run(dir: string, command: string, args: string[]): Promise<number> {
  const start = performance.now();
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, {cwd: dir, stdio: ["ignore", "ignore", "pipe"]});
    let stderr = "";
    child.stderr.setEncoding("utf8").on("data", (chunk: string) => (stderr += chunk));
    child.on("close", (code) => (code === 0 ? resolve(performance.now() - start) : reject(new Error(`${command} ${args.join(" ")} failed:\n${stderr.slice(-2000)}`))));
  });
}

async function previewEdits(dir: string, runs: number): Promise<number[]> {
  const figure = findFigure(dir);
  addProbePage(dir, figure);
  const dev = startDev(dir);
  const browser = await launchBrowser();
  try {
    const page = await browser.newPage();
    await page.goto(`${await dev.url}authoring-probe`);
    const shown = () => page.locator("#probe").textContent();
    await until(async () => (await shown()) === String(Number(figure.value)), 120_000);
    const times: number[] = [];
    for (let i = 1; i <= runs; i++) {
      // Let the previous pass (and the other loaders it triggers) finish first.
      await new Promise((resolve) => setTimeout(resolve, 5000));
      const value = `${Number(figure.value) + i}.5`;
      const start = performance.now();
      setValue(dir, figure, value);
      await until(async () => (await shown()) === value, 120_000, 20);
      times.push(performance.now() - start);
    }
    return times;
  } finally {
    await browser.close();
    await dev.stop();
  }
}

async function until<T>(check: () => T | Promise<T>, timeoutMs: number, intervalMs = 100): Promise<NonNullable<T>> {
  const deadline = performance.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value) return value as NonNullable<T>;
    if (performance.now() > deadline) throw new Error(`bench: gave up after ${timeoutMs / 1000} s`);
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
}

/** Rows for the bench's table: what, median, range, runs. */
export async function measureBuildSpeed(runs: number, log: (message: string) => void): Promise<string[][]> {
  const copy = copyProject();
  try {
    const clean: number[] = [];
    const edit: number[] = [];
    for (let i = 0; i < runs; i++) {
      log(`clean build ${i + 1} of ${runs}…`);
      for (const path of ["dist", "src/.observablehq/cache", "src/data/initial"]) rmSync(join(copy.dir, path), {recursive: true, force: true});
      await run(copy.dir, "npm", ["run", "clean", "--silent"]);
      clean.push(await run(copy.dir, "npm", ["run", "build", "--silent"]));
    }
    for (let i = 0; i < runs; i++) {
      log(`rebuild after a page edit ${i + 1} of ${runs}…`);
      appendFileSync(join(copy.dir, "src/wind.md"), `\nA sentence added by the benchmark (${i + 1}).\n`);
      edit.push(await run(copy.dir, "npm", ["run", "build", "--silent"]));
    }
    log(`record edits in the live preview (${runs})…`);
    const preview = await previewEdits(copy.dir, runs);
    const row = (what: string, target: string, times: number[]) => [what, target, seconds(median(times)), `${seconds(Math.min(...times))}–${seconds(Math.max(...times))}`, String(times.length)];
    return [
      row("clean build (npm run clean && npm run build)", "≤ 15 s", clean),
      row("rebuild after editing src/wind.md", "≤ 5 s", edit),
      row("record edit visible in the live preview", "≤ 2 s", preview)
    ];
  } finally {
    copy.remove();
  }
}

export const BUILD_SPEED_HEADERS = ["build and preview", "target", "median", "range", "runs"];
