// Horizontal bars, one per labelled item, longest first: reserves by country, imports by kind
// and period, the parts of a quota. Actual figures are solid; estimates and forecasts hollow
// and dashed; lower bounds are labelled "≥".
import * as Plot from "npm:@observablehq/plot";
import {BASIS_DASH, BASIS_FILL_OPACITY, basesIn, basisOf} from "./basisStyle.js";
import type {Row} from "./figureData.js";

export interface RankedBarOptions {
  width: number;
  /** The column naming each bar. */
  label: string;
  /** The x axis label, with its unit. */
  xLabel: string;
  /** Keep the rows' order instead of sorting by value. */
  keepOrder?: boolean;
  /** Bars to draw in the accent colour. */
  highlight?: (row: Row) => boolean;
  marginLeft?: number;
  /** The x domain, e.g. [0, 100] for shares. */
  xDomain?: [number, number];
  /** Text after each bar's value label, e.g. "%". */
  valueSuffix?: string;
}

export function rankedBarChart(rows: readonly Row[], {width, label, xLabel, keepOrder = false, highlight = () => false, marginLeft, xDomain, valueSuffix = ""}: RankedBarOptions) {
  const number = (value: unknown) => Number(value).toLocaleString("en-US");
  const color = (row: Row) => (highlight(row) ? "var(--theme-red, #d62728)" : "var(--theme-blue, #4e79a7)");
  const order = keepOrder ? rows : [...rows].sort((a, b) => Number(b.value) - Number(a.value));
  const longest = Math.max(...rows.map((row) => String(row[label]).length));
  return Plot.plot({
    width,
    height: 40 + rows.length * 28,
    marginLeft: marginLeft ?? Math.min(Math.max(80, Math.min(longest, 72) * 6), width * 0.55),
    marginRight: 70,
    x: {label: xLabel, grid: true, tickFormat: "~s", domain: xDomain},
    y: {label: null, domain: order.map((row) => String(row[label])), tickFormat: (text: string) => (text.length > 72 ? text.slice(0, 70) + "…" : text)},
    marks: [
      // One mark per basis: Plot takes a dash pattern per mark, not per bar.
      ...basesIn(rows).map((basis) =>
        Plot.barX(rows.filter((row) => basisOf(row) === basis), {
          x: "value", y: label,
          fill: color, stroke: color, fillOpacity: BASIS_FILL_OPACITY[basis], strokeDasharray: BASIS_DASH[basis], strokeWidth: 1.5,
          title: (row: Row) => `${row[label]}: ${number(row.value)} ${row.unit ?? ""} (${basis})`
        })
      ),
      Plot.text(rows, {x: "value", y: label, text: (row: Row) => `${row.bound === "lower" ? "≥ " : ""}${number(row.value)}${valueSuffix}`, dx: 4, textAnchor: "start", fill: "currentColor"}),
      Plot.ruleX([0])
    ]
  });
}
