// Time to first chart, bytes moved and layout shifts for one page in headless Chromium: cold
// (a new browser context, so an empty cache) and warm (the same context, visited again), over
// the loopback or an emulated reader's network.
import type {Browser, BrowserContext, Page} from "playwright-core";
import {emulateNetwork, LOCALHOST, type Network} from "./network.ts";

export interface LoadMeasure {
  /** ms from navigation start until the first Plot SVG is in the page. */
  firstChartMs: number;
  /** Bytes received over the network (headers included) until the page went quiet. */
  bytes: number;
  /** Whether the page fetched DuckDB-WASM's wasm file. */
  loadedDuckDB: boolean;
  /** The largest single layout shift (no input), and their sum, until the page went quiet. */
  largestShift: number;
  cumulativeShift: number;
}

/** Records, inside the page, when the first Plot chart is attached. */
const FIRST_CHART_PROBE = `
  new MutationObserver((_, observer) => {
    if (document.querySelector("main svg[class*='plot']")) {
      window.__firstChart = performance.now();
      observer.disconnect();
    }
  }).observe(document, {childList: true, subtree: true});
  window.__shifts = [];
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) if (!entry.hadRecentInput) window.__shifts.push(entry.value);
  }).observe({type: "layout-shift", buffered: true});
`;

async function visit(context: BrowserContext, url: string, network: Network): Promise<LoadMeasure> {
  const page: Page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send("Network.enable");
  await emulateNetwork(cdp, network);
  let bytes = 0;
  let loadedDuckDB = false;
  cdp.on("Network.loadingFinished", (event) => (bytes += event.encodedDataLength));
  cdp.on("Network.requestWillBeSent", (event) => {
    if (/duckdb-(eh|mvp)\.wasm/.test(event.request.url)) loadedDuckDB = true;
  });
  await page.addInitScript(FIRST_CHART_PROBE);
  await page.goto(url, {waitUntil: "load", timeout: 90_000});
  // Strings, not functions: tsx's transform adds helpers a serialized function would miss.
  // A page that shows no chart within 30 s is reported as such (NaN), not waited on forever.
  const drawn = await page.waitForFunction("window.__firstChart !== undefined", null, {timeout: 30_000, polling: 50}).then(
    () => true,
    (error: Error) => (process.stderr.write(`bench: no chart at ${url}: ${error.message.split("\n")[0]}\n`), false)
  );
  await page.waitForLoadState("networkidle", {timeout: 90_000});
  const firstChartMs = drawn ? ((await page.evaluate("window.__firstChart")) as number) : Number.NaN;
  const shifts = (await page.evaluate("window.__shifts")) as number[];
  await page.close();
  return {firstChartMs, bytes, loadedDuckDB, largestShift: Math.max(0, ...shifts), cumulativeShift: shifts.reduce((a, b) => a + b, 0)};
}

export interface PageResult {
  path: string;
  cold: LoadMeasure;
  /** Measured only when asked for. */
  warm?: LoadMeasure;
}

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

function medianMeasure(measures: LoadMeasure[]): LoadMeasure {
  return {
    firstChartMs: median(measures.map((m) => m.firstChartMs)),
    bytes: median(measures.map((m) => m.bytes)),
    loadedDuckDB: measures.some((m) => m.loadedDuckDB),
    // The worst run's: a shift is a defect whenever it happens.
    largestShift: Math.max(...measures.map((m) => m.largestShift)),
    cumulativeShift: Math.max(...measures.map((m) => m.cumulativeShift))
  };
}

/** `runs` cold (and, unless told not to, warm) visits of each path, interleaved so that drift hits every page alike. */
export async function measurePages(browser: Browser, base: string, paths: string[], runs: number, {warm: measureWarm = true, network = LOCALHOST} = {}): Promise<PageResult[]> {
  const cold = new Map<string, LoadMeasure[]>(paths.map((p) => [p, []]));
  const warm = new Map<string, LoadMeasure[]>(paths.map((p) => [p, []]));
  for (let run = 0; run < runs; run++) {
    for (const path of paths) {
      // ignoreHTTPSErrors: the HTTP/2 server's certificate is self-signed for this run. bypassCSP:
      // the site's policy forbids string evaluation, which Playwright's polling wait uses.
      const context = await browser.newContext({viewport: {width: 1280, height: 900}, ignoreHTTPSErrors: true, bypassCSP: true});
      cold.get(path)!.push(await visit(context, base + path, network));
      if (measureWarm) warm.get(path)!.push(await visit(context, base + path, network));
      await context.close();
    }
  }
  return paths.map((path) => ({path, cold: medianMeasure(cold.get(path)!), warm: measureWarm ? medianMeasure(warm.get(path)!) : undefined}));
}
