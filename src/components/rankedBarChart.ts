// Horizontal bars, one per labelled item, longest first: reserves by country, imports by kind
// and period, the parts of a quota. Actual figures are solid; estimates and forecasts hollow
// and dashed; lower bounds are labelled "≥". Long labels (or a narrow screen) move the labels
// above their bars, wrapped, instead of clipping them in the left margin.
import * as Plot from "npm:@observablehq/plot";
import {byBasis, dashOf, fillOpacityOf, valueText} from "./basisMarks.js";
import type {Row} from "./rows.js";
import {compactNumber} from "./scales.js";
import {pointerTip} from "./tips.js";

export interface RankedBarOptions {
  width?: number;
  /** The column (or function) giving each bar's value. */
  x?: string;
  /** The column naming each bar. */
  y?: string;
  /** The x axis label, with its unit. */
  xLabel?: string;
  /** Keep the rows' order instead of sorting by value. */
  keepOrder?: boolean;
  /** Bars to draw in the accent colour. */
  highlight?: (row: Row) => boolean;
  /** The x domain, e.g. [0, 100] for shares. */
  xDomain?: [number, number];
  /** Text after each bar's value label, e.g. "%". */
  valueSuffix?: string;
  /** Legend names for the two colours, e.g. {highlighted: "computed here", other: "published"}. */
  key?: {highlighted: string; other: string};
}

const CHAR_PX = 6.5;

export function rankedBarChart(data: readonly Row[], {width = 640, x = "value", y = "label", xLabel, keepOrder = false, highlight = () => false, xDomain, valueSuffix = "", key}: RankedBarOptions = {}) {
  const rows = data.filter((row) => row[x] != null);
  const accent = "var(--theme-red, #d62728)";
  const plain = "var(--theme-blue, #4e79a7)";
  // With a key, the colours are a scale with a legend (listing only the colours drawn).
  const color = key ? (row: Row) => (highlight(row) ? key.highlighted : key.other) : (row: Row) => (highlight(row) ? accent : plain);
  const drawn = key ? [key.other, key.highlighted].filter((name) => rows.some((row) => color(row) === name)) : [];
  const order = keepOrder ? rows : [...rows].sort((a, b) => Number(b[x]) - Number(a[x]));
  const names = [...new Set(order.map((row) => String(row[y])))];
  const longest = Math.max(0, ...names.map((name) => name.length));
  // Labels go above the bars when the longest would take more than a third of the width.
  const above = longest * CHAR_PX > width / 3;
  const lineChars = Math.floor((width - 40) / 7);
  const lines = above ? Math.max(1, ...names.map((name) => Math.ceil(name.length / lineChars))) : 0;
  const band = above ? 26 + 14 * lines : 28;
  const values = (row: Row) => ({...row, value: row[x]});
  return Plot.plot({
    width,
    height: 50 + names.length * band,
    marginLeft: above ? 10 : Math.max(40, longest * CHAR_PX + 12),
    marginRight: 80,
    x: {label: xLabel ?? null, grid: true, tickFormat: compactNumber, domain: xDomain, nice: true},
    color: key ? {legend: true, domain: drawn, range: drawn.map((name) => (name === key.highlighted ? accent : plain))} : undefined,
    y: {label: null, domain: names, axis: above ? null : "left", paddingInner: above ? 0.05 : 0.15},
    marks: [
      ...byBasis(rows).map(([basis, group]) =>
        Plot.barX(group, {
          x, y, fill: color, stroke: color, fillOpacity: fillOpacityOf(basis), strokeDasharray: dashOf(basis), strokeWidth: 1.5,
          insetTop: above ? 14 * lines + 4 : 0
        })
      ),
      above ? Plot.text(names, {y: (name: string) => name, text: (name: string) => name, frameAnchor: "left", dy: -(band / 2) + 8 + 7 * (lines - 1), textAnchor: "start", lineAnchor: "middle", lineWidth: (width - 40) / 12, fill: "currentColor"}) : null,
      Plot.text(rows, {x, y, text: (row: Row) => `${valueText(values(row), 2)}${valueSuffix}`, dx: 4, dy: above ? (14 * lines + 4) / 2 : 0, textAnchor: "start", fill: "currentColor"}),
      Plot.ruleX([0]),
      pointerTip(rows, {x, y, label: y, value: x, pointer: "y"})
    ]
  });
}
