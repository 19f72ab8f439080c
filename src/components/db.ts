// The one DuckDB-WASM database a page uses. The Parquet snapshots are decoded to Arrow
// in the browser (parquet-wasm, via FileAttachment.parquet()) and inserted as tables, so
// DuckDB's parquet extension — which DuckDB-WASM 1.29 would download — is never needed.
import {FileAttachment} from "observablehq:stdlib";
import {DuckDBClient} from "observablehq:stdlib/duckdb";
import {tableToRows, type Rows} from "./arrowRows.js";

/** Every snapshot, by table name. FileAttachment needs literal paths, hence the list. */
export const SNAPSHOTS = {
  observations: FileAttachment("../data/observations.parquet"),
  sources: FileAttachment("../data/sources.parquet")
};

export type TableName = keyof typeof SNAPSHOTS;

/** One line per table, for the workbench's schema browser and the docs. */
export const TABLE_DESCRIPTIONS: Record<TableName, string> = {
  observations: "Every figure, one row each: value, unit, period, basis (actual/estimate/forecast/target) and its source.",
  sources: "One row per source document: title, publisher, date, URL and licence or terms."
};

let database: Promise<DuckDBClient> | undefined;

/** The page's database, opened on first use and at most once per page. */
export function getDatabase(): Promise<DuckDBClient> {
  return (database ??= openDatabase());
}

async function openDatabase(): Promise<DuckDBClient> {
  const tables = await Promise.all(Object.entries(SNAPSHOTS).map(async ([name, file]) => [name, await file.parquet()] as const));
  const client = await DuckDBClient.of(Object.fromEntries(tables));
  // Never reach for an extension over the network, whatever a query asks for.
  await client.query("SET autoinstall_known_extensions = false");
  await client.query("SET autoload_known_extensions = false");
  return client;
}

/** Runs a query (with `?` parameters) and returns plain row objects with Date and number cells. */
export async function query(text: string, params: unknown[] = []): Promise<Rows> {
  const client = await getDatabase();
  return tableToRows(await client.query(text, params));
}

/** The tag SQL code blocks use: interpolated values become bound parameters, never SQL text. */
export function sql(strings: TemplateStringsArray, ...params: unknown[]): Promise<Rows> {
  return query(strings.join("?"), params);
}
