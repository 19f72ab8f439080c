import {readdirSync} from "node:fs";
import {join} from "node:path";
import {readCsv} from "./csv.ts";
import {parsePeriod} from "./period.ts";
import {sourcesDir} from "./paths.ts";
import type {Problem} from "./problems.ts";
import {issueMessages} from "../schema/fields.ts";
import {OBSERVATION_RECORD_COLUMNS, observationRecord, type ObservationRecord} from "../schema/observation.ts";
import type {Source} from "../schema/source.ts";

export interface LocatedObservation {
  file: string;
  line: number;
  record: ObservationRecord;
  periodStart: string | null;
  periodEnd: string | null;
}

/** The curated observation files, in name order so the output order never depends on the disk. */
export function observationFiles(dir?: string): string[] {
  const folder = join(sourcesDir(dir), "observations");
  let names: string[];
  try {
    names = readdirSync(folder);
  } catch {
    return [];
  }
  return names.filter((name) => name.endsWith(".csv")).sort().map((name) => join(folder, name));
}

/**
 * Reads and validates every observation record against its schema and against the rest of the
 * records (unique row ids, known sources, parts that name an existing total). Problems are
 * collected, never thrown, so a person sees all of them at once.
 */
export function readObservationRecords(sources: ReadonlyMap<string, Source>, dir?: string): {rows: LocatedObservation[]; problems: Problem[]} {
  const problems: Problem[] = [];
  const rows: LocatedObservation[] = [];
  const files = observationFiles(dir);
  if (files.length === 0) problems.push({file: join(sourcesDir(dir), "observations"), line: null, message: "holds no .csv files"});
  for (const path of files) {
    const read = readCsv(path, OBSERVATION_RECORD_COLUMNS);
    problems.push(...read.problems);
    for (const {file, line, record} of read.records) {
      const parsed = observationRecord.safeParse(record);
      if (!parsed.success) {
        for (const message of issueMessages(parsed.error)) problems.push({file, line, message});
        continue;
      }
      const messages = [...recordProblems(parsed.data, sources), ...citationProblems(record, sources.get(parsed.data.source_id))];
      const period = parsed.data.period === "" ? null : parsePeriod(parsed.data.period);
      if (parsed.data.period !== "" && period === null) {
        messages.push(`period "${parsed.data.period}" is not a recognised period (YYYY, YYYY-MM, YYYY-MM-DD, YYYY-Q1, YYYY-H1, YYYY-MM/YYYY-MM, YYYY-YYYY, "YYYY (Jan-Sep)", or empty)`);
      }
      for (const message of messages) problems.push({file, line, message});
      if (messages.length === 0) rows.push({file, line, record: parsed.data, periodStart: period?.start ?? null, periodEnd: period?.end ?? null});
    }
  }
  problems.push(...crossRecordProblems(rows));
  return {rows, problems};
}

/**
 * Files imported from a compiled list keep that list's citation (source_title, source_year,
 * source_url) on every row. Its address is the copy that was read and its year the document's, so
 * they must match read_at and date of the sources.csv row; its title is the list's own wording,
 * while sources.csv names the document as its publisher issued it, so titles are not compared.
 */
function citationProblems(record: Record<string, string>, source: Source | undefined): string[] {
  if (!source) return [];
  const messages: string[] = [];
  if (record.source_year !== undefined && record.source_year !== source.date.slice(0, 4)) messages.push(`source_year ${record.source_year} does not match the date of ${source.source_id} in sources.csv`);
  if (record.source_url !== undefined && record.source_url !== (source.read_at ?? "")) messages.push(`source_url does not match read_at of ${source.source_id} in sources.csv`);
  return messages;
}

function recordProblems(row: ObservationRecord, sources: ReadonlyMap<string, Source>): string[] {
  const messages: string[] = [];
  if (!sources.has(row.source_id)) messages.push(`source_id "${row.source_id}" is not in sources.csv`);
  if (row.value === null && (row.value_low === null || row.value_high === null)) {
    messages.push("value is empty, so value_low and value_high must both give the published range");
  }
  if (row.value_low !== null && row.value_high !== null && row.value_low > row.value_high) {
    messages.push(`value_low ${row.value_low} is greater than value_high ${row.value_high}`);
  }
  if (row.bound !== null && row.value === null) messages.push(`bound "${row.bound}" needs the bound itself in value`);
  if ((row.change_pct === null) !== (row.change_basis === null)) {
    messages.push("change_pct and change_basis must be given together");
  }
  return messages;
}

function crossRecordProblems(rows: readonly LocatedObservation[]): Problem[] {
  const problems: Problem[] = [];
  const byId = new Map<string, LocatedObservation>();
  for (const row of rows) {
    const first = byId.get(row.record.row_id);
    if (first) {
      problems.push({file: row.file, line: row.line, message: `row_id "${row.record.row_id}" is already used at ${first.file}:${first.line}`});
    } else {
      byId.set(row.record.row_id, row);
    }
  }
  for (const row of rows) {
    const total = row.record.part_of;
    if (total !== null && !byId.has(total)) {
      problems.push({file: row.file, line: row.line, message: `part_of "${total}" is not the row_id of any observation`});
    }
  }
  return problems;
}
