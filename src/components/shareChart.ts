// A share in percent over years, one line for the figures in force and hollow rings for those
// from superseded editions (when the rows have an is_latest_vintage column).
import * as Plot from "npm:@observablehq/plot";
import type {Row} from "./figureData.js";

export interface ShareChartOptions {
  width: number;
  height?: number;
  x?: string;
  y?: string;
  yLabel?: string;
}

export function shareChart(rows: readonly Row[], {width, height = 300, x = "year", y = "share_pct", yLabel = "Share of world mine production (%)"}: ShareChartOptions) {
  const current = rows.filter((row) => row.is_latest_vintage !== false);
  const superseded = rows.filter((row) => row.is_latest_vintage === false);
  return Plot.plot({
    width,
    height,
    x: {label: null, tickFormat: "d"},
    y: {label: yLabel, domain: [0, 100], grid: true},
    marks: [
      Plot.areaY(current, {x, y, fill: "var(--theme-red, #d62728)", fillOpacity: 0.12}),
      Plot.line(current, {x, y, stroke: "var(--theme-red, #d62728)", strokeWidth: 2}),
      Plot.dot(current, {x, y, fill: "var(--theme-red, #d62728)", r: 3}),
      Plot.text(current, Plot.selectLast({x, y, text: (row: Row) => `${row[y]}%`, dy: -12, fill: "currentColor"})),
      Plot.dot(superseded, {x, y, stroke: "#ff7f0e", fill: "none", r: 5, strokeDasharray: "2,2", title: (row: Row) => `${row[y]}% in ${row.vintage} (superseded)`}),
      Plot.ruleY([0])
    ]
  });
}
