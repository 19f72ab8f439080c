import {mkdtemp, rm, writeFile} from "node:fs/promises";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {DuckDBInstance} from "@duckdb/node-api";
import {describe, expect, it} from "vitest";
import {toParquet, type Column} from "../../data-loaders/lib/parquet.ts";

const columns: Column[] = [
  {name: "id", type: "VARCHAR"},
  {name: "day", type: "DATE"},
  {name: "value", type: "DOUBLE"},
  {name: "latest", type: "BOOLEAN"},
  {name: "tags", type: "VARCHAR[]"}
];

const rows = [
  {id: "b", day: "2025-04-30", value: 18962.3, latest: true, tags: ["x"]},
  {id: "a", day: null, value: null, latest: false, tags: []}
];

async function readBack(bytes: Uint8Array) {
  const dir = await mkdtemp(join(tmpdir(), "parquet-test-"));
  const path = join(dir, "t.parquet");
  await writeFile(path, bytes);
  const instance = await DuckDBInstance.create(":memory:");
  const connection = await instance.connect();
  try {
    const types = await connection.runAndReadAll(`SELECT column_name, column_type FROM (DESCRIBE SELECT * FROM read_parquet('${path}'))`);
    const data = await connection.runAndReadAll(`SELECT id, CAST(day AS VARCHAR) AS day, value, latest FROM read_parquet('${path}')`);
    const codec = await connection.runAndReadAll(`SELECT DISTINCT compression FROM parquet_metadata('${path}')`);
    return {types: types.getRowObjectsJson(), data: data.getRowObjectsJson(), codec: codec.getRowObjectsJson()};
  } finally {
    connection.closeSync();
    instance.closeSync();
    await rm(dir, {recursive: true, force: true});
  }
}

describe("toParquet", () => {
  it("writes the declared column types, not inferred ones", async () => {
    const {types} = await readBack(await toParquet(rows, columns));
    expect(types).toEqual([
      {column_name: "id", column_type: "VARCHAR"},
      {column_name: "day", column_type: "DATE"},
      {column_name: "value", column_type: "DOUBLE"},
      {column_name: "latest", column_type: "BOOLEAN"},
      {column_name: "tags", column_type: "VARCHAR[]"}
    ]);
  });

  it("keeps the rows in the order given, with nulls", async () => {
    const {data} = await readBack(await toParquet(rows, columns));
    expect(data).toEqual([
      {id: "b", day: "2025-04-30", value: 18962.3, latest: true},
      {id: "a", day: null, value: null, latest: false}
    ]);
  });

  it("compresses with zstd", async () => {
    const {codec} = await readBack(await toParquet(rows, columns));
    expect(codec).toEqual([{compression: "ZSTD"}]);
  });

  it("gives the same bytes for the same rows", async () => {
    const first = await toParquet(rows, columns);
    const second = await toParquet(rows, columns);
    expect(Buffer.from(first).equals(Buffer.from(second))).toBe(true);
  });
});
