// How much magnet goes into one unit (kg per vehicle, per MW, per robot): published ranges
// as bars, published single figures as dots, figures derived on this site (published demand
// ÷ published units) as hollow diamonds, so a reader can tell quoted from computed.
import * as Plot from "npm:@observablehq/plot";
import {valueText, type Row} from "./basisMarks.js";

export interface IntensityRangeOptions {
  width: number;
  /** The x axis label, with the unit: "NdFeB per vehicle (kg)". */
  xLabel: string;
  digits?: number;
}

/** Rows need: label, value or value_low/value_high, derived (boolean); unit, source_id optional. */
export function intensityRangeChart(rows: readonly Row[], {width, xLabel, digits = 2}: IntensityRangeOptions) {
  const labels = [...new Set(rows.map((row) => String(row.label)))];
  const ranges = rows.filter((row) => row.value == null && row.value_low != null);
  const quoted = rows.filter((row) => row.value != null && !row.derived);
  const derived = rows.filter((row) => row.value != null && row.derived);
  const kind = (row: Row) => (row.derived ? "derived here" : "published");
  return Plot.plot({
    width,
    height: 50 + labels.length * 34,
    marginLeft: Math.min(width / 2, 12 + 6.4 * Math.max(...labels.map((label) => label.length))),
    marginRight: 60,
    x: {label: xLabel, grid: true, zero: true, nice: true},
    y: {label: null, domain: labels},
    symbol: {domain: ["published", "derived here"], range: ["circle", "diamond"], legend: true},
    marks: [
      Plot.barX(ranges, {x1: "value_low", x2: "value_high", y: "label", fill: "var(--theme-foreground-focus, steelblue)", fillOpacity: 0.35, stroke: "var(--theme-foreground-focus, steelblue)", insetTop: 8, insetBottom: 8}),
      Plot.dot(quoted, {x: "value", y: "label", symbol: kind, fill: "var(--theme-foreground-focus, steelblue)", r: 5}),
      Plot.dot(derived, {x: "value", y: "label", symbol: kind, stroke: "currentColor", fill: "none", r: 6, strokeWidth: 1.5}),
      Plot.text(rows as Row[], {x: (row: Row) => row.value ?? row.value_high, y: "label", text: (row: Row) => valueText(row, digits), textAnchor: "start", dx: 9, fill: "currentColor"}),
      Plot.tip(rows as Row[], Plot.pointerY({x: (row: Row) => row.value ?? row.value_high, y: "label", title: (row: Row) => `${row.label}\n${valueText(row, 4)} ${row.unit ?? ""} (${kind(row)})${row.source_id ? `\nsource: ${row.source_id}` : ""}`}))
    ]
  });
}
