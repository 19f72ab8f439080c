// The summary line over a result: how many rows, how long it took, what the caps left out.
// The table itself is notebook/virtualTable.ts, which shows any number of rows.
import type {QueryResult} from "./runner.js";

export function summaryText(result: Pick<QueryResult, "rowCount" | "complete" | "elapsedMs" | "statementCount"> & {notes?: string[]}, rowCap: number): string {
  const rows = `${result.rowCount.toLocaleString("en-US")} ${result.rowCount === 1 ? "row" : "rows"}`;
  const parts = [result.complete ? rows : `${rows} kept (the row cap of ${rowCap.toLocaleString("en-US")}); the result has more`];
  parts.push(`${formatElapsed(result.elapsedMs)}`);
  if (result.statementCount > 1) parts.push(`${result.statementCount} statements, result of the last`);
  parts.push(...(result.notes ?? []));
  return parts.join(" · ");
}

export function formatElapsed(ms: number): string {
  return ms < 1000 ? `${Math.max(1, Math.round(ms))} ms` : `${(ms / 1000).toFixed(ms < 10_000 ? 2 : 1)} s`;
}
