// The result table: a summary line (rows, time), then at most DISPLAY_LIMIT rows in the DOM.
import type {ColumnInfo} from "../arrowRows.js";
import {cellRows, formatCell} from "./cells.js";
import {h} from "./dom.js";
import type {QueryResult} from "./runner.js";

export const DISPLAY_LIMIT = 1000;

export function summaryText(result: Pick<QueryResult, "rowCount" | "complete" | "elapsedMs" | "statementCount"> & {notes?: string[]}, rowCap: number): string {
  const rows = `${result.rowCount.toLocaleString("en-US")} ${result.rowCount === 1 ? "row" : "rows"}`;
  const parts = [result.complete ? rows : `${rows} kept (the row cap of ${rowCap.toLocaleString("en-US")}); the result has more`];
  if (result.rowCount > DISPLAY_LIMIT) parts.push(`showing the first ${DISPLAY_LIMIT.toLocaleString("en-US")}`);
  parts.push(`${formatElapsed(result.elapsedMs)}`);
  if (result.statementCount > 1) parts.push(`${result.statementCount} statements, result of the last`);
  parts.push(...(result.notes ?? []));
  return parts.join(" · ");
}

export function formatElapsed(ms: number): string {
  return ms < 1000 ? `${Math.max(1, Math.round(ms))} ms` : `${(ms / 1000).toFixed(ms < 10_000 ? 2 : 1)} s`;
}

export function resultTable(result: Pick<QueryResult, "batches" | "columns">): HTMLElement {
  const {columns} = result;
  if (columns.length === 0) return h("p", {class: "wb-muted"}, "The statement returned no columns.");
  const rows = cellRows(result.batches, columns, DISPLAY_LIMIT);
  const numeric = (column: ColumnInfo) => column.kind === "number";
  return h(
    "div",
    {class: "wb-table-scroll", tabindex: 0, role: "region", "aria-label": "Query result"},
    h(
      "table",
      {class: "wb-result"},
      h("thead", {}, h("tr", {}, ...columns.map((c) => h("th", {title: c.type, class: numeric(c) ? "wb-num" : null}, c.name)))),
      h(
        "tbody",
        {},
        ...rows.map((row) =>
          h(
            "tr",
            {},
            ...row.map((cell, i) => h("td", {class: [numeric(columns[i]) ? "wb-num" : "", cell == null ? "wb-null" : ""].join(" ").trim() || null}, cell == null ? "null" : formatCell(cell)))
          )
        )
      )
    )
  );
}
