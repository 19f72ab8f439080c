// A real Chromium (Debian's, driven by playwright-core) that records everything a person
// would count as broken: console errors, page errors, failed requests, and any request
// that leaves this machine.
import {mkdirSync} from "node:fs";
import {resolve} from "node:path";
import type {Browser, Page} from "playwright-core";

import {launchBrowser} from "../../scripts/site/chromium.ts";

export {launchBrowser};

export const SCREENSHOTS = resolve(import.meta.dirname, "..", "..", "test-results", "screenshots");

const LOCAL_HOSTS = new Set(["127.0.0.1", "localhost", "[::1]"]);

export interface WatchedPage {
  page: Page;
  /** Everything that went wrong, as sentences; a clean page has none. */
  problems: string[];
}

/** A fresh page (own context, so a cold cache) that refuses and records off-host requests. */
export async function watchedPage(browser: Browser, options: {colorScheme?: "light" | "dark"} = {}): Promise<WatchedPage> {
  const context = await browser.newContext({viewport: {width: 1280, height: 900}, colorScheme: options.colorScheme ?? "light", acceptDownloads: true});
  const page = await context.newPage();
  const problems: string[] = [];
  await context.route("**/*", (route) => {
    const url = new URL(route.request().url());
    if (url.protocol === "data:" || url.protocol === "blob:" || LOCAL_HOSTS.has(url.hostname)) return route.continue();
    problems.push(`off-host request: ${url.href}`);
    return route.abort("blockedbyclient");
  });
  // A Content-Security-Policy violation is a broken page: the policy (scripts/offline/csp.ts)
  // must allow everything the site does and nothing else.
  await context.exposeBinding("__reportCspViolation", (_source, text: string) => void problems.push(`CSP violation: ${text}`));
  await context.addInitScript(() => {
    document.addEventListener("securitypolicyviolation", (event) => {
      (window as any).__reportCspViolation(`${event.effectiveDirective} blocked ${event.blockedURI || "(inline)"} at ${event.sourceFile}:${event.lineNumber}`);
    });
  });
  page.on("console", (message) => {
    if (message.type() === "error") problems.push(`console error: ${message.text()}`);
  });
  page.on("pageerror", (error) => problems.push(`page error: ${error.message}`));
  page.on("requestfailed", (request) => {
    const failure = request.failure()?.errorText ?? "";
    // Framework aborts its own module preloads when a page navigates; that is not a broken page.
    if (failure === "net::ERR_ABORTED" && request.resourceType() !== "document") return;
    problems.push(`failed request: ${request.url()} (${failure})`);
  });
  page.on("response", (response) => {
    if (response.status() >= 400) problems.push(`HTTP ${response.status()}: ${response.url()}`);
  });
  return {page, problems};
}

/** The paths the site's navigation lists ("/", "/supply", …), read from its sidebar in a browser of its own. */
export async function sitePaths(siteUrl: string): Promise<string[]> {
  const browser = await launchBrowser();
  try {
    const {page} = await watchedPage(browser);
    await page.goto(siteUrl + "/");
    const paths = await page.$$eval("#observablehq-sidebar a[href]", (links) => links.map((a) => new URL((a as HTMLAnchorElement).href).pathname));
    return [...new Set(paths)];
  } finally {
    await browser.close();
  }
}

/**
 * Each drawn figure's id, row count and number of data shapes (Plot's data marks; not text or
 * axes, whose count follows the width: an embed is as wide as its frame, not as the page's column).
 */
export async function drawnFigures(page: Page): Promise<{id: string; rows: number; cites: boolean; shapes: number}[]> {
  return page.$$eval("figure[data-chart]", (figures) =>
    figures
      .filter((figure) => figure.querySelector(".chart-plot svg"))
      .map((figure) => ({
        id: figure.getAttribute("data-chart")!,
        rows: Number(figure.getAttribute("data-rows")),
        cites: !!figure.querySelector("figcaption a.source-link"),
        shapes: [...figure.querySelectorAll(".chart-plot g[aria-label]")]
          .filter((group) => ["bar", "line", "dot", "area", "rect", "cell", "link", "rule"].includes(group.getAttribute("aria-label") ?? ""))
          .reduce((n, group) => n + group.querySelectorAll("rect, circle, path, line").length, 0)
      }))
  );
}

/** Waits until the page's code has replaced every figure and card baked into its HTML (scripts/bake/). */
export async function hydrated(page: Page, {timeout = 30_000} = {}): Promise<void> {
  await page.waitForFunction(() => !document.querySelector("observablehq-loading[data-baked]"), null, {timeout});
}

/**
 * How much of a page a screenshot shows, in CSS pixels from the top. /sources runs to about
 * 50,000 px at 1280 px wide (hundreds of entries of one form); its whole length took Chromium
 * 8–12 s to capture and encode, each time, against about 1 s for a theme page.
 */
const SCREENSHOT_MAX_HEIGHT = 12_000;

/** The page from the top, whole, or its first SCREENSHOT_MAX_HEIGHT pixels when it is longer. */
export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(SCREENSHOTS, {recursive: true});
  const {width, height} = (await page.evaluate("({width: document.documentElement.scrollWidth, height: document.documentElement.scrollHeight})")) as {width: number; height: number};
  const clip = height > SCREENSHOT_MAX_HEIGHT ? {x: 0, y: 0, width, height: SCREENSHOT_MAX_HEIGHT} : undefined;
  await page.screenshot({path: resolve(SCREENSHOTS, `${name}.png`), fullPage: true, clip});
}

/** Opens the SQL workbench and waits until its tables are loaded and it is idle. */
export async function openWorkbench(page: Page, siteUrl: string, {timeout = 90_000} = {}): Promise<void> {
  await page.goto(`${siteUrl}/sql`);
  await page.waitForSelector('.wb[data-state="idle"]', {timeout});
}
