// The data release id: derived from the records alone, stamped into every snapshot.
import {cpSync, mkdtempSync, rmSync, writeFileSync, appendFileSync} from "node:fs";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {fileURLToPath} from "node:url";
import {DuckDBInstance} from "@duckdb/node-api";
import {afterAll, describe, expect, it} from "vitest";
import {RELEASE_ID, dataRelease} from "../../data-loaders/release.ts";
import {sourcesParquet} from "../../data-loaders/sources.ts";

const good = fileURLToPath(new URL("./fixtures/good", import.meta.url));
const copy = mkdtempSync(join(tmpdir(), "release-test-"));
cpSync(good, copy, {recursive: true});

afterAll(() => rmSync(copy, {recursive: true, force: true}));

describe("dataRelease(dir)", () => {
  it("is the newest source date and a hash of the record files", () => {
    const release = dataRelease(good);
    expect(release.as_of).toBe("2025-03-01");
    expect(release.release_id).toMatch(RELEASE_ID);
    expect(release.release_id).toBe(`2025-03-01.${release.content_hash.slice(0, 12)}`);
    // sources.csv, events.csv, observations/figures.csv and the registry's measures.csv and series.csv
    expect(release.record_files).toBe(5);
  });

  it("gives the same id for the same records wherever they are, and a new one when any record changes", () => {
    expect(dataRelease(copy).release_id).toBe(dataRelease(good).release_id);
    appendFileSync(join(copy, "events.csv"), "");
    expect(dataRelease(copy).release_id).toBe(dataRelease(good).release_id);
    writeFileSync(join(copy, "observations", "more.csv"), "row_id\n");
    expect(dataRelease(copy).release_id).not.toBe(dataRelease(good).release_id);
    expect(dataRelease(copy).as_of).toBe("2025-03-01");
  });
});

describe("the snapshots", () => {
  it("carry the release id in their Parquet key-value metadata", async () => {
    const dir = mkdtempSync(join(tmpdir(), "release-parquet-"));
    const path = join(dir, "sources.parquet");
    writeFileSync(path, await sourcesParquet(good));
    const instance = await DuckDBInstance.create(":memory:");
    const connection = await instance.connect();
    try {
      const reader = await connection.runAndReadAll(`SELECT decode(key) AS key, decode(value) AS value FROM parquet_kv_metadata('${path}')`);
      expect(reader.getRowObjectsJson()).toContainEqual({key: "release_id", value: dataRelease(good).release_id});
    } finally {
      connection.closeSync();
      instance.closeSync();
      rmSync(dir, {recursive: true, force: true});
    }
  });
});
