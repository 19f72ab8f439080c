// Charts are fed by named SQL queries written as functions of the page's inputs. The SQL
// text is complete (values are inlined as escaped literals), so the same text can be shown
// next to the chart, opened in the workbench, run by DuckDB-WASM, and run at build time by
// DuckDB in Node to ship the first chart's rows with the page.
import type {ColumnInfo, Rows} from "./rows.js";

export interface QueryDef<S = Record<string, unknown>> {
  /** Stable id, used in file names and tests (kebab-case). */
  id: string;
  /** The chart's title: what the rows are. */
  title: string;
  sql: (state: S) => string;
}

export function defineQuery<S>(def: QueryDef<S>): QueryDef<S> {
  return def;
}

/** A value as an SQL literal. Strings are quoted with quotes doubled, so input text can never become SQL. */
export function lit(value: unknown): string {
  if (value == null) return "NULL";
  if (typeof value === "number") {
    if (!Number.isFinite(value)) throw new Error(`not a finite number: ${value}`);
    return String(value);
  }
  if (typeof value === "boolean") return value ? "TRUE" : "FALSE";
  if (value instanceof Date) return `DATE '${value.toISOString().slice(0, 10)}'`;
  if (Array.isArray(value)) return `(${value.length ? value.map(lit).join(", ") : "NULL"})`;
  return `'${String(value).replaceAll("'", "''")}'`;
}

/** The key a query's result is stored under: its text with runs of white space folded. */
export function queryKey(text: string): string {
  return text.replace(/\s+/g, " ").trim();
}

export function isQueryDef(value: unknown): value is QueryDef<any> {
  return typeof value === "object" && value !== null && typeof (value as QueryDef).sql === "function" && typeof (value as QueryDef).id === "string";
}

/** Rows as shipped in JSON: columns once, then arrays of cells; dates as epoch milliseconds. */
export interface PackedResult {
  /** The SQL as written (the key folds its white space). */
  sql?: string;
  columns: ColumnInfo[];
  rows: unknown[][];
}

export interface PrecomputedResults {
  /** When and from what the results were computed. */
  generated_by: string;
  results: Record<string, PackedResult>;
}

/** Shipped rows as row objects, shaped like a live query's result (`columns` names, `schema` kinds). */
export function unpack(result: PackedResult): Rows {
  const rows = result.rows.map((cells) => {
    const row: Record<string, unknown> = {};
    result.columns.forEach(({name, kind}, i) => {
      const cell = cells[i];
      row[name] = kind === "date" && cell != null ? new Date(cell as number) : cell;
    });
    return row;
  });
  return Object.assign(rows, {columns: result.columns.map((c) => c.name), schema: result.columns});
}
