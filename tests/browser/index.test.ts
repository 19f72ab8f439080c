import {afterAll, beforeAll, describe, expect, inject, it} from "vitest";
import type {Browser} from "playwright-core";
import {launchBrowser, screenshot, watchedPage} from "./browser.ts";

let browser: Browser;
beforeAll(async () => (browser = await launchBrowser()));
afterAll(async () => browser?.close());

describe("the index page", () => {
  it("draws a Plot chart and an SQL result from the snapshots, with nothing off-host and no error", async () => {
    const {page, problems} = await watchedPage(browser);
    await page.goto(inject("siteUrl") + "/");
    await page.locator("main svg[class*='plot']").first().waitFor({state: "attached", timeout: 30_000});
    // Marks, not just axes: Plot labels each mark's group (line, dot, bar, …) for screen readers.
    const marks = page.locator("main svg[class*='plot'] g[aria-label]:not([aria-label*='axis']):not([aria-label*='grid']) > *");
    expect(await marks.count()).toBeGreaterThan(0);
    // A ```sql cell renders its rows as a table; at least one data row must be there.
    const sqlRows = page.locator("main form[class*='inputs'] table tbody tr");
    await sqlRows.first().waitFor({timeout: 30_000});
    expect(await sqlRows.count()).toBeGreaterThan(0);
    await screenshot(page, "index");
    expect(problems).toEqual([]);
  });
});
