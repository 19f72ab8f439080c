// Taking a figure away, as a reader on a phone in dark mode does it: the PNG is drawn in the
// colours they see; the citation names the release, the link to the view they chose (the
// inputs' state in the address) and the figure's sources in three formats; "Copy link" puts
// that same link on the clipboard. (Every figure's SVG, PNG and data package are checked by
// the figure harness, figures.test.ts, through takeAwayCheck.ts.)
import {mkdirSync} from "node:fs";
import {resolve} from "node:path";
import type {Browser} from "playwright-core";
import {afterAll, beforeAll, describe, expect, inject, it} from "vitest";
import {launchBrowser, SCREENSHOTS, watchedPage} from "./browser.ts";
import {download, pngPixels, takeAwayProblems} from "./takeAwayCheck.ts";

const siteUrl = inject("siteUrl");
let browser: Browser;

beforeAll(async () => (browser = await launchBrowser()));
afterAll(async () => browser?.close());

describe("a figure taken away", () => {
  it("at 390 px in dark mode: a dark PNG, a citation of the chosen view in three formats, and the same link copied", async () => {
    const {page, problems} = await watchedPage(browser, {colorScheme: "dark"});
    await page.context().grantPermissions(["clipboard-read", "clipboard-write"], {origin: siteUrl});
    await page.setViewportSize({width: 390, height: 844});
    await page.goto(`${siteUrl}/supply`, {waitUntil: "networkidle"});
    const id = "mine-production";
    const figure = page.locator(`figure[data-chart="${id}"]`);
    await figure.locator(".chart-plot svg").first().waitFor();
    // A view the reader chose: the country input, mirrored in the address.
    await page.locator('form:has(label:text-is("Country")) select').selectOption("Australia");
    await page.waitForFunction(() => new URL(location.href).searchParams.get("country") === "Australia");
    const view = `${new URL(page.url()).origin}${new URL(page.url()).pathname}${new URL(page.url()).search}#chart-${id}`;

    expect(await takeAwayProblems(page, id, {png: true})).toEqual([]);
    const png = await download(page, id, "png");
    const pixels = await pngPixels(page, png.bytes);
    const luminance = (0.2126 * pixels.background[0] + 0.7152 * pixels.background[1] + 0.0722 * pixels.background[2]) / 255;
    expect(luminance, `PNG background ${pixels.background}`).toBeLessThan(0.25);
    // The title is drawn light on it, as the reader sees it in dark mode.
    expect(pixels.lightest).toBeGreaterThan(0.7);

    await figure.locator('button[data-action="cite"]').click();
    const panel = figure.locator(".chart-cite");
    await panel.locator('[data-format="csl"]').waitFor();
    const release = (await page.locator('meta[name="observatory-release"]').getAttribute("content"))!;
    const text = (await panel.locator('[data-format="text"] code').textContent())!;
    expect(text).toContain(`data release ${release}`);
    expect(text).toContain(view);
    expect(text).toContain("U.S. Geological Survey, “Mineral Commodity Summaries 2025");
    const bibtex = (await panel.locator('[data-format="bibtex"] code').textContent())!;
    expect(bibtex).toMatch(/^@misc\{reo-mine-production-/);
    expect(bibtex).toContain(`url = {${view}}`);
    const csl = JSON.parse((await panel.locator('[data-format="csl"] code').textContent())!);
    expect(csl[0]).toMatchObject({type: "figure", version: release, URL: view});
    // Every source the caption links is in the citation.
    const linked = await figure.locator("figcaption a.source-link").evaluateAll((links) => links.map((a) => decodeURIComponent((a as HTMLAnchorElement).hash.replace("#source-", ""))));
    for (const sourceId of linked) expect(csl.map((item: {id: string}) => item.id)).toContain(sourceId);

    await panel.locator('[data-format="bibtex"] button[data-action="copy-bibtex"]').click();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(bibtex);
    await figure.locator('button[data-action="copy-link"]').click();
    await page.waitForFunction(() => document.querySelector('figure[data-chart="mine-production"] button[data-action="copy-link"]')?.textContent === "Copied");
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(view);
    // The toolbar and the open citation fit the phone's width.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    mkdirSync(SCREENSHOTS, {recursive: true});
    await figure.screenshot({path: resolve(SCREENSHOTS, "take-away-supply-390-dark.png")});
    expect(problems).toEqual([]);
    await page.context().close();
  });
});
