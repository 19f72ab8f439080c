import {changeChecks} from "./checks/changes.ts";
import {comparisonChecks} from "./checks/comparisons.ts";
import {forecastOutcomeChecks} from "./checks/forecasts.ts";
import {sumChecks} from "./checks/sums.ts";
import {log} from "./lib/log.ts";
import {toParquet} from "./lib/parquet.ts";
import {loadObservations} from "./observations.ts";
import {releaseMetadata} from "./release.ts";
import {CHECK_COLUMNS, CHECK_KINDS, checkRow, type Check} from "./schema/check.ts";
import type {Observation} from "./schema/observation.ts";

/** Runs every data-quality check over the observations; findings are ordered by kind, then id. */
export function runChecks(observations: readonly Observation[]): Check[] {
  const checks = [...sumChecks(observations), ...changeChecks(observations), ...comparisonChecks(observations), ...forecastOutcomeChecks(observations)];
  const kindOrder = (c: Check) => CHECK_KINDS.indexOf(c.kind);
  return checks
    .map((check) => checkRow.parse(check))
    .sort((a, b) => kindOrder(a) - kindOrder(b) || (a.check_id < b.check_id ? -1 : a.check_id > b.check_id ? 1 : 0));
}

/** The checks table for the observations in `dir` (default data-loaders/sources). */
export function loadChecks(dir?: string): Check[] {
  return runChecks(loadObservations(dir));
}

export async function checksParquet(dir?: string): Promise<Uint8Array> {
  const rows = loadChecks(dir);
  const counts = CHECK_KINDS.map((kind) => `${kind} ${rows.filter((r) => r.kind === kind).length}`).join(", ");
  log(`checks: ${rows.length} findings (${counts})`);
  return toParquet(rows, CHECK_COLUMNS, releaseMetadata(dir));
}
