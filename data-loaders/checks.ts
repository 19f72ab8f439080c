import {changeChecks} from "./checks/changes.ts";
import {comparisonChecks} from "./checks/comparisons.ts";
import {forecastOutcomeChecks} from "./checks/forecasts.ts";
import {sumChecks} from "./checks/sums.ts";
import {log} from "./lib/log.ts";
import {toParquet} from "./lib/parquet.ts";
import {loadObservations} from "./observations.ts";
import {loadSources} from "./sources.ts";
import {releaseMetadata} from "./release.ts";
import {CHECK_COLUMNS, CHECK_KINDS, checkRow, type Check} from "./schema/check.ts";
import type {Observation} from "./schema/observation.ts";

/**
 * Runs every data-quality check over the observations; findings are ordered by kind, then id.
 * `names` maps source ids to the short names readers know them by ("SMM, May 2025"): a message
 * names each source by it, not by its id.
 */
export function runChecks(observations: readonly Observation[], names: ReadonlyMap<string, string> = new Map()): Check[] {
  const checks = [...sumChecks(observations), ...changeChecks(observations), ...comparisonChecks(observations), ...forecastOutcomeChecks(observations)];
  const kindOrder = (c: Check) => CHECK_KINDS.indexOf(c.kind);
  return checks
    .map((check) => ({...check, message: namingSources(check.message, names)}))
    .map((check) => checkRow.parse(check))
    .sort((a, b) => kindOrder(a) - kindOrder(b) || (a.check_id < b.check_id ? -1 : a.check_id > b.check_id ? 1 : 0));
}

/** The checks table for the observations in `dir` (default data-loaders/sources). */
export function loadChecks(dir?: string): Check[] {
  return runChecks(loadObservations(dir), new Map(loadSources(dir).map((source) => [source.source_id, source.short_name])));
}

/** The message with every source id in it replaced by that source's short name. */
export function namingSources(message: string, names: ReadonlyMap<string, string>): string {
  return names.size ? message.replace(/[a-z0-9][a-z0-9._-]*[a-z0-9]/g, (token) => names.get(token) ?? token) : message;
}

export async function checksParquet(dir?: string): Promise<Uint8Array> {
  const rows = loadChecks(dir);
  const counts = CHECK_KINDS.map((kind) => `${kind} ${rows.filter((r) => r.kind === kind).length}`).join(", ");
  log(`checks: ${rows.length} findings (${counts})`);
  return toParquet(rows, CHECK_COLUMNS, releaseMetadata(dir));
}
