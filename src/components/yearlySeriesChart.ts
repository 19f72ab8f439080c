// Series over time, one colour per series: measured points filled and joined by a solid
// line, estimates, forecasts and targets hollow and joined by a dashed line, published
// ranges as a vertical bar, bounds marked "≥" or "≤" and left out of the lines. A line breaks
// where a series skips a year, and years on the axis are printed once each, as years.
import * as Plot from "npm:@observablehq/plot";
import {BASIS_FILL_OPACITY, basisOf} from "./basisStyle.js";
import {byBasis, dashOf, valueText, type Row} from "./basisMarks.js";
import {breakAtGaps, YEAR_MS} from "./gaps.js";
import {compactNumber, yearTime} from "./scales.js";
import {pointerTip} from "./tips.js";

export interface YearlySeriesOptions {
  width?: number;
  height?: number;
  x?: string;
  y?: string;
  /** The column naming each series. */
  z?: string;
  /** The y axis label, with the unit: "Wind added (GW)". */
  yLabel?: string;
  yType?: "linear" | "log";
  /** Series in the order their colours should be given. */
  series?: string[];
}

/** Rows need: date (Date), series, value or value_low/value_high, basis, bound, period, unit. */
export function yearlySeriesChart(data: readonly Row[], {width = 640, height = 320, x = "date", y = "value", z = "series", yLabel, yType = "linear", series}: YearlySeriesOptions = {}) {
  const rows: Row[] = data.map((row) => ({...row, series: row[z], date: row[x], value: row[y]}));
  const points = rows.filter((row) => row.value != null);
  const ranges = rows.filter((row) => row.value == null && row.value_low != null && row.value_high != null);
  // Lines join exact figures only: a bound ("≤ 1.8 million", "≥ 2 million") is a dot with its
  // label, so no slope is drawn between an upper bound one year and a lower bound the next.
  const exact = points.filter((row) => !row.bound);
  const actual = breakAtGaps(exact.filter((row) => basisOf(row) === "actual"), {step: YEAR_MS});
  const projected = breakAtGaps(projectedPaths(exact), {z: "path", step: YEAR_MS});
  const times = rows.map((row) => +(row.date as Date));
  const middle = (Math.min(...times) + Math.max(...times)) / 2;
  const bounds = rows.filter((row) => row.bound);
  const boundLabel = (right: boolean) =>
    Plot.text(bounds.filter((row) => +(row.date as Date) > middle === right), {x: "date", y: (row: Row) => row.value ?? row.value_high, text: (row: Row) => valueText(row, 0), dy: -12, textAnchor: right ? "end" : "start", dx: right ? 6 : -6, fill: "series", fontWeight: "bold"});
  return Plot.plot({
    width,
    height,
    marginRight: 20,
    marginLeft: 56,
    x: {...yearTime(rows.map((row) => row.date), width), inset: 12},
    y: {type: yType, label: yLabel ?? null, grid: true, nice: true, tickFormat: compactNumber, ...(yType === "linear" ? {zero: true} : {ticks: 6})},
    color: {legend: true, domain: series ?? [...new Set(rows.map((row) => String(row.series)))]},
    marks: [
      Plot.line(actual, {x: "date", y: "value", stroke: "series", z: "segment", strokeWidth: 2}),
      Plot.line(projected, {x: "date", y: "value", stroke: "series", z: "segment", strokeWidth: 1.5, strokeDasharray: "4,3"}),
      ...byBasis(ranges).map(([basis, group]) =>
        Plot.ruleX(group, {x: "date", y1: "value_low", y2: "value_high", stroke: "series", strokeWidth: 4, strokeOpacity: 0.6, strokeDasharray: dashOf(basis)})
      ),
      ...byBasis(points).map(([basis, group]) =>
        Plot.dot(group, {x: "date", y: "value", stroke: "series", fill: "series", fillOpacity: BASIS_FILL_OPACITY[basis], r: basis === "actual" ? 4 : 4.5, strokeWidth: 2})
      ),
      boundLabel(false),
      boundLabel(true),
      pointerTip(rows, {x: "date", y: (row: Row) => row.value ?? row.value_high, label: "series"})
    ]
  });
}

/** For each series, the last measured point followed by the projected ones, so the dashes start where the solid line stops. */
export function projectedPaths(points: readonly Row[]): Row[] {
  const out: Row[] = [];
  const bySeries = new Map<unknown, Row[]>();
  for (const row of points) bySeries.set(row.series, [...(bySeries.get(row.series) ?? []), row]);
  for (const [series, group] of bySeries) {
    const sorted = [...group].sort((a, b) => +(a.date as Date) - +(b.date as Date));
    const firstProjected = sorted.findIndex((row) => basisOf(row) !== "actual");
    if (firstProjected < 0) continue;
    const start = firstProjected > 0 ? firstProjected - 1 : 0;
    const path = sorted.slice(start).filter((row, i) => i === 0 || basisOf(row) !== "actual");
    if (path.length > 1) out.push(...path.map((row) => ({...row, path: `${series} projected`})));
  }
  return out;
}
