// `npm run dev` in a temporary copy of the project: an edited source record reaches the open
// page within seconds; an invalid edit shows its validation error (file and line) in the dev
// server's output while the page keeps the last good value; fixing it recovers.
import {readFileSync, writeFileSync} from "node:fs";
import {join} from "node:path";
import type {Browser} from "playwright-core";
import {afterAll, beforeAll, describe, expect, it} from "vitest";
import {startDev, type DevServer} from "../../scripts/authoring/devServer.ts";
import {addProbePage, findFigure, setValue} from "../../scripts/authoring/records.ts";
import {copyProject, type TempProject} from "../../scripts/authoring/projectCopy.ts";
import {launchBrowser, screenshot, watchedPage} from "./browser.ts";

const NEW_VALUE = "271828.5";
/**
 * The dev server's time limit for one loader run: long enough for a loaded machine (a whole
 * snapshot set takes 4–7 s here, in CI too), short enough to wait for when the test hangs one.
 */
const TIME_LIMIT_MS = 20_000;

let project: TempProject;
let dev: DevServer | undefined;
const output = () => dev!.output();
let browser: Browser;

beforeAll(async () => {
  project = copyProject();
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await dev?.stop();
  project?.remove();
});

describe("npm run dev", () => {
  it("shows an edited source record on the open page, and keeps the last good value when an edit is invalid", async () => {
    const figure = findFigure(project.dir);
    expect(figure.value).not.toBe(NEW_VALUE);
    addProbePage(project.dir, figure);
    dev = startDev(project.dir, {OBSERVATORY_LOADER_TIMEOUT_MS: String(TIME_LIMIT_MS)});
    const url = await dev.url;

    const {page, problems} = await watchedPage(browser);
    await page.goto(`${url}authoring-probe`);
    const shown = () => page.locator("#probe").textContent();
    await expect.poll(shown, {timeout: 120_000}).toBe(String(Number(figure.value)));

    // A good edit reaches the page without a reload.
    const editedAt = Date.now();
    setValue(project.dir, figure, NEW_VALUE);
    await expect.poll(shown, {timeout: 120_000, interval: 100}).toBe(NEW_VALUE);
    console.log(`dev: an edited record reached the page in ${((Date.now() - editedAt) / 1000).toFixed(1)} s`);

    // An invalid edit: the validation error, with file and line, in the dev server's output…
    const before = output().length;
    setValue(project.dir, figure, "12o45");
    await expect.poll(() => output().slice(before), {timeout: 120_000, interval: 200}).toContain(`${figure.file}:${figure.line}`);
    expect(output().slice(before)).toContain("NOT refreshed");
    // …while the page keeps showing the last good value, with no error in its place.
    await page.waitForTimeout(1500);
    expect(await shown()).toBe(NEW_VALUE);
    expect(await page.locator(".observablehq--error").count()).toBe(0);
    await screenshot(page, "dev-keeps-last-good-value");

    // Fixing the record brings the page back in step.
    setValue(project.dir, figure, figure.value);
    await expect.poll(shown, {timeout: 120_000, interval: 100}).toBe(String(Number(figure.value)));

    // A loader that hangs is killed at the time limit and named; the page keeps the last good set…
    const events = join(project.dir, "data-loaders/events.ts");
    const asWritten = readFileSync(events, "utf8");
    const beforeHang = output().length;
    writeFileSync(events, `${asWritten}\nawait new Promise((resolve) => setTimeout(resolve, 600_000));\n`);
    await expect.poll(() => output().slice(beforeHang), {timeout: TIME_LIMIT_MS + 120_000, interval: 200}).toContain(`killed after ${TIME_LIMIT_MS / 1000}.0 s`);
    expect(output().slice(beforeHang)).toContain("pages keep the whole last good set");
    expect(await shown()).toBe(String(Number(figure.value)));
    // …and the next edits are picked up.
    writeFileSync(events, asWritten);
    setValue(project.dir, figure, NEW_VALUE);
    await expect.poll(shown, {timeout: 120_000, interval: 100}).toBe(NEW_VALUE);

    // Framework's preview asks for a favicon the project does not have; nothing else may fail.
    expect(problems.filter((p) => !p.includes("favicon.ico"))).toEqual([]);
  }, 900_000);
});
