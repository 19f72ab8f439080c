// First and later change latency per theme page, as a reader meets it: the page loaded and
// idle, the pointer moved over an input, the input changed, until <main> stops changing.
//   first change  the reader's first change after the page went idle (one change away from
//                 the first state: answered from the next-state results, src/components/liveQuery.ts)
//   later change  a second change, two away from the first state, made once the page has been
//                 idle again for a while (by then DuckDB-WASM, warmed up after the first, answers)
// Each run is a new browser context (empty cache) and changes a different input, in turn, so
// the medians cover every input of the page. Bytes are what the network carried: before the
// first interaction, and after it (the next-state file, the database and its snapshots).
import type {Browser} from "playwright-core";
import {applyChange, listChanges, settledAfterInput, SETTLE_PROBE} from "./interaction.ts";
import {emulateNetwork, LOCALHOST, type Network} from "./network.ts";
import {median} from "./pageLoad.ts";


export interface ChangeResult {
  path: string;
  network: string;
  first: number[];
  later: number[];
  bytesBefore: number[];
  bytesAfter: number[];
  /** The inputs changed first, one per run. */
  inputs: string[];
}

/** How long the page must stay quiet, and how long the database gets, before the later change. */
const IDLE_BEFORE_LATER_MS = {localhost: 6_000, emulated: 15_000};

export async function measureChanges(browser: Browser, base: string, paths: string[], runs: number, network: Network): Promise<ChangeResult[]> {
  const results = new Map<string, ChangeResult>(paths.map((path) => [path, {path, network: network.name, first: [], later: [], bytesBefore: [], bytesAfter: [], inputs: []}]));
  for (let run = 0; run < runs; run++) {
    for (const path of paths) {
      const result = results.get(path)!;
      const context = await browser.newContext({viewport: {width: 1280, height: 900}});
      const page = await context.newPage();
      const cdp = await context.newCDPSession(page);
      await cdp.send("Network.enable");
      await emulateNetwork(cdp, network);
      let bytes = 0;
      cdp.on("Network.loadingFinished", (event) => (bytes += event.encodedDataLength));
      await page.addInitScript(SETTLE_PROBE);
      // A visit that never loads is a result ("never" in the table), not the end of the run.
      const loaded = await page.goto(base + path, {waitUntil: "load", timeout: 90_000}).then(() => page.waitForLoadState("networkidle", {timeout: 90_000})).then(() => true, (error: Error) => {
        process.stderr.write(`bench: ${path} at ${network.name} did not load: ${error.message.split("\n")[0]}\n`);
        return false;
      });
      if (!loaded) {
        for (const list of [result.first, result.later, result.bytesBefore, result.bytesAfter]) list.push(Number.NaN);
        result.inputs.push("(page did not load)");
        await context.close();
        continue;
      }
      await page.waitForTimeout(500);
      const changes = await listChanges(page);
      if (changes.length < 2) throw new Error(`bench: ${path} has fewer than two inputs to change`);
      const first = changes[run % changes.length];
      const later = changes[(run + 1) % changes.length];
      result.bytesBefore.push(bytes);
      result.inputs.push(first.label);
      await applyChange(page, first);
      result.first.push(await settledAfterInput(page));
      await page.waitForLoadState("networkidle");
      await page.waitForTimeout(network.emulate ? IDLE_BEFORE_LATER_MS.emulated : IDLE_BEFORE_LATER_MS.localhost);
      await applyChange(page, later);
      result.later.push(await settledAfterInput(page));
      await page.waitForLoadState("networkidle");
      result.bytesAfter.push(bytes - result.bytesBefore.at(-1)!);
      await context.close();
    }
  }
  return [...results.values()];
}

const ms = (value: number) => (Number.isNaN(value) ? "never" : `${Math.round(value)} ms`);
const spread = (values: number[]) => {
  const failed = values.filter(Number.isNaN).length;
  const ok = values.filter((v) => !Number.isNaN(v));
  if (!ok.length) return "never";
  return `${ms(median(ok))} (${ms(Math.min(...ok))}–${ms(Math.max(...ok))})${failed ? `, ${failed} never` : ""}`;
};
const megabytes = (values: number[]) => `${(median(values.filter((v) => !Number.isNaN(v))) / 1e6).toFixed(2)} MB`;

export const CHANGE_HEADERS = ["page", "network", "first change: median (range)", "target", "later change: median (range)", "target", "bytes before interacting", "bytes after first change"];

export function changeRows(results: ChangeResult[]): string[][] {
  return results.map((r) => [r.path, r.network, spread(r.first), r.network === LOCALHOST.name ? "≤ 300 ms" : "≤ 500 ms", spread(r.later), "≤ 100 ms", megabytes(r.bytesBefore), megabytes(r.bytesAfter)]);
}
