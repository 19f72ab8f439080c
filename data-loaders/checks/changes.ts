import {shiftYears, type ParsedPeriod} from "../lib/period.ts";
import type {Finding} from "../schema/check.ts";
import type {Observation} from "../schema/observation.ts";
import {UNITS, type Unit} from "../schema/units.ts";
import {baseUnit, describeValue, halfStep, notComparableMass, round, unique} from "./numbers.ts";

/** A stated change that misses the computed one by at most this many points is informational. */
export const TINY_CHANGE_POINTS = 1;

/**
 * A stated change (e.g. "+25% YoY") that the two values it relates do not support. The earlier
 * value is looked up among all observations of the same indicator, geography and partner for
 * the period a year (yoy) or a month (mom) before. The change computed from the levels as
 * published must match the stated change to the stated change's own precision ("25%" means
 * 24.5-25.5, "5.16%" means 5.155-5.165); the rounding of the levels is not allowed for, so
 * 330 M "up 25%" on 270 M (+22.2%) is a finding. A miss of at most TINY_CHANGE_POINTS is
 * informational, a larger one a warning. If any candidate earlier value agrees, there is no
 * finding. An earlier value in t against one in t REO is never compared: that is a
 * not_comparable finding, for information.
 */
export function changeChecks(rows: readonly Observation[]): Finding[] {
  const checks: Finding[] = [];
  for (const row of rows) {
    if (row.change_pct === null || row.value === null || row.bound !== null || !row.period_start || !row.period_end) continue;
    const earlier = previousPeriod({start: row.period_start, end: row.period_end}, row.change_basis);
    if (!earlier) continue;
    const sameFigure = rows.filter(
      (other) =>
        other.row_id !== row.row_id &&
        other.indicator === row.indicator &&
        other.geography === row.geography &&
        other.partner === row.partner &&
        other.period_start === earlier.start &&
        other.period_end === earlier.end &&
        other.value !== null &&
        other.bound === null &&
        other.is_latest_vintage
    );
    const candidates = sameFigure.filter((other) => baseUnit(other) === baseUnit(row));
    if (candidates.length === 0) {
      const other = sameFigure.find((o) => notComparableMass(row, o));
      if (other) checks.push(notComparable(row, other));
      continue;
    }
    const results = candidates.map((base) => compare(row, base)).sort((a, b) => a.miss - b.miss);
    if (results[0].agrees) continue;
    const involved = [row, ...candidates];
    const basisWord = row.change_basis === "mom" ? "the month before" : "a year earlier";
    const computed = results.map((r) => `${r.computed}% against ${describeValue(r.base)} (${r.base.source_id})`).join("; ");
    checks.push({
      check_id: `change_mismatch:${row.row_id}`,
      kind: "change_mismatch",
      severity: results[0].miss <= TINY_CHANGE_POINTS ? "info" : "warning",
      page: row.page,
      message: `${row.indicator}, ${row.geography}, ${row.period}: ${row.source_id} gives ${describeValue(row)} and a change of ${row.change_pct}% on ${basisWord}, but the values imply ${computed}.`,
      row_ids: involved.map((r) => r.row_id),
      series_ids: unique(involved.map((r) => r.series_id)),
      source_ids: unique(involved.map((r) => r.source_id)),
      details: JSON.stringify({
        stated_change_pct: row.change_pct,
        stated_precision_pct: halfStep(row.change_pct, true),
        change_basis: row.change_basis,
        comparisons: results.map((r) => ({row_id: r.base.row_id, earlier_value: r.base.value, unit: r.base.unit, computed_change_pct: r.computed, miss_points: round(r.miss, 2), units_differ: r.base.unit !== row.unit}))
      })
    });
  }
  return checks;
}

function previousPeriod(period: ParsedPeriod, basis: Observation["change_basis"]): ParsedPeriod | null {
  if (basis === "yoy") return shiftYears(period, -1);
  if (basis === "mom" && period.start.slice(0, 7) === period.end.slice(0, 7)) {
    const [y, m] = period.start.split("-").map(Number);
    const prev = m === 1 ? {y: y - 1, m: 12} : {y, m: m - 1};
    const last = new Date(Date.UTC(prev.y, prev.m, 0)).getUTCDate();
    const ym = `${prev.y}-${String(prev.m).padStart(2, "0")}`;
    return {start: `${ym}-01`, end: `${ym}-${last}`};
  }
  return null;
}

/** The change the levels imply, and by how many points the stated change misses it beyond its own precision. */
export function compare(row: Observation, base: Observation) {
  const f = (r: Observation) => UNITS[r.unit as Unit].factor;
  const exact = ((row.value as number) * f(row)) / ((base.value as number) * f(base)) * 100 - 100;
  const stated = row.change_pct as number;
  const miss = Math.max(0, Math.abs(exact - stated) - halfStep(stated, true));
  return {base, agrees: miss === 0, miss, computed: round(exact)};
}

function notComparable(row: Observation, other: Observation): Finding {
  return {
    check_id: `not_comparable:${row.row_id}:${other.row_id}`,
    kind: "not_comparable",
    severity: "info",
    page: row.page,
    message: `${row.indicator}, ${row.geography}, ${row.period}: ${row.source_id} states a change of ${row.change_pct}% on ${describeValue(row)}, but the earlier figure ${describeValue(other)} (${other.source_id}) is in ${other.unit}, not ${row.unit}; no factor converts one to the other, so the change is not checked.`,
    row_ids: [row.row_id, other.row_id],
    series_ids: unique([row.series_id, other.series_id]),
    source_ids: unique([row.source_id, other.source_id]),
    details: JSON.stringify({units: [row.unit, other.unit]})
  };
}
