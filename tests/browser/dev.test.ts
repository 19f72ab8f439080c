// `npm run dev` in a temporary copy of the project: an edited source record reaches the open
// page within seconds; an invalid edit shows its validation error (file and line) in the dev
// server's output while the page keeps the last good value; fixing it recovers.
import {spawn, type ChildProcess} from "node:child_process";
import {mkdirSync, readdirSync, readFileSync, writeFileSync} from "node:fs";
import {createServer} from "node:net";
import {join} from "node:path";
import {parse} from "csv-parse/sync";
import type {Browser} from "playwright-core";
import {afterAll, beforeAll, describe, expect, it} from "vitest";
import {copyProject, type TempProject} from "../authoring/tempProject.ts";
import {launchBrowser, screenshot, watchedPage} from "./browser.ts";

const OBSERVATIONS = "data-loaders/sources/observations";
const NEW_VALUE = "271828.5";

let project: TempProject;
let server: ChildProcess | undefined;
let output = "";
let browser: Browser;

/** A figure as recorded: the first row of the first observations file with a plain number as its value. */
interface Figure {
  file: string;
  line: number;
  rowId: string;
  value: string;
}

function findFigure(dir: string): Figure {
  for (const name of readdirSync(join(dir, OBSERVATIONS)).filter((n) => n.endsWith(".csv")).sort()) {
    const file = `${OBSERVATIONS}/${name}`;
    const rows = parse(readFileSync(join(dir, file), "utf8"), {info: true, bom: true, relax_column_count: true}) as unknown as {record: string[]; info: {lines: number}}[];
    const [valueAt, idAt] = ["value", "row_id"].map((column) => rows[0].record.indexOf(column));
    for (const {record, info} of rows.slice(1)) {
      if (record[idAt] && /^\d+(\.\d+)?$/.test(record[valueAt])) return {file, line: info.lines, rowId: record[idAt], value: record[valueAt]};
    }
  }
  throw new Error(`no observation with a plain numeric value under ${OBSERVATIONS}`);
}

/** Rewrites the figure's value in its CSV line, as a person would in an editor. */
function setValue(dir: string, figure: Figure, value: string): void {
  const path = join(dir, figure.file);
  const lines = readFileSync(path, "utf8").split("\n");
  const [header] = parse(lines[0], {bom: true}) as string[][];
  const [fields] = parse(lines[figure.line - 1]) as string[][];
  fields[header.indexOf("value")] = value;
  lines[figure.line - 1] = fields.map((f) => (/[",\r\n]/.test(f) ? `"${f.replaceAll('"', '""')}"` : f)).join(",");
  writeFileSync(path, lines.join("\n"));
}

/** A page that shows the figure the way the pages do: a static ```sql block answered from the precomputed results. */
function addProbePage(dir: string, figure: Figure): void {
  writeFileSync(
    join(dir, "src/authoring-probe.md"),
    [
      "# Authoring probe",
      "",
      "```js",
      'import {pageQueries} from "./components/liveQuery.js";',
      'const q = pageQueries(await FileAttachment("data/initial/authoring-probe.json").json());',
      "const sql = q.sql;",
      "```",
      "",
      "```sql id=probe",
      `SELECT value FROM observations WHERE row_id = '${figure.rowId}'`,
      "```",
      "",
      '<p id="probe">${probe[0]?.value}</p>',
      ""
    ].join("\n")
  );
  mkdirSync(join(dir, "src/data/initial"), {recursive: true});
  writeFileSync(
    join(dir, "src/data/initial/authoring-probe.json.ts"),
    'import {precomputePage} from "../../../data-loaders/precompute.ts";\nprocess.stdout.write(JSON.stringify(await precomputePage("authoring-probe")));\n'
  );
}

async function freePort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, "127.0.0.1", resolve));
  const {port} = probe.address() as {port: number};
  await new Promise((resolve) => probe.close(resolve));
  return port;
}

async function startDev(dir: string): Promise<string> {
  const port = await freePort();
  // Its own process group, so the whole tree (npm, tsx, observable preview) can be ended at once.
  server = spawn("npm", ["run", "dev", "--", "--port", String(port)], {cwd: dir, detached: true, env: {...process.env, NO_COLOR: "1", FORCE_COLOR: "0"}});
  server.stdout!.setEncoding("utf8").on("data", (chunk: string) => (output += chunk));
  server.stderr!.setEncoding("utf8").on("data", (chunk: string) => (output += chunk));
  await expect.poll(() => /http:\/\/127\.0\.0\.1:\d+\//.exec(output)?.[0], {timeout: 90_000, interval: 200}).toBeTruthy();
  return /http:\/\/127\.0\.0\.1:\d+\//.exec(output)![0];
}

beforeAll(async () => {
  project = copyProject();
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  if (server?.pid && server.exitCode === null) {
    const exited = new Promise((resolve) => server!.on("exit", resolve));
    process.kill(-server.pid, "SIGTERM");
    await exited;
  }
  project?.remove();
});

describe("npm run dev", () => {
  it("shows an edited source record on the open page, and keeps the last good value when an edit is invalid", async () => {
    const figure = findFigure(project.dir);
    expect(figure.value).not.toBe(NEW_VALUE);
    addProbePage(project.dir, figure);
    const url = await startDev(project.dir);

    const {page, problems} = await watchedPage(browser);
    await page.goto(`${url}authoring-probe`);
    const shown = () => page.locator("#probe").textContent();
    await expect.poll(shown, {timeout: 60_000}).toBe(String(Number(figure.value)));

    // A good edit reaches the page without a reload.
    const editedAt = Date.now();
    setValue(project.dir, figure, NEW_VALUE);
    await expect.poll(shown, {timeout: 20_000, interval: 100}).toBe(NEW_VALUE);
    console.log(`dev: an edited record reached the page in ${((Date.now() - editedAt) / 1000).toFixed(1)} s`);

    // An invalid edit: the validation error, with file and line, in the dev server's output…
    const before = output.length;
    setValue(project.dir, figure, "12o45");
    await expect.poll(() => output.slice(before), {timeout: 20_000, interval: 200}).toContain(`${figure.file}:${figure.line}`);
    expect(output.slice(before)).toContain("NOT refreshed");
    // …while the page keeps showing the last good value, with no error in its place.
    await page.waitForTimeout(1500);
    expect(await shown()).toBe(NEW_VALUE);
    expect(await page.locator(".observablehq--error").count()).toBe(0);
    await screenshot(page, "dev-keeps-last-good-value");

    // Fixing the record brings the page back in step.
    setValue(project.dir, figure, figure.value);
    await expect.poll(shown, {timeout: 20_000, interval: 100}).toBe(String(Number(figure.value)));

    // Framework's preview asks for a favicon the project does not have; nothing else may fail.
    expect(problems.filter((p) => !p.includes("favicon.ico"))).toEqual([]);
  }, 150_000);
});
