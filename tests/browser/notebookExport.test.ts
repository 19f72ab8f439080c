// A notebook exported as a page: written into a copy of the project, built there offline (as
// an author would after dropping the file into src/), served, and compared with the workbench.
import {execFileSync} from "node:child_process";
import {cpSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync} from "node:fs";
import {tmpdir} from "node:os";
import {join, relative, resolve} from "node:path";
import type {Browser, Page} from "playwright-core";
import {afterAll, beforeAll, expect, inject, it} from "vitest";
import {EXAMPLE_NOTEBOOKS} from "../../src/components/notebook/examples.ts";
import {notebookToFragment} from "../../src/components/notebook/format.ts";
import {serveDirectory} from "../../scripts/site/serve.ts";
import {canIsolateNetwork} from "./globalSetup.ts";
import {launchBrowser, screenshot, watchedPage} from "./browser.ts";

const siteUrl = inject("siteUrl");
const root = resolve(import.meta.dirname, "..", "..");
let browser: Browser;
let copy: string;

beforeAll(async () => {
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  if (copy) rmSync(copy, {recursive: true, force: true});
});

/** Every cell's shown rows, by cell name. */
async function workbenchRows(page: Page): Promise<Record<string, string[][]>> {
  return page.$$eval(".nb-cell.nb-sql", (cells) =>
    Object.fromEntries(cells.map((cell) => [(cell.querySelector(".nb-name") as HTMLInputElement).value, [...cell.querySelectorAll(".wb-results .wb-result tbody tr:not(.wb-spacer)")].map((row) => [...(row as HTMLTableRowElement).cells].map((c) => c.textContent ?? ""))]))
  );
}

it("exports a notebook as a page that builds offline in the project and draws the same rows", async () => {
  const example = EXAMPLE_NOTEBOOKS.find((e) => e.theme === "Trade")!.notebook;
  const watched = await watchedPage(browser);
  const {page} = watched;
  await page.goto(`${siteUrl}/sql#nb=${notebookToFragment(example)}`);
  await page.waitForSelector('.wb[data-state="idle"]', {timeout: 90_000});
  const expected = await workbenchRows(page);
  expect(Object.keys(expected)).toEqual(["china_imports", "partner_share"]);
  for (const rows of Object.values(expected)) expect(rows.length).toBeGreaterThan(0);
  const [download] = await Promise.all([page.waitForEvent("download"), page.click(".nb-export")]);
  const fileName = download.suggestedFilename();
  expect(fileName).toBe("where-chinas-imports-of-rare-earth-compounds-come-from.md");
  const markdown = readFileSync((await download.path())!, "utf8");
  await page.context().close();

  // A copy of the project as a clone has it (no dist/, no test results), with its installed packages
  // and Framework's cache of loader outputs (as an author's working copy would have them).
  copy = mkdtempSync(join(tmpdir(), "observatory-export-"));
  const skip = new Set(["node_modules", "dist", "test-results", ".git"]);
  cpSync(root, copy, {recursive: true, preserveTimestamps: true, filter: (path) => !skip.has(relative(root, path).split("/")[0]) && !/^dist\./.test(relative(root, path))});
  symlinkSync(join(root, "node_modules"), join(copy, "node_modules"));
  writeFileSync(join(copy, "src", fileName), markdown);
  const offline = canIsolateNetwork();
  const [command, args] = offline ? ["unshare", ["-n", "npm", "run", "build", "--silent"]] : ["npm", ["run", "build", "--silent"]];
  const started = Date.now();
  execFileSync(command, args, {cwd: copy, stdio: ["ignore", "ignore", "inherit"]});
  console.log(`the copy with the exported page built in ${((Date.now() - started) / 1000).toFixed(1)} s${offline ? " with no network" : ""}`);

  const {url, server} = await serveDirectory(join(copy, "dist"));
  try {
    const built = await watchedPage(browser);
    await built.page.goto(`${url}/${fileName.replace(/\.md$/, "")}`);
    await built.page.waitForFunction((n) => document.querySelectorAll(".nb-page-rows").length === n, Object.keys(expected).length, {timeout: 90_000});
    const drawn = await built.page.$$eval(".nb-page-rows", (figures) => figures.map((f) => [...f.querySelectorAll("tbody tr")].map((row) => [...(row as HTMLTableRowElement).cells].map((c) => c.textContent ?? ""))));
    expect(drawn).toEqual(Object.values(expected));
    // The charts are there, as Plot code: a line per partner, and the bars of the second cell.
    expect(await built.page.locator("svg [aria-label='line'] path").count()).toBeGreaterThan(1);
    expect(await built.page.locator("svg [aria-label='bar'] rect").count()).toBe(expected.partner_share.length);
    // The input works on the page: another partner gives that partner's rows.
    const share = () => built.page.$eval(".nb-page-rows:nth-of-type(1)", () => document.querySelectorAll(".nb-page-rows")[1].textContent);
    const before = await share();
    await built.page.selectOption("form select", {label: "Myanmar"});
    await expect.poll(share, {timeout: 30_000}).not.toBe(before);
    await screenshot(built.page, "notebook-exported-page-light");
    expect(built.problems).toEqual([]);
    await built.page.context().close();
  } finally {
    server.close();
  }
});
