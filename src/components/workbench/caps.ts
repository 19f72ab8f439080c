// Keeps a result small enough for the tab: at most MAX_COLUMNS columns and MAX_CELL_CHARS
// characters a text cell, cut in DuckDB (inside its worker) before the result reaches the
// page, each cut marked in the cell. Pure SQL text; the runner applies it.
import {quoteIdentifier} from "./statements.js";

export const MAX_COLUMNS = 500;
export const MAX_CELL_CHARS = 10_000;
/** The end of a cut cell, followed by the cell's full length. */
export const CUT_MARK = " … [cut: ";
/**
 * DuckDB-WASM 1.29 corrupts its memory ("memory access out of bounds", and every later query
 * fails) when one statement's text passes about 64 KB (50 KB works, 70 KB breaks), so the runner does not
 * send a longer one; the wrapper below stays short (one macro call a column) for the same reason.
 */
export const MAX_STATEMENT_BYTES = 48_000;

/** The macro that cuts a text cell; db.ts creates it when the database opens. */
export const CUT_MACRO = `CREATE OR REPLACE MACRO observatory_cut(c) AS CASE WHEN strlen(c) > ${MAX_CELL_CHARS} AND length(c) > ${MAX_CELL_CHARS} THEN left(c, ${MAX_CELL_CHARS}) || '${CUT_MARK}' || length(c) || ' characters in all]' ELSE c END`;

/** Why a statement is not sent, or null when it can be. */
export function tooLong(statement: string): string | null {
  const bytes = new TextEncoder().encode(statement).length;
  if (bytes <= MAX_STATEMENT_BYTES) return null;
  return `This statement is ${bytes.toLocaleString("en-US")} bytes long. DuckDB-WASM 1.29 breaks on statements much over ${MAX_STATEMENT_BYTES.toLocaleString("en-US")} bytes (its memory is corrupted and every later query fails), so the workbench does not send it. Put long lists in a table (open a CSV file under Your data) and join it.`;
}

export interface DescribedColumn {
  name: string;
  type: string;
}

/**
 * The statement wrapped so that it returns at most MAX_COLUMNS columns, text cells cut at
 * MAX_CELL_CHARS; null when there is nothing to cap. Columns are renamed by position in the
 * subquery (so duplicate names are fine) and get their own names back in the outer SELECT.
 */
export function cappedQuery(statement: string, columns: readonly DescribedColumn[]): string | null {
  const kept = columns.slice(0, MAX_COLUMNS);
  const text = kept.some((c) => isText(c.type));
  if (!text && kept.length === columns.length) return null;
  const alias = (i: number) => `__c${i + 1}`;
  const select = kept.map((column, i) => {
    const c = alias(i);
    const value = isText(column.type) ? `observatory_cut(${c})` : c;
    return `${value} AS ${quoteIdentifier(column.name)}`;
  });
  const wrapped = `SELECT ${select.join(", ")}\nFROM (\n${statement}\n) AS __result(${kept.map((_, i) => alias(i)).join(", ")})`;
  // Past the safe length, run the statement as written (still within the limit: the caller checked).
  return tooLong(wrapped) ? null : wrapped;
}

function isText(type: string): boolean {
  return type === "VARCHAR" || type === "JSON";
}

/** The notes a reader sees under a capped result. */
export function capNotes(columnCount: number, cutCells: number): string[] {
  const notes: string[] = [];
  if (columnCount > MAX_COLUMNS) notes.push(`the result has ${columnCount.toLocaleString("en-US")} columns; the workbench keeps the first ${MAX_COLUMNS.toLocaleString("en-US")}`);
  if (cutCells > 0) notes.push(`${cutCells.toLocaleString("en-US")} ${cutCells === 1 ? "cell is" : "cells are"} longer than ${MAX_CELL_CHARS.toLocaleString("en-US")} characters and cut (marked “${CUT_MARK.trim()} …]”; downloads hold the cut text too)`);
  return notes;
}

/** True for a text cell that cappedQuery cut. */
export function isCut(value: unknown): boolean {
  return typeof value === "string" && value.length > MAX_CELL_CHARS && value.startsWith(CUT_MARK, MAX_CELL_CHARS);
}
