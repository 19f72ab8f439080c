// Every figure embedded in another site: its page opened with ?embed=<id> shows that figure
// alone — no other figure, no navigation — drawn from the same rows as on its page, with its
// source line and a link back, from this host only and without starting the database. A view
// with state in its address embeds that view, and the page's "Copy embed code" gives an
// <iframe> that opens it.
import type {Browser, Page} from "playwright-core";
import {afterAll, beforeAll, describe, expect, inject, it} from "vitest";
import {drawnFigures as figuresOf, launchBrowser, sitePaths, watchedPage} from "./browser.ts";

const siteUrl = inject("siteUrl");
let browser: Browser;

beforeAll(async () => (browser = await launchBrowser()));
afterAll(async () => browser?.close());

/** What an embed view shows: the figures a reader can see, the navigation's visibility, the link back. */
async function embedView(page: Page) {
  return page.evaluate(() => {
    const visible = (element: Element | null) => !!element && (element as HTMLElement).offsetParent !== null;
    return {
      figures: [...document.querySelectorAll("figure[data-chart]")].filter(visible).map((figure) => figure.getAttribute("data-chart")),
      navigation: ["#observablehq-sidebar", "#observablehq-footer", "#observablehq-toc", "h1"].filter((selector) => visible(document.querySelector(selector))),
      toolbar: visible(document.querySelector("figure.chart-embedded .chart-toolbar")),
      // The source line, or for a chart about the tables themselves its own caption.
      sources: (document.querySelector("figure.chart-embedded figcaption .chart-sources") ?? document.querySelector("figure.chart-embedded figcaption"))?.textContent?.trim() ?? "",
      linksSource: !!document.querySelector("figure.chart-embedded figcaption a.source-link"),
      back: document.querySelector<HTMLAnchorElement>("figure.chart-embedded .chart-embed-back a")?.getAttribute("href") ?? null
    };
  });
}

async function openEmbed(page: Page, path: string, id: string): Promise<void> {
  await page.goto(`${siteUrl}${path}${path.includes("?") ? "&" : "?"}embed=${id}`);
  await page.locator(`figure.chart-embedded[data-chart="${id}"] .chart-plot svg`).first().waitFor({timeout: 30_000});
}

const pages = (await sitePaths(siteUrl)).filter((path) => path !== "/sql");

describe("every figure as an embed", () => {
  for (const path of pages) {
    it(`${path}: each figure alone, with the page's rows, its sources and a link back, from this host, without the database`, async () => {
      const {page, problems} = await watchedPage(browser);
      const engine: string[] = [];
      page.on("request", (request) => void (/duckdb-(eh|mvp)\.wasm/.test(request.url()) && engine.push(request.url())));
      await page.goto(siteUrl + path, {waitUntil: "networkidle"});
      const figures = await figuresOf(page);
      expect(figures.length).toBeGreaterThan(0);
      const found: Record<string, string[]> = {};
      for (const figure of figures) {
        await openEmbed(page, path, figure.id);
        const view = await embedView(page);
        const [embedded] = (await figuresOf(page)).filter((f) => f.id === figure.id);
        const list: string[] = [];
        if (view.figures.join() !== figure.id) list.push(`shows ${view.figures.join(", ") || "nothing"}`);
        if (view.navigation.length) list.push(`shows ${view.navigation.join(", ")}`);
        if (view.toolbar) list.push("shows the toolbar");
        if (!view.sources) list.push("has no source line");
        if (figure.cites && !view.linksSource) list.push("links no source, which its page's figure does");
        if (view.back !== `${path}#chart-${figure.id}`) list.push(`links back to ${view.back}`);
        if (embedded?.rows !== figure.rows) list.push(`draws ${embedded?.rows} rows, the page ${figure.rows}`);
        if (embedded?.shapes !== figure.shapes) list.push(`draws ${embedded?.shapes} shapes, the page ${figure.shapes}`);
        if (list.length) found[figure.id] = list;
      }
      expect(found).toEqual({});
      expect(engine, "DuckDB fetched by an embed").toEqual([]);
      expect(problems).toEqual([]);
      await page.context().close();
    });
  }

  it("a view with state in its address: the embed code opens that view, drawn as on the page", async () => {
    const {page, problems} = await watchedPage(browser);
    await page.context().grantPermissions(["clipboard-read", "clipboard-write"], {origin: siteUrl});
    await page.goto(`${siteUrl}/supply?country=Australia`, {waitUntil: "networkidle"});
    const [onPage] = (await figuresOf(page)).filter((f) => f.id === "mine-production");
    await page.locator('figure[data-chart="mine-production"] button[data-action="copy-embed"]').click();
    await page.waitForFunction(() => document.querySelector('figure[data-chart="mine-production"] button[data-action="copy-embed"]')?.textContent === "Copied");
    const code = await page.evaluate(() => navigator.clipboard.readText());
    const frame = await page.evaluate((html) => {
      const template = document.createElement("template");
      template.innerHTML = html;
      const iframe = template.content.querySelector("iframe");
      return iframe && {count: template.content.childElementCount, src: iframe.getAttribute("src"), title: iframe.getAttribute("title"), height: Number(iframe.getAttribute("height"))};
    }, code);
    expect(frame).toMatchObject({count: 1, title: "World mine production by country"});
    expect(frame!.height).toBeGreaterThan(300);
    const src = new URL(frame!.src!);
    expect(src.origin + src.pathname).toBe(`${siteUrl}/supply`);
    expect(src.searchParams.get("country")).toBe("Australia");
    expect(src.searchParams.get("embed")).toBe("mine-production");

    // The embed opens in a context of its own (empty cache), whose requests are watched.
    const embed = await watchedPage(browser);
    const engine: string[] = [];
    embed.page.on("request", (request) => void (/duckdb-(eh|mvp)\.wasm/.test(request.url()) && engine.push(request.url())));
    await embed.page.goto(src.href, {waitUntil: "networkidle"});
    await embed.page.locator('figure.chart-embedded[data-chart="mine-production"] .chart-plot svg').first().waitFor({timeout: 30_000});
    const [embedded] = (await figuresOf(embed.page)).filter((f) => f.id === "mine-production");
    expect(embedded).toEqual(onPage);
    expect(await embed.page.locator("figure.chart-embedded .chart-subtitle").textContent()).toContain("Australia in colour");
    // The embed keeps its address: it never rewrites the state it was given.
    expect(embed.page.url()).toBe(src.href);
    expect((await embedView(embed.page)).back).toBe(`/supply${new URL(src.href).search.replace("&embed=mine-production", "")}#chart-mine-production`);
    expect(engine, "DuckDB fetched by the embed").toEqual([]);
    expect(problems).toEqual([]);
    expect(embed.problems).toEqual([]);
    await page.context().close();
    await embed.page.context().close();
  });
});
