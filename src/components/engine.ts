// DuckDB-WASM itself: one worker per database, so that a query that will not stop can be
// ended by terminating the worker. The engine ships once, gzip-compressed (7–8 MB instead of
// 35.7 MB, under every static host's per-file cap), and is inflated in the browser with
// DecompressionStream before the worker instantiates it. Only the "eh" build (WebAssembly
// exceptions) ships; see docs/deploying.md for the browsers that have it.
import * as duckdb from "npm:@duckdb/duckdb-wasm";

const WASM_GZ = import.meta.resolve("npm:@duckdb/duckdb-wasm/dist/duckdb-eh.wasm.gz");
const WORKER = import.meta.resolve("npm:@duckdb/duckdb-wasm/dist/duckdb-browser-eh.worker.js");

/** Dates as JavaScript dates and 64-bit integers as numbers, as Framework's DuckDBClient gives them. */
const QUERY_CONFIG = {castTimestampToDate: true, castBigIntToDouble: true};

let wasmUrl: Promise<string> | undefined;

/** The engine's wasm as a blob: URL, fetched and inflated once per page and reused on restart. */
function engineUrl(): Promise<string> {
  return (wasmUrl ??= inflatedWasm(WASM_GZ).catch((error) => {
    wasmUrl = undefined; // let a later start try again
    throw error;
  }));
}

async function inflatedWasm(href: string): Promise<string> {
  const response = await fetch(href);
  if (!response.ok) throw new Error(`could not load DuckDB's engine (${href}): HTTP ${response.status}`);
  const bytes = new Uint8Array(await response.arrayBuffer());
  // A host that serves .gz files with Content-Encoding: gzip has already inflated it.
  const wasm = isGzip(bytes) ? await new Response(new Blob([bytes]).stream().pipeThrough(new DecompressionStream("gzip"))).arrayBuffer() : bytes;
  return URL.createObjectURL(new Blob([wasm as BlobPart], {type: "application/wasm"}));
}

export function isGzip(bytes: Uint8Array): boolean {
  return bytes[0] === 0x1f && bytes[1] === 0x8b;
}

/** A fresh, open DuckDB-WASM database in its own worker. */
export async function startEngine(): Promise<duckdb.AsyncDuckDB> {
  const url = await engineUrl();
  const worker = new Worker(WORKER);
  const db = new duckdb.AsyncDuckDB(new duckdb.ConsoleLogger(duckdb.LogLevel.WARNING), worker);
  try {
    await db.instantiate(url);
    await db.open({query: QUERY_CONFIG});
    return db;
  } catch (error) {
    worker.terminate();
    throw error;
  }
}

export type AsyncDuckDB = duckdb.AsyncDuckDB;
export type AsyncDuckDBConnection = duckdb.AsyncDuckDBConnection;
