import {join} from "node:path";
import {readCsv} from "./csv.ts";
import {sourcesDir} from "./paths.ts";
import type {Problem} from "./problems.ts";
import {issueMessages} from "../schema/fields.ts";
import {MEASURE_RECORD_COLUMNS, SERIES_RECORD_COLUMNS, measureRecord, seriesRecord, type Measure, type Series} from "../schema/registry.ts";
import {UNITS, type Unit} from "../schema/units.ts";

export interface LocatedSeries extends Series {
  file: string;
  line: number;
}

export interface Registry {
  measures: ReadonlyMap<string, Measure>;
  series: ReadonlyMap<string, LocatedSeries>;
}

/**
 * Reads and validates the series registry (registry/measures.csv and registry/series.csv): every
 * series names a known measure, ids are unique, and for each measure, geography, partner and part
 * exactly one series is marked preferred. Problems are collected, never thrown.
 */
export function readRegistry(dir?: string): {registry: Registry; problems: Problem[]} {
  const folder = join(sourcesDir(dir), "registry");
  const problems: Problem[] = [];
  const measures = new Map<string, Measure>();
  const measuresRead = readCsv(join(folder, "measures.csv"), MEASURE_RECORD_COLUMNS);
  problems.push(...measuresRead.problems);
  for (const {file, line, record} of measuresRead.records) {
    const parsed = measureRecord.safeParse(record);
    if (!parsed.success) {
      for (const message of issueMessages(parsed.error)) problems.push({file, line, message});
    } else if (measures.has(parsed.data.measure)) {
      problems.push({file, line, message: `measure "${parsed.data.measure}" is already listed`});
    } else {
      measures.set(parsed.data.measure, parsed.data);
    }
  }
  const series = new Map<string, LocatedSeries>();
  const seriesRead = readCsv(join(folder, "series.csv"), SERIES_RECORD_COLUMNS);
  problems.push(...seriesRead.problems);
  for (const {file, line, record} of seriesRead.records) {
    const parsed = seriesRecord.safeParse(record);
    if (!parsed.success) {
      for (const message of issueMessages(parsed.error)) problems.push({file, line, message});
      continue;
    }
    const entry = {...parsed.data, file, line};
    if (series.has(entry.series_id)) problems.push({file, line, message: `series_id "${entry.series_id}" is already listed`});
    else if (!measures.has(entry.measure)) problems.push({file, line, message: `measure "${entry.measure}" is not in registry/measures.csv`});
    else series.set(entry.series_id, entry);
  }
  problems.push(...preferredProblems([...series.values()]));
  return {registry: {measures, series}, problems};
}

/** The key the preferred rule is applied over: one quantity, one place, one part. */
export function preferenceKey(s: Pick<Series, "measure" | "geography" | "partner" | "part">): string {
  return `${s.measure}, ${s.geography}${s.partner ? ` (partner ${s.partner})` : ""}, part "${s.part}"`;
}

function preferredProblems(series: readonly LocatedSeries[]): Problem[] {
  const groups = new Map<string, LocatedSeries[]>();
  for (const s of series) groups.set(preferenceKey(s), [...(groups.get(preferenceKey(s)) ?? []), s]);
  const problems: Problem[] = [];
  for (const [key, members] of groups) {
    const preferred = members.filter((s) => s.preferred);
    if (preferred.length > 1) {
      for (const s of preferred.slice(1)) {
        problems.push({file: s.file, line: s.line, message: `series "${s.series_id}" is a second preferred series for ${key} (the first is "${preferred[0].series_id}" on line ${preferred[0].line})`});
      }
    } else if (preferred.length === 0) {
      const s = members[0];
      problems.push({file: s.file, line: s.line, message: `no series is preferred for ${key} (mark exactly one of ${members.map((m) => `"${m.series_id}"`).join(", ")})`});
    }
  }
  return problems;
}

/**
 * The factor that turns a value in `unit` into the measure's canonical unit, or null when there
 * is none (the units measure different things). A series' unit_reading says what the published
 * unit stands for when the source's label is looser (the forum's "mt" of quota are t REO).
 */
export function canonicalFactor(unit: Unit, series: Series, measure: Measure): number | null {
  const read = series.unit_reading ?? unit;
  const from = UNITS[read];
  const to = UNITS[measure.canonical_unit];
  if (from.base !== to.base) return null;
  return from.factor / to.factor;
}
