// `npm run build` in a temporary copy of the project: a changed loader module reaches dist/,
// and an untouched build reuses every snapshot.
import {DuckDBInstance} from "@duckdb/node-api";
import {spawn, type ChildProcess} from "node:child_process";
import {appendFileSync, readdirSync, readFileSync, statSync} from "node:fs";
import {join} from "node:path";
import {afterAll, beforeAll, describe, expect, it} from "vitest";
import {copyProject, type TempProject} from "./tempProject.ts";

let project: TempProject;
let running: ChildProcess | undefined;
beforeAll(() => void (project = copyProject()));
afterAll(() => {
  // npm starts the build in its own process group (detached): end the whole group.
  if (running?.pid && running.exitCode === null) process.kill(-running.pid, "SIGTERM");
  project?.remove();
});

/** Runs `npm run build` in the copy (asynchronously: a blocked worker would miss vitest's heartbeat). */
async function build(): Promise<string> {
  const child = (running = spawn("npm", ["run", "build"], {cwd: project.dir, env: {...process.env, FORCE_COLOR: "0", NO_COLOR: "1"}, detached: true}));
  let output = "";
  child.stdout.setEncoding("utf8").on("data", (chunk: string) => (output += chunk));
  child.stderr.setEncoding("utf8").on("data", (chunk: string) => (output += chunk));
  const code = await new Promise<number | null>((resolve) => child.on("close", resolve));
  running = undefined;
  if (code !== 0) throw new Error(`npm run build failed:\n${output.slice(-4000)}`);
  return output;
}

/** The observations snapshot as shipped: dist/_file/data/observations.<hash>.parquet. */
function shippedObservations(): string {
  const dir = join(project.dir, "dist", "_file", "data");
  const name = readdirSync(dir).find((file) => /^observations\.[0-9a-f]+\.parquet$/.test(file));
  if (!name) throw new Error(`no observations snapshot in ${dir}`);
  return join(dir, name);
}

async function firstValue(parquet: string, rowId?: string): Promise<{row_id: string; value: number}> {
  const connection = await (await DuckDBInstance.create(":memory:")).connect();
  try {
    const where = rowId ? `row_id = '${rowId.replaceAll("'", "''")}'` : "value IS NOT NULL";
    const reader = await connection.runAndReadAll(`SELECT row_id, value FROM read_parquet('${parquet}') WHERE ${where} ORDER BY row_id LIMIT 1`);
    return reader.getRowObjectsJS()[0] as {row_id: string; value: number};
  } finally {
    connection.closeSync();
  }
}

describe("npm run build", () => {
  it("re-runs a loader whose imported module changed, and reuses the snapshots that did not depend on it", async () => {
    await build();
    const {row_id, value} = await firstValue(shippedObservations());
    const cachedSources = join(project.dir, "src/.observablehq/cache/data/sources.parquet");
    const sourcesMadeAt = statSync(cachedSources).mtimeMs;

    // A transform in the loader module (not in the entry point, which is all Framework
    // compares): loadObservations now rescales one figure. The sources table never imports it.
    const loader = join(project.dir, "data-loaders/observations.ts");
    expect(readFileSync(loader, "utf8"), "the test rescales loadObservations in data-loaders/observations.ts").toMatch(/export function loadObservations\(/);
    const changed = value * 1000 + 1;
    appendFileSync(
      loader,
      `\n// Added by tests/authoring/build-freshness.test.ts in a temporary copy.\n` +
        `const loadAsWritten = loadObservations;\n` +
        `// @ts-expect-error reassigning the function declaration keeps every importer on the new version\n` +
        `loadObservations = (dir?: string) => loadAsWritten(dir).map((row) => (row.row_id === ${JSON.stringify(row_id)} ? {...row, value: ${changed}} : row));\n`
    );
    const rebuilt = await build();
    expect(rebuilt).toMatch(/freshness: data\/observations\.parquet: a dependency changed/);
    expect(rebuilt).toMatch(/observations\.parquet → \[missing\]/);
    expect((await firstValue(shippedObservations(), row_id)).value).toBe(changed);

    expect(rebuilt).toMatch(/sources\.parquet → \[fresh\]/);
    expect(rebuilt).not.toMatch(/\[(stale|using stale)\]/);
    expect(statSync(cachedSources).mtimeMs).toBe(sourcesMadeAt);
  }, 240_000);
});
