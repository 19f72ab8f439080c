// What a SQL cell sends to DuckDB: its statements with `$parameters` inlined, the last one
// kept as a table named after the cell (so later cells can query it by name), then read back.
import {inlineParameters} from "./parameters.js";
import {quoteIdentifier, splitStatements} from "./statements.js";

const QUERY_START = /^(\(|SELECT\b|WITH\b|FROM\b|VALUES\b|PIVOT\b|UNPIVOT\b|TABLE\b|SUMMARIZE\b|DESCRIBE\b)/i;

export interface CellScript {
  /** The statements to run, in order; the result of the last one is the cell's result. */
  statements: string[];
  /** How many statements the reader wrote. */
  written: number;
  /** The table the result is kept in, or null when the last statement is not a query (CREATE, INSERT, …). */
  table: string | null;
}

export function cellScript(sql: string, name: string, values: ReadonlyMap<string, unknown>): CellScript {
  const written = splitStatements(inlineParameters(sql, values));
  if (written.length === 0) throw new Error("There is no SQL to run: the cell is empty or holds only comments.");
  const last = written[written.length - 1];
  if (!QUERY_START.test(last)) return {statements: written, written: written.length, table: null};
  const table = quoteIdentifier(name);
  const kept = /^(SUMMARIZE|DESCRIBE)\b/i.test(last) ? `FROM (${last})` : last;
  return {statements: [...written.slice(0, -1), `CREATE OR REPLACE TABLE ${table} AS ${kept}`, `FROM ${table}`], written: written.length, table: name};
}
