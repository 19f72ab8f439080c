// Figures by month on a continuous month axis: one line per series that breaks wherever a month
// has no figure (a missing month is a gap, never a zero, and never filled in), a dot on every
// month that has one — hollow where the figure is low-confidence — and, for rows of kind "event",
// the dated events as dashed rules.
//
//   monthlySeriesChart(rows, {x: "date", y: "value", z: "measure", width, yLabel})
import * as Plot from "npm:@observablehq/plot";
import {eventMarks} from "./eventMarks.js";
import type {Row} from "./rows.js";
import {tipLines} from "./tips.js";
import {compactNumber, monthTime} from "./scales.js";
import {breakAtGaps} from "./gaps.js";

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
  const marginLeft = 60;
  const marginRight = 16;
  const labels = eventMarks(events, {x: "date", width, domain, marginLeft, marginRight});
  // Consecutive months are at most 31 days apart; a longer step means a month without a figure.
  const lines = breakAtGaps(figures, {x, z, maxGap: 31 * 86_400_000});
  const tip = (row: Row) =>
    tipLines(row, {
      label: z,
      value: y,
      detail: (row) => (row.copies && Number(row.copies) > 1 ? `${row.copies} copies read` : null),
      notes: (row) => [row.confidence === "low" && "Low confidence (weak copy, conflict or year assigned)"]
    });
  const low = (row: Row) => row.confidence === "low";
  return Plot.plot({
    width,
    height: height + labels.addedHeight,
    marginLeft,
    marginRight,
    marginTop: events.length ? labels.marginTop : 20,
    ...(events.length ? {marginBottom: labels.marginBottom} : {}),
    x: monthTime(domain[0], domain[1], width, {margins: marginLeft + marginRight}),
    y: {label: yLabel, grid: true, zero: true, tickFormat: compactNumber},
    color: {legend: true},
    marks: [
      ...(events.length ? labels.marks : []),
      Plot.line(lines, {x, y, z: "segment", stroke: z, strokeWidth: 1.5}),
      // Filled and hollow dots are separate marks, so no CSS colour becomes a colour category.
      Plot.dot(figures.filter((row) => !low(row)), {x, y, stroke: z, fill: z, r: 3, strokeWidth: 1.5}),
      Plot.dot(figures.filter(low), {x, y, stroke: z, fill: "var(--theme-background, white)", r: 3, strokeWidth: 1.5}),
      Plot.tip(figures as Row[], Plot.pointer({x, y, title: tip})),
      Plot.ruleY([0])
    ]
  });
}
