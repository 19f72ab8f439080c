// `npm run build` in a copy of the project on a small disk (tmpfs): a changed loader module
// reaches dist/ and changes exactly the snapshots that depend on it; a build that fails — a
// full disk while the snapshots are made, a full disk while Framework writes the site — or is
// killed midway leaves the previous dist/ exactly as it was; the next build clears what the
// killed one left behind.
import {DuckDBInstance} from "@duckdb/node-api";
import {spawn, type ChildProcess} from "node:child_process";
import {createHash} from "node:crypto";
import {appendFileSync, readdirSync, readFileSync, statSync} from "node:fs";
import {join, relative} from "node:path";
import {afterAll, beforeAll, describe, expect, it} from "vitest";
import {mountSmallDisk, type SmallDisk} from "./smallDisk.ts";
import {copyProject, type TempProject} from "../../scripts/authoring/projectCopy.ts";

let disk: SmallDisk;
let project: TempProject;
let running: ChildProcess | undefined;
beforeAll(() => {
  disk = mountSmallDisk(360);
  project = copyProject({parent: disk.dir});
});
afterAll(() => {
  // npm starts the build in its own process group (detached): end the whole group.
  if (running?.pid && running.exitCode === null) process.kill(-running.pid, "SIGKILL");
  project?.remove();
  disk?.unmount();
});

/** Starts `npm run build` in the copy (asynchronously: a blocked worker would miss vitest's heartbeat). */
function startBuild(): {child: ChildProcess; output: () => string; done: Promise<number | null>} {
  const child = (running = spawn("npm", ["run", "build"], {cwd: project.dir, env: {...process.env, FORCE_COLOR: "0", NO_COLOR: "1"}, detached: true}));
  let output = "";
  child.stdout!.setEncoding("utf8").on("data", (chunk: string) => (output += chunk));
  child.stderr!.setEncoding("utf8").on("data", (chunk: string) => (output += chunk));
  const done = new Promise<number | null>((resolve) => child.on("close", resolve));
  return {child, output: () => output, done};
}

async function build(): Promise<{code: number | null; output: string}> {
  const run = startBuild();
  const code = await run.done;
  return {code, output: run.output()};
}

/** Every file of dist/ and the SHA-256 of its bytes. */
function site(): Record<string, string> {
  const dist = join(project.dir, "dist");
  const files: Record<string, string> = {};
  for (const entry of readdirSync(dist, {recursive: true, withFileTypes: true})) {
    if (!entry.isFile()) continue;
    const path = join(entry.parentPath, entry.name);
    files[relative(dist, path)] = createHash("sha256").update(readFileSync(path)).digest("hex");
  }
  return files;
}

/** The value of one figure in the shipped observations snapshot (dist/_file/data/observations.<hash>.parquet). */
async function shippedValue(rowId?: string): Promise<{row_id: string; value: number}> {
  const dir = join(project.dir, "dist", "_file", "data");
  const name = readdirSync(dir).find((file) => /^observations\.[0-9a-f]+\.parquet$/.test(file));
  if (!name) throw new Error(`no observations snapshot in ${dir}`);
  const connection = await (await DuckDBInstance.create(":memory:")).connect();
  try {
    const where = rowId ? `row_id = '${rowId.replaceAll("'", "''")}'` : "value IS NOT NULL";
    const reader = await connection.runAndReadAll(`SELECT row_id, value FROM read_parquet('${join(dir, name)}') WHERE ${where} ORDER BY row_id LIMIT 1`);
    return reader.getRowObjectsJS()[0] as {row_id: string; value: number};
  } finally {
    connection.closeSync();
  }
}

const siteTemporaries = () => readdirSync(project.dir).filter((name) => /^dist\.(fresh|old)-\d+$/.test(name));

describe("npm run build", () => {
  it("replaces dist/ only with a whole new site: not after a full disk, not when killed midway; then ships a changed loader module", async () => {
    const first = await build();
    expect(first.code, first.output.slice(-3000)).toBe(0);
    const previous = site();
    expect(Object.keys(previous)).toContain("index.html");
    const {row_id, value} = await shippedValue();
    const sourcesMadeAt = statSync(join(project.dir, "src/data/sources.parquet")).mtimeMs;

    // A transform in the loader module (not in any entry point): loadObservations now rescales one figure.
    const loader = join(project.dir, "data-loaders/observations.ts");
    expect(readFileSync(loader, "utf8"), "the test rescales loadObservations in data-loaders/observations.ts").toMatch(/export function loadObservations\(/);
    const changed = value * 1000 + 1;
    appendFileSync(
      loader,
      `\n// Added by tests/authoring/build.test.ts in a temporary copy.\n` +
        `const loadAsWritten = loadObservations;\n` +
        `// @ts-expect-error reassigning the function declaration keeps every importer on the new version\n` +
        `loadObservations = (dir?: string) => loadAsWritten(dir).map((row) => (row.row_id === ${JSON.stringify(row_id)} ? {...row, value: ${changed}} : row));\n`
    );

    // The disk fills before the snapshots are made: the build stops there.
    disk.fill(4096);
    const full = await build();
    disk.free();
    expect(full.code).not.toBe(0);
    expect(full.output).toMatch(/ENOSPC/);
    expect(full.output).toContain("FAILED — the previous site in dist/ is untouched");
    expect(site()).toEqual(previous);

    // The snapshots fit, the site does not: half the previous site's size is left free.
    const siteBytes = readdirSync(join(project.dir, "dist"), {recursive: true, withFileTypes: true})
      .filter((entry) => entry.isFile())
      .reduce((sum, entry) => sum + statSync(join(entry.parentPath, entry.name)).size, 0);
    disk.fill(Math.floor(siteBytes / 2));
    const fullLater = await build();
    disk.free();
    expect(fullLater.code).not.toBe(0);
    expect(fullLater.output).toContain("freshness: snapshot set made");
    expect(fullLater.output).toContain("FAILED — the previous site in dist/ is untouched");
    expect(site()).toEqual(previous);
    expect(siteTemporaries()).toEqual([]);

    // Killed while Framework writes the new site.
    const killed = startBuild();
    await expect.poll(() => /→ dist\.fresh-\d+\/\S+\.html/.test(killed.output()), {timeout: 180_000, interval: 100}).toBe(true);
    process.kill(-killed.child.pid!, "SIGKILL");
    await killed.done;
    expect(site()).toEqual(previous);
    expect(siteTemporaries()).toHaveLength(1);

    // The next build clears what the killed one left, and ships the change.
    const last = await build();
    expect(last.code, last.output.slice(-3000)).toBe(0);
    expect(last.output).toMatch(/build: removed dist\.fresh-\d+, left by a run that was killed/);
    expect(siteTemporaries()).toEqual([]);
    expect((await shippedValue(row_id)).value).toBe(changed);
    // The sources snapshot never depended on the loader module: same bytes, same file.
    expect(statSync(join(project.dir, "src/data/sources.parquet")).mtimeMs).toBe(sourcesMadeAt);

    // One page's text edited: only that page is baked again; every other page is its earlier
    // bake (scripts/bake/bake.ts, the bake cache), byte for byte but for the renamed search module.
    const pages = ["index", "supply", "trade", "prices", "magnets", "robotics", "sources"];
    const search = /_observablehq\/search\.[0-9a-f]{8}\.js/g;
    const html = (name: string) => readFileSync(join(project.dir, "dist", `${name}.html`), "utf8");
    const before = Object.fromEntries(pages.map((name) => [name, html(name)]));
    appendFileSync(join(project.dir, "src/wind.md"), "\nA sentence added by tests/authoring/build.test.ts.\n");
    const edited = await build();
    expect(edited.code, edited.output.slice(-3000)).toBe(0);
    expect(edited.output).toMatch(/bake: 8 pages \(7 unchanged, reused\)/);
    expect(html("wind")).toContain("A sentence added by tests/authoring/build.test.ts.");
    const renamed = html("index").match(search)![0];
    expect(before.index.match(search)![0], "the edit renames the search module").not.toBe(renamed);
    for (const name of pages) expect(html(name), name).toBe(before[name].replace(search, renamed));
  }, 600_000);
});
