import {mkdtemp, readFile, rm, writeFile} from "node:fs/promises";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {DuckDBInstance} from "@duckdb/node-api";

/** The DuckDB column types this project writes; each one is explicit in the Parquet schema. */
export type ColumnType = "VARCHAR" | "DOUBLE" | "DATE" | "BOOLEAN" | "INTEGER" | "VARCHAR[]";

export interface Column {
  name: string;
  type: ColumnType;
}

type Cell = string | number | boolean | null | readonly string[];

/**
 * Turns rows into zstd-compressed Parquet bytes, in the order given, with `metadata` as the
 * file's key-value metadata (the data release id, data-loaders/release.ts).
 * Rows go through a temporary newline-delimited JSON file that DuckDB reads with the
 * declared column types, so no type is ever inferred from the data.
 */
export async function toParquet(
  rows: readonly object[],
  columns: readonly Column[],
  metadata: Readonly<Record<string, string>> = {}
): Promise<Uint8Array> {
  const dir = await mkdtemp(join(tmpdir(), "observatory-parquet-"));
  const jsonPath = join(dir, "rows.ndjson");
  const parquetPath = join(dir, "table.parquet");
  const instance = await DuckDBInstance.create(":memory:", {threads: "1"});
  const connection = await instance.connect();
  try {
    await writeFile(jsonPath, rows.map((row) => JSON.stringify(pick(row, columns))).join("\n") + "\n");
    const spec = columns.map((c) => `${quoteString(c.name)}: ${quoteString(c.type)}`).join(", ");
    const select = columns.map((c) => quoteIdent(c.name)).join(", ");
    // The row number keeps the caller's order through the file reader.
    await connection.run(
      `COPY (SELECT ${select} FROM read_json(${quoteString(jsonPath)},
         format = 'newline_delimited', columns = {${spec}}, auto_detect = false))
       TO ${quoteString(parquetPath)} (FORMAT parquet, COMPRESSION zstd${kvMetadata(metadata)})`
    );
    return new Uint8Array(await readFile(parquetPath));
  } finally {
    connection.closeSync();
    instance.closeSync();
    await rm(dir, {recursive: true, force: true});
  }
}

function pick(row: object, columns: readonly Column[]): Record<string, Cell> {
  const out: Record<string, Cell> = {};
  for (const {name} of columns) {
    const value = (row as Record<string, unknown>)[name];
    out[name] = value === undefined ? null : (value as Cell);
  }
  return out;
}

function kvMetadata(metadata: Readonly<Record<string, string>>): string {
  const entries = Object.entries(metadata);
  if (entries.length === 0) return "";
  return `, KV_METADATA {${entries.map(([key, value]) => `${quoteIdent(key)}: ${quoteString(value)}`).join(", ")}}`;
}

function quoteString(text: string): string {
  return `'${text.replaceAll("'", "''")}'`;
}

function quoteIdent(text: string): string {
  return `"${text.replaceAll('"', '""')}"`;
}
