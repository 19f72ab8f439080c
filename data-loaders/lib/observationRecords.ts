import {readdirSync} from "node:fs";
import {join} from "node:path";
import {readCsv} from "./csv.ts";
import {rangeProblems} from "../schema/valueRanges.ts";
import {parsePeriod, periodProblem} from "./period.ts";
import {sourcesDir} from "./paths.ts";
import type {Problem} from "./problems.ts";
import {basisFor, type Basis} from "./basis.ts";
import {canonicalFactor, type LocatedSeries, type Registry} from "./registry.ts";
import {issueMessages} from "../schema/fields.ts";
import {OBSERVATION_RECORD_COLUMNS, observationRecord, type ObservationRecord} from "../schema/observation.ts";
import type {Source} from "../schema/source.ts";

export interface LocatedObservation {
  file: string;
  line: number;
  record: ObservationRecord;
  periodStart: string | null;
  periodEnd: string | null;
  /** The record's registry entry. */
  series: LocatedSeries;
  /** Multiplies the published value into the measure's canonical unit. */
  factor: number;
  /** Decided by the basis rule from the record's marker (lib/basis.ts). */
  basis: Basis;
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
export function readObservationRecords(sources: ReadonlyMap<string, Source>, registry: Registry, dir?: string): {rows: LocatedObservation[]; problems: Problem[]} {
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
      const {value, value_low, value_high, unit, series_id} = parsed.data;
      const messages = [...recordProblems(parsed.data, sources), ...citationProblems(record, sources.get(parsed.data.source_id)), ...rangeProblems({value, value_low, value_high}, unit, series_id)];
      const period = parsed.data.period === "" ? null : parsePeriod(parsed.data.period);
      if (parsed.data.period !== "" && period === null) messages.push(periodProblem(parsed.data.period)!);
      const model = modelProblems(parsed.data, period?.end ?? null, sources.get(parsed.data.source_id), registry);
      messages.push(...model.messages);
      for (const message of messages) problems.push({file, line, message});
      if (messages.length === 0 && model.derived) {
        rows.push({file, line, record: parsed.data, periodStart: period?.start ?? null, periodEnd: period?.end ?? null, ...model.derived});
      }
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

/**
 * What the registry and the basis rule make of a record: its series must be registered with the
 * record's geography and partner, its unit must convert to the measure's canonical unit, and its
 * marker must give a basis.
 */
function modelProblems(
  row: ObservationRecord,
  periodEnd: string | null,
  source: Source | undefined,
  registry: Registry
): {messages: string[]; derived: Pick<LocatedObservation, "series" | "factor" | "basis"> | null} {
  const series = registry.series.get(row.series_id);
  if (!series) return {messages: [`series_id "${row.series_id}" is not in registry/series.csv`], derived: null};
  const measure = registry.measures.get(series.measure);
  if (!measure) return {messages: [], derived: null}; // reported by the registry itself
  const messages: string[] = [];
  if (series.geography !== row.geography) messages.push(`geography "${row.geography}" is not the geography of series ${row.series_id} in the registry ("${series.geography}")`);
  if (series.partner !== row.partner) messages.push(`partner "${row.partner ?? ""}" is not the partner of series ${row.series_id} in the registry ("${series.partner ?? ""}")`);
  const factor = canonicalFactor(row.unit, series, measure);
  if (factor === null) {
    messages.push(`unit "${row.unit}"${series.unit_reading ? ` (read as "${series.unit_reading}")` : ""} has no factor to "${measure.canonical_unit}", the canonical unit of ${measure.measure}`);
  }
  if (!source) return {messages, derived: null}; // reported as an unknown source_id
  const decided = basisFor({marker: row.basis_marker, statedByType: series.stated_by_type, periodEnd, sourceDateEnd: lastDay(source.date)});
  if ("error" in decided) messages.push(`the basis cannot be determined: ${decided.error}`);
  if (messages.length > 0 || factor === null || "error" in decided) return {messages, derived: null};
  return {messages, derived: {series, factor, basis: decided.basis}};
}

/** The last day a source date can mean: "2024" → 2024-12-31, "2025-05" → 2025-05-31. */
function lastDay(date: string): string {
  return parsePeriod(date)?.end ?? date;
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
    const partner = row.record.stated_with;
    if (partner !== null && !byId.has(partner)) {
      problems.push({file: row.file, line: row.line, message: `stated_with "${partner}" is not the row_id of any observation`});
    }
  }
  return problems;
}
