import type {Finding} from "../schema/check.ts";
import type {Observation} from "../schema/observation.ts";
import {baseUnit, describeValue, round, unique} from "./numbers.ts";
import {UNITS, type Unit} from "../schema/units.ts";

/** What a forecast says will happen, and what counts as its outcome. */
const FORECASTS = new Set(["forecast", "target"]);
const OUTCOMES = ["actual", "estimate"] as const;

/**
 * The quantity a row measures. Rows carry a registry `measure` once the series registry sets
 * one; until then the indicator names the quantity (and its counting basis, e.g. "(NEA)").
 */
export function quantityOf(row: Observation): string {
  const measure = (row as Observation & {measure?: string | null}).measure;
  return measure ?? row.indicator;
}

/**
 * Every forecast or target checked against its outcome once one exists: an actual (or, failing
 * that, an estimated) figure of the same quantity, geography, partner and period in a unit of the
 * same base. One finding per forecast, against the preferred outcome: actual before estimate,
 * a normal-confidence source before a low one, the latest edition, then row_id. The error is
 * (forecast − outcome) / outcome in percent; for a range or a bound it is measured from the
 * nearest end, so a forecast that holds has an error of 0.
 */
export function forecastOutcomeChecks(rows: readonly Observation[]): Finding[] {
  const outcomes = new Map<string, Observation[]>();
  for (const row of rows) {
    if (!(OUTCOMES as readonly string[]).includes(row.basis) || row.value === null || row.bound !== null || !row.period_start) continue;
    const key = keyOf(row);
    outcomes.set(key, [...(outcomes.get(key) ?? []), row]);
  }
  const checks: Finding[] = [];
  for (const forecast of rows) {
    if (!FORECASTS.has(forecast.basis) || !forecast.period_start) continue;
    const outcome = preferred(outcomes.get(keyOf(forecast)) ?? []);
    if (!outcome) continue;
    const error = errorPct(forecast, outcome);
    if (error === null) continue;
    const where = `${forecast.indicator}, ${forecast.geography}${forecast.partner ? ` (partner ${forecast.partner})` : ""}, ${forecast.period}`;
    const verdict = error === 0 ? "within the forecast" : `the forecast was ${Math.abs(error)}% too ${error > 0 ? "high" : "low"}`;
    checks.push({
      check_id: `forecast_outcome:${forecast.row_id}:${outcome.row_id}`,
      kind: "forecast_outcome",
      severity: "info",
      page: forecast.page,
      message: `${where}: ${forecast.source_id} expected ${describeValue(forecast)} (${forecast.basis}); ${outcome.source_id} reports ${describeValue(outcome)} (${outcome.basis}): ${verdict}.`,
      row_ids: [forecast.row_id, outcome.row_id],
      series_ids: unique([forecast.series_id, outcome.series_id]),
      source_ids: unique([forecast.source_id, outcome.source_id]),
      details: JSON.stringify({forecast: pick(forecast), outcome: pick(outcome)}),
      forecast_row_id: forecast.row_id,
      outcome_row_id: outcome.row_id,
      error_pct: error
    });
  }
  return checks;
}

function keyOf(row: Observation): string {
  return JSON.stringify([quantityOf(row), row.geography, row.partner, row.period_start, row.period_end, baseUnit(row)]);
}

function preferred(candidates: readonly Observation[]): Observation | undefined {
  const rank = (r: Observation) => [OUTCOMES.indexOf(r.basis as (typeof OUTCOMES)[number]), r.confidence === "low" ? 1 : 0, r.is_latest_vintage ? 0 : 1];
  return [...candidates].sort((a, b) => {
    const [ra, rb] = [rank(a), rank(b)];
    for (let i = 0; i < ra.length; i++) if (ra[i] !== rb[i]) return ra[i] - rb[i];
    return a.row_id < b.row_id ? -1 : a.row_id > b.row_id ? 1 : 0;
  })[0];
}

/** (forecast − outcome) / outcome × 100 in the unit's base, from the nearest end of a range or bound. */
export function errorPct(forecast: Observation, outcome: Observation): number | null {
  const f = (r: Observation) => UNITS[r.unit as Unit].factor;
  const actual = (outcome.value as number) * f(outcome);
  if (actual === 0) return null;
  let low: number;
  let high: number;
  if (forecast.value !== null) {
    low = forecast.bound === "upper" ? -Infinity : forecast.value * f(forecast);
    high = forecast.bound === "lower" ? Infinity : forecast.value * f(forecast);
  } else if (forecast.value_low !== null && forecast.value_high !== null) {
    [low, high] = [forecast.value_low * f(forecast), forecast.value_high * f(forecast)];
  } else return null;
  const nearest = actual < low ? low : actual > high ? high : actual;
  return round(((nearest - actual) / actual) * 100);
}

function pick(r: Observation) {
  return {row_id: r.row_id, value: r.value, value_low: r.value_low, value_high: r.value_high, bound: r.bound, unit: r.unit, basis: r.basis, source_id: r.source_id};
}
