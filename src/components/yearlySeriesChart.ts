// Series over time, one colour per series: measured points filled and joined by a solid
// line, estimates, forecasts and targets hollow and joined by a dashed line, published
// ranges as a vertical bar, lower bounds marked "≥".
import * as Plot from "npm:@observablehq/plot";
import {basisOf} from "./basisStyle.js";
import {byBasis, dashOf, valueText, type Row} from "./basisMarks.js";

export interface YearlySeriesOptions {
  width: number;
  height?: number;
  /** The y axis label, with the unit: "Wind added (GW)". */
  yLabel: string;
  yType?: "linear" | "log";
  /** Series in the order their colours should be given. */
  series?: string[];
}

/** Rows need: date (Date), series, value or value_low/value_high, basis, bound, period, unit. */
export function yearlySeriesChart(rows: readonly Row[], {width, height = 320, yLabel, yType = "linear", series}: YearlySeriesOptions) {
  const points = rows.filter((row) => row.value != null);
  const ranges = rows.filter((row) => row.value == null && row.value_low != null && row.value_high != null);
  return Plot.plot({
    width,
    height,
    marginRight: 20,
    marginLeft: 64,
    x: {type: "utc", label: null, inset: 12},
    y: {type: yType, label: yLabel, grid: true, nice: true, ...(yType === "linear" ? {zero: true} : {ticks: 6, tickFormat: "~s"})},
    color: {legend: true, domain: series ?? [...new Set(rows.map((row) => String(row.series)))]},
    marks: [
      Plot.line(points.filter((row) => basisOf(row) === "actual"), {x: "date", y: "value", stroke: "series", z: "series", strokeWidth: 2}),
      Plot.line(projectedPaths(points), {x: "date", y: "value", stroke: "series", z: "path", strokeWidth: 1.5, strokeDasharray: "4,3"}),
      ...byBasis(ranges).map(([basis, group]) =>
        Plot.ruleX(group, {x: "date", y1: "value_low", y2: "value_high", stroke: "series", strokeWidth: 4, strokeOpacity: 0.6, strokeDasharray: dashOf(basis)})
      ),
      ...byBasis(points).map(([basis, group]) =>
        Plot.dot(group, {x: "date", y: "value", stroke: "series", fill: basis === "actual" ? "series" : "var(--theme-background, white)", r: 4, strokeWidth: 1.5, strokeDasharray: dashOf(basis)})
      ),
      Plot.text(rows.filter((row) => row.bound), {x: "date", y: (row: Row) => row.value ?? row.value_high, text: (row: Row) => valueText(row, 0), dy: -12, fill: "series", fontWeight: "bold"}),
      Plot.tip(rows as Row[], Plot.pointer({x: "date", y: (row: Row) => row.value ?? row.value_high, title: tipText}))
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

export function tipText(row: Row): string {
  return [`${row.series}`, `${row.period ?? ""}: ${valueText(row)} ${row.unit ?? ""}`, `${row.basis}${row.qualifier ? ` (${row.qualifier})` : ""}`, row.source_id ? `source: ${row.source_id}` : ""]
    .filter(Boolean)
    .join("\n");
}
