// The first state in the HTML (scripts/bake/): with JavaScript off, every page shows every
// figure its code places — title, source line, a text description and a chart with data
// marks — and every headline card with its number; with JavaScript on, the live figures take
// the baked ones' places without moving anything on screen and without leaving a copy behind.
import {resolve} from "node:path";
import type {Browser, Page} from "playwright-core";
import {afterAll, beforeAll, describe, expect, inject, it} from "vitest";
import {figurePlacements} from "../../scripts/site/figurePlacements.ts";
import {drawnFigures, hydrated, launchBrowser, screenshot, sitePaths, watchedPage} from "./browser.ts";

const siteUrl = inject("siteUrl");
const SRC = resolve(import.meta.dirname, "..", "..", "src");
let browser: Browser;

beforeAll(async () => (browser = await launchBrowser()));
afterAll(async () => browser?.close());

// The workbench is not baked (scripts/bake/bake.ts): its first state is an empty editor.
const pages = (await sitePaths(siteUrl)).filter((path) => path !== "/sql");
const placements = await figurePlacements(SRC, pages);
const name = (path: string) => (path === "/" ? "index" : path.slice(1));

/** Every figure and headline card as a reader sees it. */
async function whatIsShown(page: Page) {
  const figures = await drawnFigures(page);
  const details = await page.$$eval("figure[data-chart]", (list) =>
    list.map((figure) => ({
      id: figure.getAttribute("data-chart")!,
      title: figure.querySelector(".chart-title")?.textContent?.trim() ?? "",
      caption: figure.querySelector("figcaption")?.textContent?.trim() ?? "",
      description: figure.querySelector(".chart-description")?.textContent?.trim() ?? "",
      width: Math.round(figure.querySelector(".chart-plot svg")?.getBoundingClientRect().width ?? 0)
    }))
  );
  const cards = await page.$$eval(".headline-card", (list) => list.map((card) => ({label: card.querySelector("h2")?.textContent?.trim() ?? "", number: card.querySelector(".big")?.textContent?.trim() ?? ""})));
  return {figures, details, cards};
}

/** Records every layout shift from the first paint on (the buffered entries include those before the observer). */
async function watchShifts(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const shifts: {value: number; nodes: string[]}[] = ((window as any).__layoutShifts = []);
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries() as any[]) {
        if (entry.hadRecentInput) continue;
        shifts.push({value: entry.value, nodes: (entry.sources ?? []).map((source: any) => source.node?.closest?.("figure[data-chart]")?.getAttribute("data-chart") ?? source.node?.className ?? source.node?.nodeName ?? "?")});
      }
    }).observe({type: "layout-shift", buffered: true});
  });
}

describe("baked first states", () => {
  for (const path of pages) {
    const expected = placements.filter((placement) => placement.page === path).map((placement) => placement.id);

    it(`${path}: with JavaScript off, shows every figure with data marks and every headline number`, async () => {
      // The headline cards the page's code shows, to compare against.
      const live = await watchedPage(browser);
      await live.page.goto(siteUrl + path, {waitUntil: "networkidle"});
      await hydrated(live.page);
      const liveCards = (await whatIsShown(live.page)).cards;
      await live.page.context().close();

      const context = await browser.newContext({javaScriptEnabled: false, viewport: {width: 1280, height: 900}});
      const page = await context.newPage();
      await page.goto(siteUrl + path);
      const shown = await whatIsShown(page);
      const problems: string[] = [];
      for (const id of expected) {
        const figure = shown.figures.filter((f) => f.id === id);
        const detail = shown.details.find((f) => f.id === id);
        if (figure.length !== 1) problems.push(`${id}: shown ${figure.length} times with a chart`);
        else if (!(figure[0].shapes > 0)) problems.push(`${id}: no data marks`);
        if (!detail?.title) problems.push(`${id}: no title`);
        if (!/Sources?:|figures|table/i.test(detail?.caption ?? "")) problems.push(`${id}: no source line (${detail?.caption})`);
        if (!detail?.description) problems.push(`${id}: no text description`);
      }
      expect(problems).toEqual([]);
      expect(shown.cards.map((card) => card.label)).toEqual(liveCards.map((card) => card.label));
      expect(shown.cards.filter((card) => !/\d/.test(card.number)), "cards without their number").toEqual([]);
      await screenshot(page, `baked-${name(path)}-1280`);
      await page.setViewportSize({width: 390, height: 844});
      // At phone width a baked chart keeps the size it was drawn at, so its 10 px labels stay 10 px,
      // and its own box scrolls sideways; the page itself does not.
      const narrow = await whatIsShown(page);
      const shrunk = await page.$$eval("figure[data-chart] .chart-plot svg[width]", (list) => list.filter((svg) => svg.getBoundingClientRect().width < Number(svg.getAttribute("width")) - 1).map((svg) => svg.closest("figure[data-chart]")!.getAttribute("data-chart")));
      expect(narrow.details.length).toBeGreaterThan(0);
      expect(shrunk, "charts shrunk to the phone's width").toEqual([]);
      const boxes = await page.$$eval("figure[data-chart] .chart-plot", (list) => list.filter((box) => [...box.querySelectorAll("svg[width]")].some((svg) => Number(svg.getAttribute("width")) > 400)).map((box) => ({scrolls: box.scrollWidth > box.clientWidth, fits: box.getBoundingClientRect().right <= 390 + 0.5})));
      expect(boxes.filter((box) => !box.scrolls || !box.fits), "chart boxes that do not scroll inside the column").toEqual([]);
      expect(await page.evaluate(() => document.documentElement.scrollWidth), "page width").toBeLessThanOrEqual(390);
      await screenshot(page, `baked-${name(path)}-390`);
      await context.close();
    });

    it(`${path}: with JavaScript on, each figure once, and nothing moves while the page's code replaces the baked figures`, async () => {
      const {page, problems} = await watchedPage(browser);
      await watchShifts(page);
      // What the parser had met of the page's code when it reached the first baked chart: the
      // code stands after the content (scripts/bake/fragment.ts, deferPageCode), so none.
      await page.addInitScript(() => {
        new MutationObserver((_, observer) => {
          if (!document.querySelector("main [data-baked] svg")) return;
          (window as any).__codeBeforeFirstChart = document.querySelectorAll('link[rel="modulepreload"], script[type="module"]').length;
          observer.disconnect();
        }).observe(document, {childList: true, subtree: true});
      });
      const response = await page.goto(siteUrl + path, {waitUntil: "networkidle"});
      expect(await response!.text(), "module preloads the browser's preload scanner would start with the content").not.toMatch(/<link rel="modulepreload"/);
      expect(await page.evaluate(() => (window as any).__codeBeforeFirstChart), "module preloads and scripts before the first baked chart").toBe(0);
      await hydrated(page);
      // Two frames after the last replacement, so its shift (if any) has been reported.
      await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
      const ids = (await page.$$eval("figure[data-chart]", (list) => list.map((figure) => figure.getAttribute("data-chart")!))).sort();
      expect(ids).toEqual([...expected].sort());
      const shifts: {value: number; nodes: string[]}[] = await page.evaluate(() => (window as any).__layoutShifts);
      const largest = shifts.reduce((max, shift) => (shift.value > max.value ? shift : max), {value: 0, nodes: [] as string[]});
      expect(largest.value, `largest layout shift (${largest.nodes.join(", ")})`).toBeLessThan(0.01);
      expect(problems).toEqual([]);
      await page.context().close();
    });
  }
});
