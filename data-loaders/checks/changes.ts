import {shiftYears, type ParsedPeriod} from "../lib/period.ts";
import type {Check} from "../schema/check.ts";
import type {Observation} from "../schema/observation.ts";
import {UNITS, type Unit} from "../schema/units.ts";
import {baseUnit, describeValue, halfStep, round, unique} from "./numbers.ts";

const MASS = new Set(["t", "t REO"]);

/**
 * A stated change (e.g. "+29% YoY") that the two values it relates do not support. The earlier
 * value is looked up among all observations of the same indicator, geography and partner for
 * the period a year (yoy) or a month (mom) before. Rounding of all three numbers is allowed for;
 * if any candidate earlier value agrees, there is no finding.
 */
export function changeChecks(rows: readonly Observation[]): Check[] {
  const checks: Check[] = [];
  for (const row of rows) {
    if (row.change_pct === null || row.value === null || row.bound !== null || !row.period_start || !row.period_end) continue;
    const earlier = previousPeriod({start: row.period_start, end: row.period_end}, row.change_basis);
    if (!earlier) continue;
    const candidates = rows.filter(
      (other) =>
        other.row_id !== row.row_id &&
        other.indicator === row.indicator &&
        other.geography === row.geography &&
        other.partner === row.partner &&
        other.period_start === earlier.start &&
        other.period_end === earlier.end &&
        other.value !== null &&
        other.bound === null &&
        other.is_latest_vintage &&
        comparableUnits(row, other)
    );
    if (candidates.length === 0) continue;
    const results = candidates.map((base) => compare(row, base));
    if (results.some((r) => r.agrees)) continue;
    const involved = [row, ...candidates];
    const basisWord = row.change_basis === "mom" ? "the month before" : "a year earlier";
    const computed = results.map((r) => `${r.computed}% against ${describeValue(r.base)} (${r.base.source_id})`).join("; ");
    checks.push({
      check_id: `change_mismatch:${row.row_id}`,
      kind: "change_mismatch",
      severity: "warning",
      page: row.page,
      message: `${row.indicator}, ${row.geography}, ${row.period}: ${row.source_id} gives ${describeValue(row)} and a change of ${row.change_pct}% on ${basisWord}, but the values imply ${computed}.`,
      row_ids: involved.map((r) => r.row_id),
      series_ids: unique(involved.map((r) => r.series_id)),
      source_ids: unique(involved.map((r) => r.source_id)),
      details: JSON.stringify({
        stated_change_pct: row.change_pct,
        change_basis: row.change_basis,
        comparisons: results.map((r) => ({row_id: r.base.row_id, earlier_value: r.base.value, unit: r.base.unit, computed_change_pct: r.computed, consistent_range_pct: r.range, units_differ: r.base.unit !== row.unit}))
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

/** Same base unit, or tonnes against tonnes of REO (quotas are published both ways); the details say so. */
function comparableUnits(a: Observation, b: Observation): boolean {
  return baseUnit(a) === baseUnit(b) || (MASS.has(a.unit) && MASS.has(b.unit));
}

function compare(row: Observation, base: Observation) {
  const f = (r: Observation) => UNITS[r.unit as Unit].factor;
  const now = (row.value as number) * f(row);
  const then = (base.value as number) * f(base);
  const hNow = halfStep(row.value as number) * f(row);
  const hThen = halfStep(base.value as number) * f(base);
  const low = ((now - hNow) / (then + hThen) - 1) * 100;
  const high = then - hThen > 0 ? ((now + hNow) / (then - hThen) - 1) * 100 : Infinity;
  const stated = row.change_pct as number;
  const hStated = halfStep(stated, true);
  const agrees = stated + hStated >= low && stated - hStated <= high;
  return {base, agrees, computed: round((now / then - 1) * 100), range: [round(low), round(high)]};
}
