// Runs the reader's SQL on its own DuckDB connection, one statement at a time, through
// DuckDB's pending queries so that a Cancel button and a time limit can stop it.
import type {AsyncDuckDB, AsyncDuckDBConnection} from "@duckdb/duckdb-wasm";
import type {ColumnInfo} from "../arrowRows.js";
import {batchColumns, type BatchLike} from "./cells.js";
import {splitStatements} from "./statements.js";

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
}

export interface RunOptions {
  /** Stop the query after this many milliseconds; 0 or less means no limit. */
  timeLimitMs: number;
  /** Keep at most this many rows of the result. */
  rowCap: number;
}

export type StopReason = "cancelled" | "time limit";

/** Thrown when the reader cancelled the query or its time limit ran out. */
export class QueryStopped extends Error {
  constructor(readonly reason: StopReason, limitMs = 0) {
    super(
      reason === "cancelled"
        ? "Query cancelled. Nothing was changed after the point where it stopped."
        : `Query stopped: it ran past the time limit of ${formatSeconds(limitMs)}. Raise the limit below the editor to let it run longer.`
    );
    this.name = "QueryStopped";
  }
}

function formatSeconds(ms: number): string {
  const s = ms / 1000;
  return `${Number.isInteger(s) ? s : s.toFixed(1)} s`;
}

export class QueryRunner {
  readonly #db: AsyncDuckDB;
  #connection: Promise<AsyncDuckDBConnection> | undefined;
  #stop: ((reason: StopReason) => void) | undefined;

  constructor(db: AsyncDuckDB) {
    this.#db = db;
  }

  get running(): boolean {
    return this.#stop !== undefined;
  }

  /** Stops the running query, if any. */
  cancel(): void {
    this.#stop?.("cancelled");
  }

  async run(text: string, {timeLimitMs, rowCap}: RunOptions): Promise<QueryResult> {
    if (this.running) throw new Error("A query is already running. Wait for it, or cancel it first.");
    const statements = splitStatements(text);
    if (statements.length === 0) throw new Error("There is no SQL to run: the editor is empty or holds only comments.");
    const start = performance.now();
    const connection = await this.#connect();
    let stopReason: StopReason | undefined;
    let rejectStopped!: (error: Error) => void;
    const stopped = new Promise<never>((_, reject) => (rejectStopped = reject));
    stopped.catch(() => {}); // handled by the race below
    this.#stop = (reason) => {
      if (stopReason) return;
      stopReason = reason;
      connection.cancelSent().catch(() => {});
      // The stopped query may still be winding down on this connection; the next query gets a fresh one.
      this.#retire(connection);
      rejectStopped(new QueryStopped(reason, timeLimitMs));
    };
    const timer = timeLimitMs > 0 ? setTimeout(() => this.#stop?.("time limit"), timeLimitMs) : undefined;
    try {
      let result!: Omit<QueryResult, "elapsedMs" | "statementCount">;
      for (const statement of statements) {
        result = await Promise.race([collect(connection, statement, rowCap, () => stopReason !== undefined), stopped]);
      }
      return {...result, elapsedMs: performance.now() - start, statementCount: statements.length};
    } finally {
      clearTimeout(timer);
      this.#stop = undefined;
    }
  }

  #connect(): Promise<AsyncDuckDBConnection> {
    return (this.#connection ??= this.#db.connect());
  }

  #retire(connection: AsyncDuckDBConnection): void {
    if (this.#connection) this.#connection = undefined;
    // Close it once DuckDB has let go of the cancelled query; a failure here changes nothing for the reader.
    setTimeout(() => connection.close().catch(() => {}), 1000);
  }
}

async function collect(connection: AsyncDuckDBConnection, statement: string, rowCap: number, isStopped: () => boolean) {
  const reader = await connection.send(statement);
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
  return {schema, batches, columns: batchColumns(schema), rowCount, complete};
}
