// Parts of a published total as stacked bars per year (one part highlighted), with the total as
// published drawn as a line (broken where a year is missing): the gap between the stack and the
// line is what the source does not assign to a listed part. World mine production by country
// (Supply) and China's imports by partner (Trade) are both this chart.
//
// When the rows include superseded editions (is_latest_vintage false), the highlighted part's and
// the total's superseded figures are drawn as hollow rings, so a reader sees how much they moved.
import * as Plot from "npm:@observablehq/plot";
import type {Row} from "./rows.js";
import {breakAtGaps} from "./gaps.js";
import {compactNumber, yearBand} from "./scales.js";
import {pointerTip} from "./tips.js";
import {BASIS_FILL_OPACITY, basisOf} from "./basisStyle.js";

const HIGHLIGHT = "var(--theme-red, #d62728)";
const OTHERS = ["#4e79a7", "#76b7b2", "#9a9a9a", "#b07aa1"];

export interface StackedTotalOptions {
  width?: number;
  height?: number;
  x?: string;
  y?: string;
  /** The column naming the part; the row named `total` is the published total. */
  z?: string;
  /** The part drawn in red, at the bottom of the stack. */
  highlight?: string;
  /** The name the total goes by in the `z` column. */
  total?: string;
  /** The total's name in the legend and tooltip. */
  totalLabel?: string;
  /** When set, every part but the highlighted one is drawn as one grey group of this name; else each part has its colour. */
  others?: string;
  yLabel?: string;
  /** The year band's padding (see scales.ts yearBand). */
  padding?: number;
}

export function stackedTotalChart(
  data: readonly Row[],
  {width = 640, height = 360, x = "year", y = "value", z = "geography", highlight, total = "World", totalLabel = `${total} total`, others, yLabel, padding}: StackedTotalOptions = {}
) {
  const latest = data.filter((row) => row.is_latest_vintage !== false);
  const superseded = data.filter((row) => row.is_latest_vintage === false && (row[z] === total || row[z] === highlight));
  const parts = latest.filter((row) => row[z] !== total);
  const line = breakAtGaps(latest.filter((row) => row[z] === total), {x, z: () => totalLabel, step: 1});
  const names = [...new Set(parts.map((row) => String(row[z])))].sort((a, b) => Number(b === highlight) - Number(a === highlight));
  // What each bar is filled as: its part's own name, or the grey group for all but the highlight.
  const fill = (row: Row) => (others && row[z] !== highlight ? others : String(row[z]));
  const groups = others ? names.filter((name) => name === highlight).concat(names.some((name) => name !== highlight) ? [others] : []) : names;
  const entries: [string, string][] = [
    ...groups.map((name, i): [string, string] => [name, name === highlight ? HIGHLIGHT : others ? "#9a9a9a" : OTHERS[i % OTHERS.length]]),
    ...(line.length ? [[totalLabel, "currentColor"] as [string, string]] : []),
    ...(superseded.length ? [["Superseded edition", "#ff7f0e"] as [string, string]] : [])
  ];
  return Plot.plot({
    width,
    height,
    marginLeft: 50,
    x: yearBand(data.map((row) => row[x]), width, padding == null ? {} : {padding}),
    y: {label: yLabel, grid: true, tickFormat: compactNumber},
    color: {legend: true, domain: entries.map(([name]) => name), range: entries.map(([, color]) => color)},
    marks: [
      Plot.barY(parts, Plot.stackY({order: (row: Row) => names.indexOf(String(row[z]))}, {x, y, z, fill, fillOpacity: (row: Row) => BASIS_FILL_OPACITY[basisOf(row)], stroke: "var(--theme-background, white)", strokeWidth: 0.5})),
      Plot.line(line, {x, y, z: "segment", stroke: () => totalLabel, strokeWidth: 1.5}),
      Plot.dot(line, {x, y, fill: () => totalLabel, r: 2.5}),
      Plot.dot(superseded, {x, y, stroke: () => "Superseded edition", fill: "none", r: 5, strokeWidth: 1.5, strokeDasharray: "2,2"}),
      Plot.ruleY([0]),
      pointerTip([...line, ...parts.filter((row) => row[z] === highlight), ...superseded], {
        x,
        y,
        label: (row) => `${row[z] === total ? totalLabel : row[z]}${row.is_latest_vintage === false ? ` (superseded, ${row.vintage})` : ""}`
      })
    ]
  });
}
