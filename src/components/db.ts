// The one DuckDB-WASM database a page uses. The Parquet snapshots are decoded to Arrow in
// the browser (parquet-wasm) and inserted as tables, so DuckDB's parquet extension — which
// DuckDB-WASM 1.29 would download — is never needed. Arrow and parquet-wasm are imported
// here, dynamically, rather than through FileAttachment.parquet(), which would make
// Framework preload them on every page that can reach this module.
//
// The database is sealed (seal.ts) and can be restarted: the workbench terminates a query
// that will not stop by ending the engine's worker, then opens a new database with the
// site's tables and the reader's opened files loaded again.
import {FileAttachment} from "observablehq:stdlib";
import {databaseStatus} from "./dbStatus.js";
import {startEngine, type AsyncDuckDB} from "./engine.js";
import {SEAL_STATEMENTS} from "./seal.js";
import {CUT_MACRO} from "./workbench/caps.js";
import type {TableName} from "./tables.js";
import {VIEWS} from "./views.js";
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

/** A file the reader opened in the workbench, kept so that a restarted database has it again. */
export interface ReaderFile {
  /** The table it becomes. */
  name: string;
  /** CSV text as bytes (parsed by DuckDB before the seal), or an Arrow IPC stream (a decoded Parquet file). */
  format: "csv" | "arrow";
  bytes: Uint8Array;
}

/** What pages and the workbench use: Framework's DuckDBClient's `query`, and the engine as `_db`. */
export class Database {
  constructor(readonly _db: AsyncDuckDB) {}

  async query(text: string, params: unknown[] = []): Promise<any> {
    const connection = await this._db.connect();
    try {
      if (params.length === 0) return await connection.query(text);
      const statement = await connection.prepare(text);
      try {
        return await statement.query(...params);
      } finally {
        await statement.close();
      }
    } finally {
      await connection.close();
    }
  }
}

let database: Promise<Database> | undefined;
/** A second database, opened while a long query runs, so that a restart is a swap. */
let spare: Promise<Database> | undefined;
let siteTables: Promise<[string, unknown][]> | undefined;
const readerFiles = new Map<string, ReaderFile>();
let restarts = 0;

/** The page's database, opened on first use and at most once per page (until a restart). */
export function getDatabase(): Promise<Database> {
  return (database ??= openDatabase());
}

/**
 * Ends the current engine (whatever it is doing) and opens a new database with the site's
 * tables and every file the reader opened. Tables the reader made with SQL are gone.
 */
export function restartDatabase(): Promise<Database> {
  const old = database;
  restarts++;
  database = spare?.catch(() => openDatabase());
  spare = undefined;
  old?.then((client) => client._db.terminate()).catch(() => {});
  return getDatabase();
}

/**
 * Opens the spare database now (once), for a restart that may come: the workbench calls it
 * when a query has run for a while. Resolves when the spare is ready.
 */
export function prepareSpare(): Promise<unknown> {
  return (spare ??= openDatabase({spare: true})).catch(() => {
    spare = undefined;
  });
}

function dropSpare(): void {
  spare?.then((client) => client._db.terminate()).catch(() => {});
  spare = undefined;
}

/** How many times this page's database was restarted (for the workbench's note and for tests). */
export function restartCount(): number {
  return restarts;
}

/** The reader's opened files, in the order opened. */
export function openedFiles(): ReaderFile[] {
  return [...readerFiles.values()];
}

/**
 * Adds a reader's file as a table. An Arrow stream goes straight into the running database;
 * CSV text needs DuckDB's CSV reader, which the seal switches off, so the database restarts
 * with the file loaded before the seal.
 */
export async function addReaderFile(file: ReaderFile): Promise<{database: Database; restarted: boolean}> {
  readerFiles.set(file.name, file);
  dropSpare(); // it was opened without this file
  if (file.format === "csv") return {database: await restartDatabase(), restarted: true};
  const client = await getDatabase();
  const connection = await client._db.connect();
  try {
    await insertReaderFile(client._db, connection, file);
  } finally {
    await connection.close();
  }
  return {database: client, restarted: false};
}

function loadSiteTables(): Promise<[string, unknown][]> {
  return (siteTables ??= (async () => {
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
    return Promise.all(Object.entries(SNAPSHOTS).map(async ([name, href]) => [name, await decode(href)] as [string, unknown]));
  })().catch((error) => {
    siteTables = undefined;
    throw error;
  }));
}

async function openDatabase({spare = false} = {}): Promise<Database> {
  if (!spare) databaseStatus.set("starting");
  try {
    const [db, tables] = await Promise.all([startEngine(), loadSiteTables()]);
    const connection = await db.connect();
    try {
      for (const [name, table] of tables) await connection.insertArrowTable(table as any, {name, schema: "main"});
      // CSV files first: DuckDB's CSV reader is one of the things the seal switches off.
      for (const file of readerFiles.values()) if (file.format === "csv") await insertReaderFile(db, connection, file);
      for (const statement of SEAL_STATEMENTS) await connection.query(statement);
      for (const file of readerFiles.values()) if (file.format === "arrow") await insertReaderFile(db, connection, file);
      for (const view of VIEWS) await connection.query(view.sql);
      await connection.query(CUT_MACRO);
      // A spare's first queries would compile DuckDB's code paths after the swap; compile the common ones now.
      if (spare) await connection.query("SELECT 42 AS answer, count(*) FROM information_schema.columns");
    } finally {
      await connection.close();
    }
    const client = new Database(db);
    // For the browser console (and the benchmark): `await observatory.query("SELECT …")`.
    Object.assign(globalThis, {observatory: {query, getDatabase, prepareSpare}});
    if (!spare) databaseStatus.set("ready");
    return client;
  } catch (error) {
    if (spare) throw error;
    databaseStatus.set("failed", error instanceof Error ? error.message : String(error));
    database = undefined; // a later query may try again
    throw error;
  }
}

let csvFiles = 0;

async function insertReaderFile(db: AsyncDuckDB, connection: Awaited<ReturnType<AsyncDuckDB["connect"]>>, file: ReaderFile): Promise<void> {
  const table = `"${file.name.replaceAll('"', '""')}"`;
  if (file.format === "arrow") {
    await connection.query(`DROP TABLE IF EXISTS ${table}`);
    // A copy: DuckDB-WASM hands the buffer to its worker, and a restart needs it again.
    await connection.insertArrowFromIPCStream(file.bytes.slice(), {name: file.name, schema: "main", create: true});
    return;
  }
  const path = `reader-${++csvFiles}.csv`;
  await db.registerFileBuffer(path, file.bytes.slice());
  try {
    await connection.query(`CREATE OR REPLACE TABLE ${table} AS SELECT * FROM read_csv_auto('${path}')`);
  } finally {
    await db.dropFile(path).catch(() => {});
  }
}

/** What the workbench runs on: the current database, a restart, and the reader's files. */
export const workbenchDatabase = {
  current: getDatabase,
  restart: restartDatabase,
  prepareSpare,
  openedFileCount: () => readerFiles.size,
  addReaderFile
};

/** Runs a query (with `?` parameters) and returns plain row objects with Date and number cells. */
export async function query(text: string, params: unknown[] = []): Promise<Rows> {
  const client = await getDatabase();
  return tableToRows(await client.query(text, params));
}

/** The tag SQL code blocks use: interpolated values become bound parameters, never SQL text. */
export function sql(strings: TemplateStringsArray, ...params: unknown[]): Promise<Rows> {
  return query(strings.join("?"), params);
}
