// What a page exported from a notebook (exportPage.ts) runs: each SQL cell becomes a table of
// its name in the page's database (the site's snapshots, db.ts), as in the workbench, and its
// rows; a drop-down's choices are a column's distinct values. Parameters go in as the
// workbench writes them: escaped literals (params.ts).
import {query} from "../db.js";
import type {Rows} from "../arrowRows.js";
import {formatCell} from "../workbench/cells.js";
import {h} from "../workbench/dom.js";
import {quoteIdentifier, splitStatements} from "../workbench/statements.js";
import type {InputSettings} from "./format.js";
import {inlineParameters} from "./params.js";

const isoDate = (date: Date) => date.toISOString().slice(0, 10);

/** An input's value on a page (from Observable Inputs) as the settings the inliner reads. */
export function settingsFromValue(value: unknown): InputSettings {
  if (value instanceof Date) return {control: "text", value: isoDate(value)};
  if (typeof value === "number") return {control: "number", value};
  if (typeof value === "string") return {control: "text", value};
  if (value && typeof value === "object" && ("start" in value || "end" in value)) {
    const {start, end} = value as {start?: unknown; end?: unknown};
    const day = (d: unknown) => (d instanceof Date && !Number.isNaN(+d) ? isoDate(d) : typeof d === "string" && /^\d{4}-\d{2}-\d{2}$/.test(d) ? d : null);
    return {control: "daterange", start: day(start), end: day(end)};
  }
  return {control: "number", value: null};
}

/**
 * Runs a cell's SQL (every statement; the last, a query, becomes the table `name`) and returns
 * its rows. `after` lists the cells it reads, so that the page runs it after them.
 */
export async function notebookTable(name: string, sql: string, params: Record<string, unknown> = {}, after: unknown[] = []): Promise<Rows> {
  void after;
  const inlined = inlineParameters(sql, new Map(Object.entries(params).map(([key, value]) => [key, settingsFromValue(value)])));
  const statements = splitStatements(inlined);
  const last = statements.pop();
  for (const statement of statements) await query(statement);
  if (last === undefined) return Object.assign([], {columns: [], schema: []}) as unknown as Rows;
  await query(`CREATE OR REPLACE TABLE ${quoteIdentifier(name)} AS ${last}`);
  return query(`SELECT * FROM ${quoteIdentifier(name)}`);
}

/** The distinct values of a column, sorted, for a drop-down (at most 1,000). */
export async function notebookChoices(table: string, column: string, after: unknown[] = []): Promise<unknown[]> {
  void after;
  const rows = await query(`SELECT DISTINCT ${quoteIdentifier(column)} AS v FROM ${quoteIdentifier(table)} WHERE ${quoteIdentifier(column)} IS NOT NULL ORDER BY 1 LIMIT 1000`);
  return rows.map((r) => r.v);
}

/** The rows as a plain table (the first 1,000), with the count. */
export function rowsTable(rows: Rows, {limit = 1000} = {}): HTMLElement {
  const columns: string[] = (rows as any).columns ?? Object.keys(rows[0] ?? {});
  return h(
    "figure",
    {class: "nb-page-rows", "data-rows": rows.length},
    h("div", {class: "wb-table-scroll", style: "max-height: 24rem; overflow: auto"}, h("table", {class: "wb-result"}, h("thead", {}, h("tr", {}, ...columns.map((c) => h("th", {}, c)))), h("tbody", {}, ...rows.slice(0, limit).map((row) => h("tr", {}, ...columns.map((c) => h("td", {}, row[c] == null ? "null" : formatCell(row[c])))))))),
    h("figcaption", {}, `${rows.length.toLocaleString("en-US")} ${rows.length === 1 ? "row" : "rows"}${rows.length > limit ? `, the first ${limit.toLocaleString("en-US")} shown` : ""}.`)
  );
}
