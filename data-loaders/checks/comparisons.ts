import type {Finding} from "../schema/check.ts";
import type {Observation} from "../schema/observation.ts";
import {baseUnit, describeValue, intervalOf, notComparableMass, overlaps, unique} from "./numbers.ts";

/**
 * Compares figures that claim to measure the same thing: same indicator, geography, partner,
 * period and unit base. Indicators carry their counting basis where sources differ (NEA vs
 * GWEC wind additions, CAAM vs IEA vehicle counts), so different bases never meet here.
 *   - the same source stating two different values or changes: within_source_disagreement
 *   - the same series in an earlier edition (USGS, IFR): vintage_revision, for information
 *   - two sources' actual figures that cannot both be right: source_conflict
 *   - one figure in t and the other in t REO: not_comparable, for information (no factor
 *     converts one to the other, so they are never compared silently)
 * Forecasts against outcomes are checked in forecasts.ts.
 */
export function comparisonChecks(rows: readonly Observation[]): Finding[] {
  const groups = new Map<string, Observation[]>();
  for (const row of rows) {
    if (!row.period_start) continue;
    const key = JSON.stringify([row.indicator, row.geography, row.partner, row.period_start, row.period_end]);
    groups.set(key, [...(groups.get(key) ?? []), row]);
  }
  const checks: Finding[] = [];
  for (const group of groups.values()) {
    for (let i = 0; i < group.length; i++) {
      for (let j = i + 1; j < group.length; j++) {
        const finding = comparePair(group[i], group[j]);
        if (finding) checks.push(finding);
      }
    }
  }
  return checks;
}

const OUTTURN = new Set(["actual", "estimate"]);

/** Two outturn figures closer than this share of the larger are a minor conflict (info, not a warning). */
export const MINOR_CONFLICT = 0.005;

const midpoint = ({low, high}: {low: number; high: number}) => (Number.isFinite(low) && Number.isFinite(high) ? (low + high) / 2 : Number.isFinite(low) ? low : high);

function comparePair(a: Observation, b: Observation): Finding | null {
  if (baseUnit(a) !== baseUnit(b)) {
    if (!notComparableMass(a, b)) return null;
    const where = `${a.indicator}, ${a.geography}${a.partner ? ` (partner ${a.partner})` : ""}, ${a.period}`;
    return finding("not_comparable", "info", a, b, `${where}: ${a.source_id} gives ${describeValue(a)} and ${b.source_id} gives ${describeValue(b)}; no factor converts ${a.unit} to ${b.unit}, so they are not compared.`);
  }
  const ia = intervalOf(a);
  const ib = intervalOf(b);
  if (!ia || !ib) return null;
  const valuesAgree = overlaps(ia, ib);
  const where = `${a.indicator}, ${a.geography}${a.partner ? ` (partner ${a.partner})` : ""}, ${a.period}`;
  if (a.source_id === b.source_id) {
    // One source writes one figure the same way each time, so any difference counts here.
    // Compared in the canonical unit, so "1.68 million CNY/t" and "1,680,000 CNY/t" are one figure written two ways.
    const valuesDiffer = !same(a.value_canonical, b.value_canonical) || !same(a.value_low_canonical, b.value_low_canonical) || !same(a.value_high_canonical, b.value_high_canonical) || a.bound !== b.bound;
    const changesDiffer = a.change_pct !== null && b.change_pct !== null && a.change_pct !== b.change_pct;
    if (a.series_id === b.series_id && a.vintage !== b.vintage) {
      // editions of one series from one publisher are revisions, handled below
    } else if (!valuesDiffer && !changesDiffer) {
      return null;
    } else {
      const what = valuesDiffer
      ? `${describeValue(a)}${changeText(a)} and ${describeValue(b)}${changeText(b)}`
      : `${describeValue(a)} twice, once with a change of ${changeText(a).trim().slice(1, -1)} and once with ${changeText(b).trim().slice(1, -1)}`;
      return finding("within_source_disagreement", "warning", a, b, `${where}: ${a.source_id} gives ${what}.`);
    }
  }
  if (a.series_id === b.series_id && a.vintage !== null && b.vintage !== null && a.vintage !== b.vintage) {
    if (a.value === b.value && a.bound === b.bound) return null;
    const [old, latest] = a.vintage < b.vintage ? [a, b] : [b, a];
    return finding(
      "vintage_revision",
      "info",
      old,
      latest,
      `${where}: revised from ${describeValue(old)} (${old.vintage}) to ${describeValue(latest)} (${latest.vintage}); charts draw the latest edition.`
    );
  }
  if (valuesAgree || !a.is_latest_vintage || !b.is_latest_vintage) return null;
  const aOut = OUTTURN.has(a.basis);
  const bOut = OUTTURN.has(b.basis);
  if (aOut && bOut) {
    // Copies that differ by less than half a percent are rounding or a restatement: informational.
    const gap = Math.abs(midpoint(ia) - midpoint(ib)) / Math.max(Math.abs(midpoint(ia)), Math.abs(midpoint(ib)), Number.MIN_VALUE);
    const severity = gap < MINOR_CONFLICT ? "info" : "warning";
    return finding("source_conflict", severity, a, b, `${where}: ${a.source_id} gives ${describeValue(a)} but ${b.source_id} gives ${describeValue(b)}.`);
  }
  return null;
}

/** Two canonical values are the same figure: both missing, or equal to nine significant digits. */
function same(x: number | null, y: number | null): boolean {
  if (x === null || y === null) return x === y;
  return Math.abs(x - y) <= 1e-9 * Math.max(Math.abs(x), Math.abs(y));
}

function changeText(row: Observation): string {
  if (row.change_pct === null) return "";
  const sign = row.change_pct > 0 ? "+" : "";
  return ` (${sign}${row.change_pct}% ${row.change_basis})`;
}

function finding(kind: Finding["kind"], severity: Finding["severity"], a: Observation, b: Observation, message: string): Finding {
  const low = a.confidence === "low" || b.confidence === "low";
  return {
    check_id: `${kind}:${a.row_id}:${b.row_id}`,
    kind,
    severity,
    page: a.page,
    message: low ? `${message} One of the sources is flagged low-confidence.` : message,
    row_ids: [a.row_id, b.row_id],
    series_ids: unique([a.series_id, b.series_id]),
    source_ids: unique([a.source_id, b.source_id]),
    details: JSON.stringify({
      values: [a, b].map((r) => ({row_id: r.row_id, value: r.value, value_low: r.value_low, value_high: r.value_high, bound: r.bound, unit: r.unit, basis: r.basis, change_pct: r.change_pct, vintage: r.vintage, confidence: r.confidence}))
    })
  };
}
