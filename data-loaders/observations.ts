import {rowConfidence} from "./lib/confidence.ts";
import {log} from "./lib/log.ts";
import {readObservationRecords, type LocatedObservation} from "./lib/observationRecords.ts";
import {toParquet} from "./lib/parquet.ts";
import {releaseMetadata} from "./release.ts";
import {failIfAny} from "./lib/problems.ts";
import {readRegistry, type Registry} from "./lib/registry.ts";
import {readSources} from "./lib/sources.ts";
import {OBSERVATION_COLUMNS, type Observation} from "./schema/observation.ts";
import {THEME_PAGES} from "./schema/themes.ts";
import type {Source} from "./schema/source.ts";

/**
 * The validated observations table: one row per published figure, in file-name then line order.
 * Throws a ValidationError listing every problem in sources.csv and the observation files.
 */
export function loadObservations(dir?: string): Observation[] {
  const {sources, problems} = readSources(dir);
  const {registry, problems: registryProblems} = readRegistry(dir);
  const read = readObservationRecords(new Map(sources.map((s) => [s.source_id, s])), registry, dir);
  failIfAny([...problems, ...registryProblems, ...read.problems]);
  return toObservations(read.rows, sources, registry);
}

export async function observationsParquet(dir?: string): Promise<Uint8Array> {
  const rows = loadObservations(dir);
  log(`observations: ${rows.length} rows`);
  return toParquet(rows, OBSERVATION_COLUMNS, releaseMetadata(dir));
}

function toObservations(rows: readonly LocatedObservation[], sources: readonly Source[], registry: Registry): Observation[] {
  const confidence = new Map(sources.map((s) => [s.source_id, s.confidence]));
  const latest = latestVintages(rows);
  const canonical = (value: number | null, factor: number) => (value === null ? null : roundFloat(value * factor));
  return rows.map(({record, periodStart, periodEnd, series, factor, basis}) => ({
    ...record,
    measure: series.measure,
    part: series.part,
    counting_basis: series.counting_basis,
    stated_by: series.stated_by,
    is_preferred: series.preferred,
    theme: series.theme,
    page: THEME_PAGES[series.theme],
    basis,
    canonical_unit: registry.measures.get(series.measure)!.canonical_unit,
    value_canonical: canonical(record.value, factor),
    value_low_canonical: canonical(record.value_low, factor),
    value_high_canonical: canonical(record.value_high, factor),
    period: record.period === "" ? null : record.period,
    period_start: periodStart,
    period_end: periodEnd,
    is_latest_vintage: record.vintage === null || latest.get(vintageKey(record, periodStart, periodEnd)) === record.vintage,
    confidence: rowConfidence(confidence.get(record.source_id), record.notes)
  }));
}

/**
 * The vintage rule (README of the public figures, caveat 1): for each series, geography, partner
 * and period, the latest edition wins. Vintages are written "<edition year>-<edition>", so they
 * sort as text; superseded rows stay in the table with is_latest_vintage = false.
 */
function latestVintages(rows: readonly LocatedObservation[]): Map<string, string> {
  const latest = new Map<string, string>();
  for (const {record, periodStart, periodEnd} of rows) {
    if (record.vintage === null) continue;
    const key = vintageKey(record, periodStart, periodEnd);
    const current = latest.get(key);
    if (current === undefined || record.vintage > current) latest.set(key, record.vintage);
  }
  return latest;
}

function vintageKey(record: LocatedObservation["record"], start: string | null, end: string | null): string {
  return JSON.stringify([record.series_id, record.geography, record.partner, start, end]);
}

/** A converted value without binary noise: 1.482 billion kW is 1482 GW, not 1481.9999999999998. */
function roundFloat(value: number): number {
  return Number(value.toPrecision(12));
}
