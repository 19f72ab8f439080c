// Forecast errors: one row per forecast-and-outcome pair, a bar from zero to the error in
// percent of the outcome (right: the forecast was too high; left: too low), and the two figures
// as published written above the bar.
import * as Plot from "npm:@observablehq/plot";
import type {Row} from "./rows.js";
import {tipLines} from "./tips.js";

export function forecastErrorChart(data: readonly Row[], {x = "error_pct", y = "measure", width}: {x?: string; y?: string; width: number}) {
  const rows: Row[] = data.map((row, index) => ({...row, index}));
  const figure = (value: unknown, unit: unknown, bound: unknown) => `${bound === "lower" ? "at least " : ""}${Number(value).toLocaleString("en-US")} ${unit}`;
  const comparison = (row: Row) => `forecast ${figure(row.forecast, row.forecast_unit, row.forecast_bound)}, published ${figure(row.outcome, row.outcome_unit, null)} (${row.outcome_source})`;
  const text = (row: Row) => `${row[y]}: ${comparison(row)}`;
  const extent = Math.max(10, ...rows.map((row) => Math.abs(Number(row[x]))));
  // The text above each bar wraps to the chart's width (Plot's lineWidth is in ems of 10 px text,
  // about 0.6 em a character); each row is as tall as its longest wrapped text needs.
  const lineWidth = Math.max(12, (width - 80) / 10);
  const lines = Math.max(1, ...rows.map((row) => Math.ceil((text(row).length * 0.62) / lineWidth)));
  const rowHeight = 30 + 12 * lines;
  return Plot.plot({
    width,
    height: rowHeight * rows.length + 50 + 12 * lines,
    // The first row's text grows upwards from above its bar.
    marginTop: 12 * lines + 12,
    marginLeft: 50,
    marginRight: 50,
    x: {label: "Forecast error (% of the published outcome)", domain: [-extent * 1.15, extent * 1.15], grid: true},
    y: {axis: null, type: "band", domain: rows.map((row) => row.index), paddingInner: 1 - 18 / rowHeight, paddingOuter: 0.1, align: 1},
    marks: [
      Plot.barX(rows, {x1: 0, x2: x, y: "index", fill: (row: Row) => (Number(row[x]) < 0 ? "forecast too low" : "forecast too high")}),
      // The zero line under the text, and the text on a halo of the background, so the line never strikes a word through.
      Plot.ruleX([0]),
      Plot.text(rows, {x: x, y: "index", text: (row: Row) => `${Number(row[x]) > 0 ? "+" : ""}${row[x]}%`, dx: 6, textAnchor: "start", fill: "currentColor", filter: (row: Row) => Number(row[x]) >= 0}),
      Plot.text(rows, {x: x, y: "index", text: (row: Row) => `${row[x]}%`, dx: -6, textAnchor: "end", fill: "currentColor", filter: (row: Row) => Number(row[x]) < 0}),
      Plot.text(rows, {frameAnchor: "left", y: "index", text, dy: -13, dx: -30, lineAnchor: "bottom", textAnchor: "start", fontSize: 10, fill: "currentColor", stroke: "var(--theme-background, white)", strokeWidth: 4, paintOrder: "stroke", lineWidth}),
      Plot.tip(rows, Plot.pointerY({x, y: "index", title: (row: Row) => tipLines(row, {unit: "%", label: y, value: x, detail: () => "forecast error", notes: (row) => [comparison(row)]})}))
    ],
    color: {legend: true, domain: ["forecast too low", "forecast too high"], range: ["#e15759", "#4e79a7"]}
  });
}
