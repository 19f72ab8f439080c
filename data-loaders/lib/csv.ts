import {readFileSync} from "node:fs";
import {parse} from "csv-parse/sync";
import {displayPath} from "./paths.ts";
import type {Problem} from "./problems.ts";

/** A CSV record with the file and line where it starts, for error messages. */
export interface LocatedRecord {
  file: string;
  line: number;
  record: Record<string, string>;
}

/**
 * Reads a header-first CSV into records keyed by column name. Structural problems (a missing
 * column, a row with the wrong number of fields) are returned as problems, not thrown.
 */
export function readCsv(path: string, requiredColumns: readonly string[]): {records: LocatedRecord[]; problems: Problem[]} {
  const file = displayPath(path);
  const problems: Problem[] = [];
  let rows: {record: string[]; info: {lines: number}}[];
  try {
    rows = parse(readFileSync(path, "utf8"), {info: true, bom: true, relax_column_count: true, skip_empty_lines: true}) as unknown as typeof rows;
  } catch (error) {
    return {records: [], problems: [{file, line: null, message: `cannot be read as CSV: ${(error as Error).message}`}]};
  }
  if (rows.length === 0) return {records: [], problems: [{file, line: null, message: "is empty (no header row)"}]};
  const header = rows[0].record.map((name) => name.trim());
  for (const column of requiredColumns) {
    if (!header.includes(column)) problems.push({file, line: 1, message: `missing column "${column}"`});
  }
  const records: LocatedRecord[] = [];
  for (const {record, info} of rows.slice(1)) {
    // csv-parse counts the line where a record ends; records here never span lines except quoted
    // newlines, which the curated files do not use.
    const line = info.lines;
    if (record.length !== header.length) {
      problems.push({file, line, message: `has ${record.length} fields but the header has ${header.length}`});
      continue;
    }
    const entry: Record<string, string> = {};
    header.forEach((name, i) => (entry[name] = record[i].trim()));
    records.push({file, line, record: entry});
  }
  return {records, problems};
}
