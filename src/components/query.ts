// Charts are fed by named SQL queries written as functions of the page's inputs. The SQL
// text is complete (values are inlined as escaped literals), so the same text can be shown
// next to the chart, opened in the workbench, run by DuckDB-WASM, and run at build time by
// DuckDB in Node to ship the first chart's rows with the page.
import type {ColumnInfo, Rows} from "./rows.js";
import type {FigureEncoding} from "./workbenchLink.js";

/** A text that may follow the page's state, such as a title naming the chosen country. */
export type ForState<S, T> = T | ((state: S) => T);

/**
 * A query, and for a figure the figure itself: its id is the figure's id (its anchor, its
 * download's file name), its title and subtitle are what the page prints above the chart. A
 * page only says how to draw the rows, so id, title, SQL and rows have one home.
 */
export interface QueryDef<S = Record<string, unknown>> {
  /** Stable id, used in file names, anchors and tests (kebab-case). */
  id: string;
  /** The figure's title; for a query no figure shows (headlines, lookups), what its rows are. */
  title: ForState<S, string>;
  /** The line under a figure's title: units, and how to read the marks. */
  subtitle?: ForState<S, string>;
  /**
   * False for a figure whose state is not the page's inputs (the scenarios, whose state is the
   * sliders' values computed in the page): the build has no first state to run it for.
   */
  precompute?: false;
  sql: (state: S) => string;
  /**
   * For a figure: how it draws the rows (a mark, and the columns for x, y and colour), so that
   * "Open this query in the SQL workbench" opens a notebook cell drawn the same way.
   */
  chart?: ForState<S, FigureEncoding>;
}

/** A ForState value for the page's current state. */
export function forState<S, T>(value: ForState<S, T>, state: S): T {
  return typeof value === "function" ? (value as (state: S) => T)(state) : value;
}

export function defineQuery<S>(def: QueryDef<S>): QueryDef<S> {
  return def;
}

/**
 * The state a page's cell gives a query, guarded: reading one of the page's inputs that the
 * cell did not pass throws, naming the query and the input. A cell re-runs only when an input
 * it names changes (Observable's dataflow), so each figure's cell passes just the inputs its
 * query reads (`place(T.exportsByYear, {years}, …)`): a change of another input leaves that
 * figure as drawn, with no query and no redraw. The guard turns a forgotten input into an
 * error at build time (the bake runs every cell) instead of a query for "undefined".
 */
export function givenInputs<S>(state: S, inputs: object, what: string): S {
  if (typeof state !== "object" || state === null) return state;
  return new Proxy(state as object, {
    get(target, key, receiver) {
      if (typeof key === "string" && !(key in target) && key in inputs) {
        throw new Error(`${what} reads the input "${key}", which its cell does not pass: add ${key} to the state the cell gives it`);
      }
      return Reflect.get(target, key, receiver);
    }
  }) as S;
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

/** A query's text with runs of white space folded: the same query however it is laid out. */
export function foldQuery(text: string): string {
  return text.replace(/\s+/g, " ").trim();
}

/**
 * The key a query's result is stored under: a 53-bit hash (cyrb53) of its folded text, in base
 * 36 — short, where the folded SQL itself made a seventh of the shipped results' bytes. Each
 * stored result keeps its SQL, and `matches` checks it, so a collision can never hand one
 * query's rows to another.
 */
export function queryKey(text: string): string {
  const folded = foldQuery(text);
  let h1 = 0xdeadbeef ^ folded.length;
  let h2 = 0x41c6ce57 ^ folded.length;
  for (let i = 0; i < folded.length; i++) {
    const c = folded.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 2654435761);
    h2 = Math.imul(h2 ^ c, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return (4294967296 * (2097151 & h2) + (h1 >>> 0)).toString(36);
}

/** Whether a stored result is the one for `text` (its own SQL, folded, is the same). */
export function matches(result: PackedResult | undefined, text: string): result is PackedResult {
  return !!result && result.sql !== undefined && foldQuery(result.sql) === foldQuery(text);
}

export function isQueryDef(value: unknown): value is QueryDef<any> {
  return typeof value === "object" && value !== null && typeof (value as QueryDef).sql === "function" && typeof (value as QueryDef).id === "string";
}

/** Rows as shipped in JSON: columns once, then arrays of cells; dates as epoch milliseconds. */
export interface PackedResult {
  /** The SQL as written (the key is a hash of it with its white space folded); a stored result without it is never handed over. */
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
