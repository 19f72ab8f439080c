// Turns DuckDB's Arrow record batches into cells a person can read and a CSV can hold.
// Cells are read column by column (not by field name), so `SELECT 1 AS a, 2 AS a` keeps both.
import {columnInfo, toCell, type ColumnInfo, type Row} from "../arrowRows.js";
import {formatDate, stringify} from "../cellText.js";

export {csvCell, formatDate} from "../cellText.js";

/** The parts of an Arrow RecordBatch the workbench reads (DuckDB's copy of Arrow, not ours). */
export interface BatchLike {
  numRows: number;
  schema: {fields: {name: string; type: any}[]};
  getChildAt(index: number): {get(index: number): unknown} | null;
}

export function batchColumns(schema: {fields: {name: string; type: any}[]}): ColumnInfo[] {
  return columnInfo({schema} as any);
}

/** The first `limit` rows as arrays of cells (Dates for dates, numbers, strings, ...). */
export function cellRows(batches: readonly BatchLike[], columns: readonly ColumnInfo[], limit = Infinity): unknown[][] {
  const rows: unknown[][] = [];
  for (const batch of batches) {
    const vectors = columns.map((_, i) => batch.getChildAt(i));
    for (let j = 0; j < batch.numRows; j++) {
      if (rows.length >= limit) return rows;
      rows.push(columns.map(({kind}, i) => toCell(vectors[i]?.get(j), kind)));
    }
  }
  return rows;
}

/** Rows as objects for charts; a repeated column name gets a numbered key. */
export function objectRows(cells: readonly unknown[][], keys: readonly string[]): Row[] {
  return cells.map((cells) => Object.fromEntries(keys.map((key, i) => [key, cells[i]])));
}

/** Unique keys for the columns: `a`, `a (2)`, ... */
export function uniqueKeys(columns: readonly {name: string}[]): string[] {
  const seen = new Map<string, number>();
  return columns.map(({name}) => {
    const n = (seen.get(name) ?? 0) + 1;
    seen.set(name, n);
    return n === 1 ? name : `${name} (${n})`;
  });
}

/** The text shown in a result cell. */
export function formatCell(value: unknown): string {
  if (value == null) return "";
  if (value instanceof Date) return formatDate(value);
  if (typeof value === "number") return Number.isInteger(value) ? String(value) : String(Number(value.toPrecision(12)));
  if (typeof value === "string") return value;
  if (typeof value === "bigint" || typeof value === "boolean") return String(value);
  return stringify(value);
}

