// How much magnet goes into one unit (kg per vehicle, per MW, per robot): published ranges
// as bars, published single figures as dots, figures derived on this site (published demand
// ÷ published units) as hollow diamonds, so a reader can tell quoted from computed. Long
// labels (or a narrow screen) go above their row instead of being clipped on the left.
import * as Plot from "npm:@observablehq/plot";
import {valueText, type Row} from "./basisMarks.js";
import {pointerTip} from "./tips.js";

export interface IntensityRangeOptions {
  width?: number;
  /** The column naming each row. */
  y?: string;
  /** The x axis label, with the unit: "NdFeB per vehicle (kg)". */
  xLabel?: string;
  digits?: number;
}

const CHAR_PX = 6.4;

/** Rows need: label, value or value_low/value_high, derived (boolean); unit, source_id optional. */
export function intensityRangeChart(data: readonly Row[], {width = 640, y = "label", xLabel, digits = 2}: IntensityRangeOptions = {}) {
  const rows: Row[] = data.map((row) => ({...row, label: String(row[y])}));
  const labels = [...new Set(rows.map((row) => String(row.label)))];
  const longest = Math.max(0, ...labels.map((label) => label.length));
  const above = longest * CHAR_PX > width / 3;
  const shift = above ? 8 : 0;
  const ranges = rows.filter((row) => row.value == null && row.value_low != null);
  const quoted = rows.filter((row) => row.value != null && !row.derived);
  const derived = rows.filter((row) => row.value != null && row.derived);
  const kind = (row: Row) => (row.derived ? "derived here" : "published");
  const accent = "var(--theme-foreground-focus, steelblue)";
  return Plot.plot({
    width,
    height: 50 + labels.length * (above ? 50 : 34),
    marginLeft: above ? 10 : 12 + CHAR_PX * longest,
    marginRight: 60,
    x: {label: xLabel ?? null, grid: true, zero: true, nice: true},
    y: {label: null, domain: labels, axis: above ? null : "left"},
    // Each kind keeps its own symbol when the other is absent (a domain of "derived here" alone
    // must not take the first symbol of the range).
    symbol: {...symbols(rows.filter((row) => row.value != null).map(kind)), legend: true},
    marks: [
      Plot.barX(ranges, {x1: "value_low", x2: "value_high", y: "label", fill: accent, fillOpacity: 0.35, stroke: accent, insetTop: 8 + 2 * shift, insetBottom: 8}),
      above ? Plot.text(labels, {y: (label: string) => label, text: (label: string) => label, frameAnchor: "left", dy: -16, textAnchor: "start", lineWidth: (width - 40) / 12, fill: "currentColor"}) : null,
      Plot.dot(quoted, {x: "value", y: "label", dy: shift, symbol: kind, fill: accent, r: 5}),
      Plot.dot(derived, {x: "value", y: "label", dy: shift, symbol: kind, stroke: "currentColor", fill: "none", r: 6, strokeWidth: 1.5}),
      Plot.text(rows, {x: (row: Row) => row.value ?? row.value_high, y: "label", dy: shift, text: (row: Row) => valueText(row, digits), textAnchor: "start", dx: 9, fill: "currentColor"}),
      pointerTip(rows, {x: (row: Row) => row.value ?? row.value_high, y: "label", pointer: "y"})
    ]
  });
}

const SYMBOLS = {published: "circle", "derived here": "diamond"} as const;

/** The symbol scale for the kinds that occur: each kind with its own symbol, in a fixed order. */
export function symbols(kinds: readonly string[]): {domain: string[]; range: string[]} {
  const domain = (Object.keys(SYMBOLS) as (keyof typeof SYMBOLS)[]).filter((name) => kinds.includes(name));
  return {domain, range: domain.map((name) => SYMBOLS[name])};
}
