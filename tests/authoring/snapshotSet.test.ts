// The snapshot set in a copy of the project on a small disk (tmpfs): made in one step, reused
// while nothing it depends on changed, installed all together or not at all — after a bad
// record, a full disk, a hung loader — and never served truncated.
import {DuckDBInstance} from "@duckdb/node-api";
import {createHash} from "node:crypto";
import {appendFileSync, existsSync, readdirSync, readFileSync, writeFileSync} from "node:fs";
import {join} from "node:path";
import {afterAll, beforeAll, describe, expect, it} from "vitest";
import {refreshSnapshotSet} from "../../scripts/freshness/snapshotSet.ts";
import {findFigure, setValue, type Figure} from "../../scripts/authoring/records.ts";
import {mountSmallDisk, type SmallDisk} from "./smallDisk.ts";
import {copyProject, type TempProject} from "../../scripts/authoring/projectCopy.ts";

let disk: SmallDisk;
let project: TempProject;
let figure: Figure;
const quiet = () => {};
const data = (path: string) => join(project.dir, "src", path);
const cache = () => join(project.dir, "src/.observablehq/cache");

/** Every installed set file and the SHA-256 of its bytes. */
function installed(): Record<string, string> {
  const files: Record<string, string> = {};
  for (const dir of ["data", "data/initial"]) {
    for (const name of readdirSync(data(dir)).filter((n) => /\.(parquet|json)$/.test(n))) {
      files[`${dir}/${name}`] = createHash("sha256").update(readFileSync(data(`${dir}/${name}`))).digest("hex");
    }
  }
  return files;
}

async function shippedValue(rowId: string): Promise<number> {
  const connection = await (await DuckDBInstance.create(":memory:")).connect();
  try {
    const reader = await connection.runAndReadAll(`SELECT value FROM read_parquet('${data("data/observations.parquet")}') WHERE row_id = '${rowId}'`);
    return Number(reader.getRowsJS()[0][0]);
  } finally {
    connection.closeSync();
  }
}

async function readParquet(sql: string): Promise<string> {
  const connection = await (await DuckDBInstance.create(":memory:")).connect();
  try {
    const reader = await connection.runAndReadAll(sql);
    return JSON.stringify(reader.getRowsJS(), (_, v) => (typeof v === "bigint" ? String(v) : v));
  } finally {
    connection.closeSync();
  }
}

const parquetRows = (path: string) => readParquet(`SELECT * FROM read_parquet('${data(path)}') ORDER BY ALL`);
const releaseOf = (path: string) => readParquet(`SELECT decode(value) FROM parquet_kv_metadata('${data(path)}') WHERE decode(key) = 'release_id'`);

beforeAll(() => {
  disk = mountSmallDisk(48);
  project = copyProject({parent: disk.dir, packageCaches: false});
  figure = findFigure(project.dir);
});
afterAll(() => {
  project?.remove();
  disk?.unmount();
});

describe("the snapshot set", () => {
  it("makes every snapshot and every page's first-state results in one step, and reuses them while nothing changed", async () => {
    const made = await refreshSnapshotSet(project.dir, {log: quiet});
    expect(made.status, made.error).toBe("refreshed");
    expect(made.changed).toEqual(expect.arrayContaining(["data/observations.parquet", "data/sources.parquet", "data/checks.parquet", "data/events.parquet", "data/initial/index.json", "data/initial/supply.json"]));
    for (const path of made.changed.filter((p) => p.startsWith("data/initial/"))) expect(Object.keys(JSON.parse(readFileSync(data(path), "utf8")).results).length).toBeGreaterThan(0);
    expect((await refreshSnapshotSet(project.dir, {log: quiet})).status).toBe("fresh");
  }, 120_000);

  // Every snapshot carries the data release id, which is derived from all the records, so an
  // edited record restamps every table; the rows of a table that does not depend on it stay as they were.
  it("changes the rows of exactly the tables that depend on an edited record, and restamps every table with the new release", async () => {
    const eventsBefore = await parquetRows("data/events.parquet");
    const releaseBefore = await releaseOf("data/events.parquet");
    setValue(project.dir, figure, "123457");
    const report = await refreshSnapshotSet(project.dir, {log: quiet});
    expect(report.status, report.error).toBe("refreshed");
    expect(report.changed).toContain("data/observations.parquet");
    expect(await parquetRows("data/events.parquet")).toEqual(eventsBefore);
    expect(await releaseOf("data/events.parquet")).not.toBe(releaseBefore);
    expect(await shippedValue(figure.rowId)).toBe(123457);
  }, 120_000);

  it("keeps the whole last good set when an edit is refused, and names the record's file and line", async () => {
    const before = installed();
    setValue(project.dir, figure, "12o45");
    const report = await refreshSnapshotSet(project.dir, {log: quiet});
    expect(report.status).toBe("failed");
    expect(report.error).toContain(`${figure.file}:${figure.line}`);
    expect(installed()).toEqual(before);
    setValue(project.dir, figure, "123457");
  }, 120_000);

  it("installs nothing when the disk fills during a refresh, leaves nothing truncated, and recovers once there is space", async () => {
    const before = installed();
    setValue(project.dir, figure, "654321");
    disk.fill(2048);
    const report = await refreshSnapshotSet(project.dir, {log: quiet});
    disk.free();
    expect(report.status).toBe("failed");
    expect(report.error).toMatch(/ENOSPC/);
    expect(installed()).toEqual(before);
    expect(readdirSync(cache()).filter((name) => name.includes(".fresh-"))).toEqual([]);
    expect(await shippedValue(figure.rowId)).toBe(123457);

    const again = await refreshSnapshotSet(project.dir, {log: quiet});
    expect(again.status, again.error).toBe("refreshed");
    expect(await shippedValue(figure.rowId)).toBe(654321);
  }, 120_000);

  it("does not reuse an installed file whose bytes are not the ones it recorded", async () => {
    const path = data("data/initial/index.json");
    const good = readFileSync(path);
    writeFileSync(path, good.subarray(0, 8192));
    const report = await refreshSnapshotSet(project.dir, {log: quiet});
    expect(report.status, report.error).toBe("refreshed");
    expect(report.changed).toEqual(["data/initial/index.json"]);
    expect(readFileSync(path).equals(good)).toBe(true);
  }, 120_000);

  it("kills a hung loader at its time limit, names it, and keeps the last good set", async () => {
    const before = installed();
    appendFileSync(join(project.dir, "data-loaders/events.ts"), "\nawait new Promise((resolve) => setTimeout(resolve, 600_000));\n");
    const startedAt = Date.now();
    const report = await refreshSnapshotSet(project.dir, {log: quiet, timeoutMs: 4000});
    expect(Date.now() - startedAt).toBeLessThan(30_000);
    expect(report.status).toBe("failed");
    expect(report.error).toContain("scripts/snapshot-set/write.ts: killed after 4.0 s (the time limit, OBSERVATORY_LOADER_TIMEOUT_MS)");
    expect(installed()).toEqual(before);
    expect(existsSync(join(cache(), `snapshot-set.fresh-${process.pid}`))).toBe(false);
  }, 120_000);
});
