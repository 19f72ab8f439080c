// Cumulative totals from January, one line per year and customs basis, plotted against the
// month they run to, so a reader can compare how far each year had got by the same month.
import * as Plot from "npm:@observablehq/plot";
import type {Row} from "./figureData.js";

const BASIS_NAMES: Record<string, string> = {
  "china_magnet_exports.total": "all permanent magnets",
  "china_magnet_exports.hs85051110": "HS 85051110",
  "china_magnet_exports.magnets-and-alloys": "magnets and alloys",
  "china_exports_rare_earths.china": "rare-earth exports (customs)"
};

export function yearToDateChart(rows: readonly Row[], {width, height = 320, yLabel = "Exports since January (t)"}: {width: number; height?: number; yLabel?: string}) {
  const series = (row: Row) => `${row.year}, ${BASIS_NAMES[String(row.series_id)] ?? row.series_id}`;
  const fmt = (row: Row) => `${series(row)}, ${row.period}: ${Number(row.value).toLocaleString("en-US")} ${row.unit}`;
  return Plot.plot({
    width,
    height,
    marginLeft: 60,
    x: {label: "Through month", domain: [1, 12], ticks: 12, tickFormat: (m: number) => ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"][m - 1]},
    y: {label: yLabel, grid: true, zero: true, nice: true, tickFormat: "~s"},
    color: {legend: true},
    marks: [
      Plot.line(rows, {x: "through_month", y: "value", stroke: series, z: series, strokeWidth: 1.5}),
      Plot.dot(rows, {x: "through_month", y: "value", fill: series, r: 4, title: fmt}),
      Plot.text(rows, {x: "through_month", y: "value", text: (row: Row) => Number(row.value).toLocaleString("en-US"), dy: -10, fontSize: 9, fill: "currentColor"}),
      Plot.ruleY([0])
    ]
  });
}
