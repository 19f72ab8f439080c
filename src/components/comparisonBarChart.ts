// Horizontal bars grouped by category, one bar per period: "NEVs 2024 vs 2025E". Estimates,
// forecasts and targets are pale with a dashed outline; lower bounds are labelled "≥".
import * as Plot from "npm:@observablehq/plot";
import {byBasis, dashOf, fillOpacityOf, valueText, type Row} from "./basisMarks.js";
import {pointerTip} from "./tips.js";

const HEADING = "\u200b"; // the band each category's name is written in, above its bars

export interface ComparisonBarOptions {
  width?: number;
  /** The x axis label, with the unit: "NdFeB demand (t)". */
  xLabel: string;
  /** Categories in display order (defaults to the order of the rows). */
  categories?: string[];
  /** Decimals in the bar labels. */
  digits?: number;
}

/** Rows need: category, period, value, basis; bound, unit, source_id are shown when present. */
export function comparisonBarChart(rows: readonly Row[], {width = 640, xLabel, categories, digits = 0}: ComparisonBarOptions) {
  const domain = categories ?? [...new Set(rows.map((row) => String(row.category)))];
  const periods = [...new Set(rows.map((row) => String(row.period)))];
  const basisTag = (row: Row) => (row.basis === "actual" ? "" : ` (${row.basis})`);
  return Plot.plot({
    width,
    height: 40 + domain.length * ((periods.length + 1) * 24 + 8),
    marginLeft: 70,
    marginRight: 110,
    x: {label: xLabel, grid: true, nice: true, zero: true},
    y: {label: null, domain: [HEADING, ...periods], tickSize: 0},
    fy: {label: null, domain, axis: null},
    color: {domain},
    marks: [
      ...byBasis(rows).map(([basis, group]) =>
        Plot.barX(group, {x: "value", y: "period", fy: "category", fill: "category", fillOpacity: fillOpacityOf(basis) || 0.05, stroke: "category", strokeDasharray: dashOf(basis), inset: 2})
      ),
      Plot.ruleX([0]),
      Plot.text(domain.map((category) => ({category})), {fy: "category", y: () => HEADING, text: "category", frameAnchor: "left", dx: 4, textAnchor: "start", fontWeight: "bold", fill: "currentColor"}),
      Plot.text(rows as Row[], {x: "value", y: "period", fy: "category", text: (row: Row) => valueText(row, digits) + basisTag(row), textAnchor: "start", dx: 4, fill: "currentColor"}),
      pointerTip(rows, {x: "value", y: "period", fy: "category", label: "category", pointer: "y"})
    ]
  });
}
