// Runs the reader's SQL on its own DuckDB connection, one statement at a time, through
// DuckDB's pending queries. Cancel and the time limit first ask DuckDB to stop; a query that
// does not stop within a moment (a CPU-bound join) is ended by restarting the database,
// whose engine runs in a worker that can be terminated. Results are capped (caps.ts).
import type {AsyncDuckDB, AsyncDuckDBConnection} from "@duckdb/duckdb-wasm";
import type {ColumnInfo} from "../arrowRows.js";
import {refusal, sealedMessage} from "../seal.js";
import {capNotes, cappedQuery, isCut, tooLong, type DescribedColumn} from "./caps.js";
import {batchColumns, type BatchLike} from "./cells.js";
import {quoteIdentifier, splitStatements} from "./statements.js";

export interface QueryResult {
  /** The Arrow schema and batches of the last statement, as DuckDB's copy of Arrow made them. */
  schema: any;
  batches: BatchLike[];
  columns: ColumnInfo[];
  /** Rows kept (at most the row cap). */
  rowCount: number;
  /** False when the row cap stopped reading before the result ended. */
  complete: boolean;
  elapsedMs: number;
  statementCount: number;
  /** What the caps left out (columns past the cap, cut cells), as phrases for the summary. */
  notes: string[];
}

export interface RunOptions {
  /** Stop the query after this many milliseconds; 0 or less means no limit. */
  timeLimitMs: number;
  /** Keep at most this many rows of the result. */
  rowCap: number;
  /**
   * A notebook cell's name: when the last statement is a query, its whole result is kept as the
   * table of that name (which later cells select from), and the rows shown are read from it.
   */
  saveAs?: string;
}

/** Where the runner gets its database, and how it gets a fresh one (db.ts). */
export interface DatabaseSource {
  current(): Promise<{_db: AsyncDuckDB}>;
  restart(): Promise<{_db: AsyncDuckDB}>;
  /** How many of the reader's files a restart loads again. */
  openedFileCount(): number;
  /** Opens a spare database in the background, so that a restart, if one comes, is quick. */
  prepareSpare?(): unknown;
}

export type StopReason = "cancelled" | "time limit";

/** How long a stopped query gets to let go by itself before the database is restarted. */
export const STOP_GRACE_MS = 300;
/** A query running this long may need stopping: a spare database is opened meanwhile. */
export const SPARE_AFTER_MS = 1000;

/** Thrown when the reader cancelled the query or its time limit ran out. */
export class QueryStopped extends Error {
  constructor(readonly reason: StopReason, limitMs = 0, readonly restarted = false, openedFiles = 0) {
    super(
      (reason === "cancelled"
        ? "Query cancelled."
        : `Query stopped: it ran past the time limit of ${formatSeconds(limitMs)}. Raise the limit below the editor to let it run longer.`) +
        (restarted
          ? ` It did not stop when asked, so the database was restarted: the site's tables${openedFiles > 0 ? ` and your ${openedFiles === 1 ? "opened file are" : `${openedFiles} opened files are`}` : " are"} loaded again; tables you made in this tab are gone.`
          : " Nothing was changed after the point where it stopped.")
    );
    this.name = "QueryStopped";
  }
}

function formatSeconds(ms: number): string {
  const s = ms / 1000;
  return `${Number.isInteger(s) ? s : s.toFixed(1)} s`;
}

const delay = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export class QueryRunner {
  readonly #source: DatabaseSource;
  #connection: {db: AsyncDuckDB; connection: Promise<AsyncDuckDBConnection>} | undefined;
  #stop: ((reason: StopReason) => void) | undefined;

  constructor(source: DatabaseSource) {
    this.#source = source;
  }

  get running(): boolean {
    return this.#stop !== undefined;
  }

  /** Stops the running query, if any. */
  cancel(): void {
    this.#stop?.("cancelled");
  }

  async run(text: string, {timeLimitMs, rowCap, saveAs}: RunOptions): Promise<QueryResult> {
    if (this.running) throw new Error("A query is already running. Wait for it, or cancel it first.");
    const statements = splitStatements(text);
    if (statements.length === 0) throw new Error("There is no SQL to run: the editor is empty or holds only comments.");
    for (const statement of statements) {
      const refused = refusal(statement) ?? tooLong(statement);
      if (refused) throw new Error(refused);
    }
    const start = performance.now();
    let stopReason: StopReason | undefined;
    let rejectStopped!: (error: Error) => void;
    const stopped = new Promise<never>((_, reject) => (rejectStopped = reject));
    stopped.catch(() => {}); // handled where it is awaited
    let work: Promise<unknown> = Promise.resolve();
    let connection: AsyncDuckDBConnection | undefined;
    this.#stop = (reason) => {
      if (stopReason) return;
      stopReason = reason;
      connection?.cancelSent().catch(() => {});
      // The stopped query may still be winding down on this connection; the next query gets a fresh one.
      const retired = this.#connection;
      this.#connection = undefined;
      const settled = work.then(() => true, () => true);
      Promise.race([settled, delay(STOP_GRACE_MS).then(() => false)])
        .then(async (letGo) => {
          // Close the connection once DuckDB has let go; a terminated engine has nothing to close.
          // A cancelled CREATE TABLE … AS (a notebook cell's table) leaves its transaction open on the
          // connection, which would block every later write of that table: roll it back first.
          // Awaited, so that the next query (which may write that table) starts after it.
          if (letGo) await retired?.connection.then(async (c) => (await c.query("ROLLBACK").catch(() => {}), await c.close())).catch(() => {});
          else await this.#source.restart();
          rejectStopped(new QueryStopped(reason, timeLimitMs, !letGo, this.#source.openedFileCount()));
        })
        .catch((error) => rejectStopped(new Error(`The query was stopped, but the database did not restart: ${error instanceof Error ? error.message : error}`)));
    };
    const timer = timeLimitMs > 0 ? setTimeout(() => this.#stop?.("time limit"), timeLimitMs) : undefined;
    const spareTimer = setTimeout(() => this.#source.prepareSpare?.(), SPARE_AFTER_MS);
    const isStopped = () => stopReason !== undefined;
    try {
      connection = await Promise.race([this.#connect(), stopped]);
      let result!: Omit<QueryResult, "elapsedMs" | "statementCount">;
      for (const [i, statement] of statements.entries()) {
        work = collect(connection, statement, rowCap, isStopped, i === statements.length - 1 ? saveAs : undefined);
        result = (await Promise.race([work, stopped]).catch((error) => (isStopped() ? stopped : Promise.reject(error)))) as typeof result;
        if (isStopped()) await stopped;
      }
      return {...result, elapsedMs: performance.now() - start, statementCount: statements.length};
    } catch (error) {
      if (error instanceof QueryStopped) throw error;
      const message = error instanceof Error ? error.message : String(error);
      if (isEngineCrash(message)) {
        // The engine's memory is damaged and every later query would fail: start a new one.
        this.#connection = undefined;
        await this.#source.restart();
        const files = this.#source.openedFileCount();
        throw new Error(`DuckDB-WASM broke on this query (${message}), so the database was restarted: the site's tables${files ? ` and your ${files === 1 ? "opened file" : `${files} opened files`}` : ""} are loaded again; tables you made in this tab are gone.`);
      }
      throw new Error(sealedMessage(message));
    } finally {
      clearTimeout(timer);
      clearTimeout(spareTimer);
      this.#stop = undefined;
    }
  }

  async #connect(): Promise<AsyncDuckDBConnection> {
    const {_db: db} = await this.#source.current();
    if (this.#connection?.db !== db) this.#connection = {db, connection: db.connect()};
    return this.#connection.connection;
  }
}

/** Errors that mean the engine itself is broken (WebAssembly traps), not the query. */
export function isEngineCrash(message: string): boolean {
  return /memory access out of bounds|RuntimeError|unreachable|Aborted\(/i.test(message);
}

async function describe(connection: AsyncDuckDBConnection, statement: string): Promise<DescribedColumn[] | null> {
  try {
    const table = await connection.query(`DESCRIBE ${statement}`);
    return table.toArray().map((row: any) => ({name: String(row.column_name), type: String(row.column_type)}));
  } catch {
    return null; // not a query (CREATE, SET, SHOW…) or it does not bind: run it as written
  }
}

async function collect(connection: AsyncDuckDBConnection, query: string, rowCap: number, isStopped: () => boolean, saveAs?: string) {
  let statement = query;
  let described = await describe(connection, statement);
  if (saveAs !== undefined && described) {
    // A table, not a view, so the rows are computed once; not TEMP, since DuckDB keeps a temporary
    // table for one connection, and a cancelled query's connection is replaced. Through a pending
    // query, so that Cancel and the time limit stop it like any other.
    const table = quoteIdentifier(saveAs);
    await drain(await connection.send(`CREATE OR REPLACE TABLE ${table} AS ${statement}`));
    if (isStopped()) return {schema: null, batches: [], columns: [], rowCount: 0, complete: false, notes: []};
    statement = `SELECT * FROM ${table}`;
    described = await describe(connection, statement);
  }
  const capped = described ? cappedQuery(statement, described) : null;
  const reader = await connection.send(capped ?? statement);
  // Read the schema first: the reader forgets it once the last batch has been read.
  await reader.open();
  const schema = reader.schema;
  const batches: BatchLike[] = [];
  let rowCount = 0;
  let complete = true;
  for await (const batch of reader as AsyncIterable<BatchLike>) {
    if (isStopped()) break;
    if (rowCount + batch.numRows > rowCap) {
      const kept = rowCap - rowCount;
      if (kept > 0) batches.push((batch as any).slice(0, kept));
      rowCount += Math.max(0, kept);
      complete = false;
      break;
    }
    batches.push(batch);
    rowCount += batch.numRows;
  }
  const columns = batchColumns(schema);
  return {schema, batches, columns, rowCount, complete, notes: capNotes(described?.length ?? columns.length, capped ? countCut(batches, columns) : 0)};
}

async function drain(reader: AsyncIterable<unknown>): Promise<void> {
  for await (const _ of reader) void _;
}

function countCut(batches: readonly BatchLike[], columns: readonly ColumnInfo[]): number {
  let cut = 0;
  const text = columns.flatMap((c, i) => (c.kind === "string" ? [i] : []));
  for (const batch of batches) {
    for (const i of text) {
      const vector = batch.getChildAt(i);
      for (let j = 0; j < batch.numRows; j++) if (isCut(vector?.get(j))) cut++;
    }
  }
  return cut;
}
