// Monthly figures on a time axis with dated events as vertical rules and labels. Rows with
// kind = "event" are the annotations (date, label); the others are figures (date, value, label).
// Each event label goes on the first line where it does not run into another and never runs
// past the chart: a label that would is anchored at its end instead, and at a narrow width a
// label is wrapped.
import * as Plot from "npm:@observablehq/plot";
import type {Row} from "./rows.js";
import {compactNumber, monthTime} from "./scales.js";
import {pointerTip} from "./tips.js";

export interface MonthlyEventsOptions {
  width?: number;
  height?: number;
  yLabel?: string;
  x?: string;
  y?: string;
  /** Names the series of a figure and the text of an event. */
  z?: string | ((row: Row) => string);
  /** Tells events from figures. */
  isEvent?: (row: Row) => boolean;
}

const CHAR_PX = 5.6; // 10 px text
const MARGIN_LEFT = 50;
const MARGIN_RIGHT = 20;

export function monthlyEventsChart(data: readonly Row[], {width = 640, height = 380, yLabel, x = "date", y = "value", z = "label", isEvent = (row) => row.kind === "event"}: MonthlyEventsOptions = {}) {
  const name = (row: Row) => String(typeof z === "function" ? z(row) : row[z]);
  const figures = data.filter((row) => !isEvent(row));
  const times = data.map((row) => +(row[x] as Date));
  const [t0, t1] = [Math.min(...times), Math.max(...times) + 31 * 86_400_000];
  const inner = Math.max(1, width - MARGIN_LEFT - MARGIN_RIGHT);
  const px = (t: number) => ((t - t0) / Math.max(1, t1 - t0)) * inner;
  const maxChars = Math.max(12, Math.floor(Math.min(inner * 0.6, 260) / CHAR_PX));
  const lines: [number, number][][] = [];
  const events = data
    .filter(isEvent)
    .sort((a, b) => +(a[x] as Date) - +(b[x] as Date))
    .map((row) => {
      const text = name(row);
      const rows = Math.ceil(text.length / maxChars);
      const textWidth = Math.min(text.length, maxChars) * CHAR_PX + 8;
      const at = px(+(row[x] as Date));
      const anchorEnd = at + textWidth > inner;
      const span: [number, number] = anchorEnd ? [at - textWidth, at] : [at, at + textWidth];
      // A wrapped label takes as many lines as it has rows of text.
      let index = 0;
      while (range(index, rows).some((i) => (lines[i] ?? []).some(([a, b]) => span[0] < b && a < span[1]))) index++;
      for (const i of range(index, rows)) (lines[i] ??= []).push(span);
      return {...row, index: index + rows - 1, anchorEnd};
    });
  const series = [...new Set(figures.map(name))];
  const maxValue = Math.max(0, ...figures.map((row) => Number(row[y])));
  const lineHeight = maxValue * 0.07;
  const level = (row: Row) => maxValue * 1.1 + lineHeight * (row.index as number);
  const label = (anchorEnd: boolean) =>
    Plot.text(events.filter((row) => row.anchorEnd === anchorEnd), {x, y: level, text: name, textAnchor: anchorEnd ? "end" : "start", dx: anchorEnd ? -5 : 5, lineAnchor: "bottom", lineWidth: (maxChars * CHAR_PX) / 10, fill: "currentColor", fontSize: 10});
  return Plot.plot({
    width,
    height: height + 16 * Math.max(0, lines.length - 3),
    marginLeft: MARGIN_LEFT,
    marginRight: MARGIN_RIGHT,
    x: monthTime(new Date(t0), new Date(t1), width),
    y: {label: yLabel ?? null, grid: true, domain: [0, maxValue * 1.15 + lineHeight * lines.length], tickFormat: compactNumber},
    color: {legend: true, domain: series},
    marks: [
      Plot.ruleX(events, {x, stroke: "var(--theme-foreground-muted, #888)", strokeDasharray: "3,3"}),
      Plot.dot(events, {x, y: level, fill: "var(--theme-foreground-muted, #888)", r: 2.5}),
      label(false),
      label(true),
      Plot.rectY(figures, {x1: x, x2: (row: Row) => new Date(+(row[x] as Date) + 27 * 86_400_000), y, fill: name}),
      Plot.ruleY([0]),
      pointerTip(figures, {x: (row: Row) => new Date(+(row[x] as Date) + 14 * 86_400_000), y, label: name, pointer: "x"})
    ]
  });
}

function range(start: number, count: number): number[] {
  return Array.from({length: count}, (_, i) => start + i);
}
