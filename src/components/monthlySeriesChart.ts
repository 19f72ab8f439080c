// Figures by month on a continuous month axis: one line per series that breaks wherever a month
// has no figure (a missing month is a gap, never a zero, and never filled in), a dot on every
// month that has one — hollow where the figure is low-confidence — and, for rows of kind "event",
// the dated events as dashed rules.
//
//   monthlySeriesChart(rows, {x: "date", y: "value", z: "measure", width, yLabel})
import * as Plot from "npm:@observablehq/plot";
import {eventMarks} from "./eventMarks.js";
import type {Row} from "./figureData.js";
import {segmented} from "./priceChart.js";

export interface MonthlySeriesOptions {
  x?: string;
  y?: string;
  z?: string;
  width: number;
  height?: number;
  yLabel: string;
  events?: readonly Row[];
}

export function monthlySeriesChart(data: readonly Row[], {x = "date", y = "value", z = "measure", width, height = 340, yLabel, events = []}: MonthlySeriesOptions) {
  const figures = data.filter((row) => row[y] != null);
  const times = data.map((row) => +(row[x] as Date));
  const domain: [Date, Date] = [new Date(Math.min(...times) - 20 * 86_400_000), new Date(Math.max(...times) + 20 * 86_400_000)];
  const labels = eventMarks(events, {x: "date", width, domain});
  // Consecutive months are at most 31 days apart; a longer step means a month without a figure.
  const lines = segmented(figures, {x, z, maxGapDays: 31});
  const tip = (row: Row) => `${row[z]}, ${row.period}: ${Number(row[y]).toLocaleString("en-US")} ${row.unit}${row.copies && Number(row.copies) > 1 ? ` (${row.copies} copies read)` : ""}${row.confidence === "low" ? "\nLow confidence (weak copy, conflict or year assigned)" : ""}`;
  return Plot.plot({
    width,
    height,
    marginLeft: 60,
    marginTop: events.length ? labels.marginTop : 20,
    x: {type: "utc", label: null, domain},
    y: {label: yLabel, grid: true, zero: true, tickFormat: "~s"},
    color: {legend: true},
    marks: [
      ...(events.length ? labels.marks : []),
      Plot.line(lines, {x, y, z: "segment", stroke: z, strokeWidth: 1.5}),
      Plot.dot(figures, {x, y, stroke: z, fill: (row: Row) => (row.confidence === "low" ? "var(--theme-background, white)" : row[z]), r: 3, strokeWidth: 1.5, title: tip}),
      Plot.ruleY([0])
    ]
  });
}
