// Framework's search in a real Chromium, as a reader uses it: type into the sidebar's search
// box, pick a result, land on the figure or source it names. The index is the one the build
// wrote (offline, under `unshare -n` in CI) into _observablehq/minisearch.json; nothing is
// fetched from another host.
import type {Browser, Page} from "playwright-core";
import {afterAll, beforeAll, describe, expect, inject, it} from "vitest";
import {loadSources} from "../../data-loaders/sources.ts";
import {hydrated, launchBrowser, screenshot, watchedPage} from "./browser.ts";

const siteUrl = inject("siteUrl");
let browser: Browser;

beforeAll(async () => (browser = await launchBrowser()));
afterAll(async () => browser?.close());

interface Result {
  /** Path and fragment, e.g. "/prices#chart-heavy-rare-earths". */
  target: string;
  title: string;
}

/** Types `text` into the search box key by key and returns the results it lists, best first. */
async function search(page: Page, text: string): Promise<Result[]> {
  const input = page.locator("#observablehq-search input");
  await input.click();
  await input.fill("");
  await input.pressSequentially(text, {delay: 15});
  // Framework loads its search module on focus and, once loaded, searches what was typed so far.
  await page.waitForFunction((typed) => {
    const field = document.querySelector<HTMLInputElement>("#observablehq-search input");
    return field?.value === typed && document.querySelector("#observablehq-search-results ol li a");
  }, text);
  return page.$$eval("#observablehq-search-results ol li a", (links) =>
    links.map((a) => {
      const url = new URL((a as HTMLAnchorElement).href);
      return {target: url.pathname + url.hash, title: a.textContent ?? ""};
    })
  );
}

/** Opens a page and waits until its figures have drawn. */
async function openPage(page: Page, path: string): Promise<void> {
  await page.goto(siteUrl + path, {waitUntil: "networkidle"});
  await hydrated(page);
  await page.waitForFunction(() => [...document.querySelectorAll("figure[data-chart]")].every((f) => f.querySelector(".chart-plot svg, .chart-empty")), null, {timeout: 30_000});
}

/** Waits until the element is on screen: the page scrolled to it although it was drawn after the page loaded. */
async function onScreen(page: Page, selector: string): Promise<void> {
  await expect
    .poll(() => page.locator(selector).evaluate((element) => {
      const {top} = element.getBoundingClientRect();
      return top >= -1 && top < innerHeight;
    }))
    .toBe(true);
}

const targets = (results: Result[], first = 3) => results.slice(0, first).map((r) => r.target);

/** Clicks the result for `target` and waits for the page it lands on to show the element the fragment names. */
async function follow(page: Page, target: string): Promise<void> {
  await page.locator(`#observablehq-search-results a[href$="${target}"]`).first().click();
  await page.waitForURL(siteUrl + target);
  await page.locator(`[id="${target.split("#")[1]}"]`).waitFor({timeout: 30_000});
  // The baked copy of the target is there from the first paint; the checks are about the live one.
  await hydrated(page);
}

describe("the site's search", () => {
  it("lands on the dysprosium figures when a reader types 'dysprosium'", async () => {
    const {page, problems} = await watchedPage(browser);
    await openPage(page, "/");
    const results = await search(page, "dysprosium");
    expect(targets(results, 5)).toEqual(expect.arrayContaining(["/prices#chart-heavy-rare-earths", "/trade#chart-dy-tb-exports-by-month"]));
    await screenshot(page, "search-dysprosium");
    await follow(page, "/prices#chart-heavy-rare-earths");
    const heading = page.locator("#chart-heavy-rare-earths");
    expect(await heading.evaluate((h) => h.matches("figure[data-chart='heavy-rare-earths'] > h2.chart-title"))).toBe(true);
    await onScreen(page, "#chart-heavy-rare-earths");
    expect(problems).toEqual([]);
  });

  it("lists the quota figures for 'quota' and Enter opens the first result", async () => {
    const {page, problems} = await watchedPage(browser);
    await openPage(page, "/trade");
    const results = await search(page, "quota");
    expect(targets(results)).toContain("/supply#chart-quotas");
    expect(results[0].target).toMatch(/^\/supply#chart-quota/);
    await page.locator("#observablehq-search input").press("Enter");
    await page.waitForURL(siteUrl + results[0].target);
    await page.locator(`[id="${results[0].target.split("#")[1]}"]`).waitFor({timeout: 30_000});
    expect(problems).toEqual([]);
  });

  it("finds the monthly magnet exports by the HS heading 'HS 8505'", async () => {
    const {page, problems} = await watchedPage(browser);
    await openPage(page, "/supply");
    const results = await search(page, "HS 8505");
    expect(targets(results)).toContain("/trade#chart-monthly-exports");
    await follow(page, "/trade#chart-monthly-exports");
    await onScreen(page, "#chart-monthly-exports");
    expect(await page.locator("figure[data-chart='monthly-exports'] .chart-sql code").textContent()).toContain("HS 85051110");
    expect(problems).toEqual([]);
  });

  it("lands on a source's entry when a reader types its publisher's name", async () => {
    // The publisher of the most sources in the records, whoever that is.
    const sources = loadSources();
    const counts = new Map<string, number>();
    for (const s of sources) counts.set(s.publisher, (counts.get(s.publisher) ?? 0) + 1);
    const publisher = [...counts].sort((a, b) => b[1] - a[1])[0][0];
    const theirs = new Set(sources.filter((s) => s.publisher === publisher).map((s) => `/sources#source-${s.source_id}`));

    const {page, problems} = await watchedPage(browser);
    await openPage(page, "/wind");
    const results = await search(page, publisher);
    const hit = targets(results, 5).find((target) => theirs.has(target));
    expect(hit, `a source published by ${publisher} among ${targets(results, 5).join(", ")}`).toBeDefined();
    await follow(page, hit!);
    const row = page.locator(`tr[id="${hit!.split("#")[1]}"]`);
    expect(await row.getAttribute("class")).toContain("targeted");
    expect(await row.textContent()).toContain(publisher);
    await onScreen(page, `tr[id="${hit!.split("#")[1]}"]`);
    expect(problems).toEqual([]);
  });
});
