// Monthly figures on a time axis with dated events as vertical rules and labels. Rows with
// kind = "event" are the annotations (date, label); the others are figures (date, value, label).
import * as Plot from "npm:@observablehq/plot";
import type {Row} from "./figureData.js";

export interface MonthlyEventsOptions {
  width: number;
  height?: number;
  yLabel: string;
}

export function monthlyEventsChart(rows: readonly Row[], {width, height = 380, yLabel}: MonthlyEventsOptions) {
  const figures = rows.filter((row) => row.kind !== "event");
  // Each event label goes on the first line where it does not run into an earlier label
  // (widths estimated at 6 px a character on the chart's time scale).
  const dated = rows.filter((row) => row.kind === "event").sort((a, b) => +(a.date as Date) - +(b.date as Date));
  const times = rows.map((row) => +(row.date as Date));
  const span = Math.max(1, Math.max(...times) - Math.min(...times));
  const msPerPixel = span / Math.max(1, width - 100);
  const lineEnds: number[] = [];
  const events = dated.map((row) => {
    const start = +(row.date as Date);
    let index = lineEnds.findIndex((end) => end < start);
    if (index < 0) index = lineEnds.length;
    lineEnds[index] = start + (String(row.label).length * 6 + 16) * msPerPixel;
    return {...row, index};
  });
  const series = [...new Set(figures.map((row) => String(row.label)))];
  const fmt = (row: Row) => `${row.label}, ${row.period}: ${Number(row.value).toLocaleString("en-US")} ${row.unit}`;
  const maxValue = Math.max(0, ...figures.map((row) => Number(row.value)));
  return Plot.plot({
    width,
    height,
    marginLeft: 60,
    x: {type: "utc", label: null, nice: true},
    y: {label: yLabel, grid: true, domain: [0, maxValue * (1.2 + 0.06 * Math.max(0, ...events.map((row) => row.index)))], tickFormat: "~s"},
    color: {legend: true, domain: series},
    marks: [
      Plot.ruleX(events, {x: "date", stroke: "var(--theme-foreground-muted, #888)", strokeDasharray: "3,3"}),
      Plot.dot(events, {x: "date", y: (row: Row) => maxValue * (1.12 + 0.07 * (row.index as number)), fill: "var(--theme-foreground-muted, #888)", r: 2.5, title: (row: Row) => `${row.period}: ${row.label}`}),
      Plot.text(events, {x: "date", y: (row: Row) => maxValue * (1.12 + 0.07 * (row.index as number)), text: (row: Row) => String(row.label), textAnchor: "start", dx: 6, fill: "currentColor", fontSize: 10}),
      Plot.rectY(figures, {x1: "date", x2: (row: Row) => new Date(+(row.date as Date) + 27 * 86_400_000), y: "value", fill: "label", title: fmt}),
      Plot.text(figures, {x: (row: Row) => new Date(+(row.date as Date) + 14 * 86_400_000), y: "value", text: (row: Row) => Number(row.value).toLocaleString("en-US"), dy: -6, fontSize: 9, fill: "currentColor"}),
      Plot.ruleY([0])
    ]
  });
}
