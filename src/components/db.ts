// The one DuckDB-WASM database a page uses. The Parquet snapshots are decoded to Arrow
// in the browser (parquet-wasm) and inserted as tables, so DuckDB's parquet extension —
// which DuckDB-WASM 1.29 would download — is never needed. Arrow and parquet-wasm are
// imported here, dynamically, rather than through FileAttachment.parquet(), which would make
// Framework preload them on every page that can reach this module.
import {FileAttachment} from "observablehq:stdlib";
import {databaseStatus} from "./dbStatus.js";
import type {TableName} from "./tables.js";
import {VIEWS} from "./views.js";
import {DuckDBClient} from "npm:@observablehq/duckdb";
import {tableToRows, type Rows} from "./arrowRows.js";

/**
 * Every snapshot's URL, by table name. FileAttachment needs literal paths, hence the list;
 * `.href` (rather than the attachment itself) keeps Framework from inferring a `.parquet()`
 * call from the file name and preloading Arrow and parquet-wasm on every page.
 */
export const SNAPSHOTS: Record<TableName, string> = {
  observations: FileAttachment("../data/observations.parquet").href,
  sources: FileAttachment("../data/sources.parquet").href,
  checks: FileAttachment("../data/checks.parquet").href,
  events: FileAttachment("../data/events.parquet").href,
  release: FileAttachment("../data/release.parquet").href
};

export {TABLE_DESCRIPTIONS} from "./tables.js";

let database: Promise<DuckDBClient> | undefined;

/** The page's database, opened on first use and at most once per page. */
export function getDatabase(): Promise<DuckDBClient> {
  return (database ??= openDatabase());
}

async function openDatabase(): Promise<DuckDBClient> {
  databaseStatus.set("starting");
  try {
    const [Arrow, Parquet] = await Promise.all([
      import("npm:apache-arrow"),
      import("npm:parquet-wasm").then(async (module) => {
        await module.default(import.meta.resolve("npm:parquet-wasm/esm/parquet_wasm_bg.wasm"));
        return module;
      })
    ]);
    const decode = async (href: string) => {
      const response = await fetch(href);
      if (!response.ok) throw new Error(`could not load ${href}: HTTP ${response.status}`);
      return Arrow.tableFromIPC(Parquet.readParquet(new Uint8Array(await response.arrayBuffer())).intoIPCStream());
    };
    const tables = await Promise.all(Object.entries(SNAPSHOTS).map(async ([name, href]) => [name, await decode(href)] as const));
    const client = await DuckDBClient.of(Object.fromEntries(tables));
    // Never reach for an extension over the network, whatever a query asks for.
    await client.query("SET autoinstall_known_extensions = false");
    await client.query("SET autoload_known_extensions = false");
    for (const view of VIEWS) await client.query(view.sql);
    // For the browser console (and the benchmark): `await observatory.query("SELECT …")`.
    Object.assign(globalThis, {observatory: {query, getDatabase}});
    databaseStatus.set("ready");
    return client;
  } catch (error) {
    databaseStatus.set("failed", error instanceof Error ? error.message : String(error));
    throw error;
  }
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
