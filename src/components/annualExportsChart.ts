// Exports per year: whole years as solid bars, year-to-date totals as narrower hollow dashed bars
// in the same year's slot (labelled with their period), and, where a series is a quota, a tick.
import * as Plot from "npm:@observablehq/plot";
import {BASIS_DASH} from "./basisStyle.js";
import type {Row} from "./figureData.js";

export function annualExportsChart(rows: readonly Row[], {width, height = 340, quotaSeries = "china_export_quota.china"}: {width: number; height?: number; quotaSeries?: string}) {
  const quota = rows.filter((row) => row.series_id === quotaSeries);
  const flows = rows.filter((row) => row.series_id !== quotaSeries);
  const whole = flows.filter((row) => row.coverage === "whole year");
  const partial = flows.filter((row) => row.coverage !== "whole year");
  // Every year in the span, so years with no published figure show as gaps rather than vanish.
  const known = rows.map((row) => Number(row.year));
  const years = known.length ? Array.from({length: Math.max(...known) - Math.min(...known) + 1}, (_, i) => Math.min(...known) + i) : [];
  const fmt = (row: Row) => `${row.period}: ${Number(row.value).toLocaleString("en-US")} ${row.unit}`;
  return Plot.plot({
    width,
    height,
    marginLeft: 60,
    x: {label: null, type: "band", domain: years, tickFormat: (year: number) => (width < 640 && year % 5 !== 0 ? "" : String(year)), padding: 0.2},
    y: {label: "Exports (t)", grid: true, tickFormat: "~s"},
    color: {legend: true, domain: ["Whole year", "Part of the year", "Export quota"], range: ["var(--theme-blue, #4e79a7)", "#f28e2b", "currentColor"]},
    marks: [
      Plot.barY(whole, {x: "year", y: "value", fill: () => "Whole year", title: fmt}),
      Plot.barY(partial, {x: "year", y: "value", fill: () => "Part of the year", fillOpacity: 0.25, stroke: () => "Part of the year", strokeDasharray: BASIS_DASH.estimate, strokeWidth: 1.5, insetLeft: 6, insetRight: 6, title: fmt}),
      Plot.text(partial, {x: "year", y: (row: Row) => Number(row.value) / 2, text: (row: Row) => String(row.period), rotate: -90, fontSize: 10, fill: "currentColor"}),
      Plot.tickY(quota, {x: "year", y: "value", stroke: () => "Export quota", strokeWidth: 2.5, title: (row: Row) => `Export quota ${fmt(row)}`}),
      Plot.ruleY([0])
    ]
  });
}
