import {DuckDBInstance} from "@duckdb/node-api";
import {mkdtempSync, rmSync, writeFileSync} from "node:fs";
import {tmpdir} from "node:os";
import {join} from "node:path";
import * as Arrow from "apache-arrow";
import * as parquet from "parquet-wasm/node";
import {describe, expect, it} from "vitest";
import {rowsToArrowTable, rowsToParquet} from "../../src/components/parquetFile.ts";

const rows = Object.assign(
  [
    {period_start: new Date("2024-01-01T00:00:00Z"), value: 270000, geography: "China", is_latest_vintage: true},
    {period_start: new Date("2025-01-01T00:00:00Z"), value: null, geography: "O'Hare", is_latest_vintage: false}
  ],
  {
    columns: ["period_start", "value", "geography", "is_latest_vintage"],
    schema: [
      {name: "period_start", kind: "date" as const},
      {name: "value", kind: "number" as const},
      {name: "geography", kind: "string" as const},
      {name: "is_latest_vintage", kind: "boolean" as const}
    ]
  }
);

describe("parquet download", () => {
  it("types Arrow columns from the query's column kinds, dates as days", () => {
    const table = rowsToArrowTable(rows, Arrow);
    expect(table.schema.fields.map((f) => `${f.name}:${f.type}`)).toEqual([
      "period_start:Date32<DAY>",
      "value:Float64",
      "geography:Utf8",
      "is_latest_vintage:Bool"
    ]);
    expect(table.numRows).toBe(2);
  });

  it("writes a Parquet file that DuckDB reads back with the same rows and a DATE column", async () => {
    const bytes = rowsToParquet(rows, Arrow, parquet as never);
    const dir = mkdtempSync(join(tmpdir(), "pq-"));
    try {
      const file = join(dir, "rows.parquet");
      writeFileSync(file, bytes);
      const connection = await (await DuckDBInstance.create(":memory:")).connect();
      const reader = await connection.runAndReadAll(`SELECT * FROM read_parquet('${file}') ORDER BY period_start`);
      expect(reader.columnTypes().map(String)).toEqual(["DATE", "DOUBLE", "VARCHAR", "BOOLEAN"]);
      const got = reader.getRowsJS().map(([date, value, geography, latest]) => [(date as Date).toISOString().slice(0, 10), value, geography, latest]);
      expect(got).toEqual([
        ["2024-01-01", 270000, "China", true],
        ["2025-01-01", null, "O'Hare", false]
      ]);
      connection.closeSync();
    } finally {
      rmSync(dir, {recursive: true, force: true});
    }
  });
});
