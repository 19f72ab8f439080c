// The reader's scenario next to the published figures: for each end use, a solid accent bar
// for "Your assumption" and a pale, dashed bar for the published estimate or forecast.
import * as Plot from "npm:@observablehq/plot";
import {basisOf} from "./basisStyle.js";
import {boundPrefix, dashOf, fillOpacityOf, formatNumber, type Row} from "./basisMarks.js";
import {pointerTip} from "./tips.js";

export const ASSUMPTION_COLOR = "#e8702a";
const HEADING = "\u200b"; // the band each facet's name is written in, above its bars

export interface ScenarioChartOptions {
  width?: number;
  /** The x axis label, with the unit: "NdFeB demand (t)". */
  xLabel: string;
}

/** Rows as made by compareWithPublished (label, kind, tonnes, basis, period). */
export function scenarioChart(rows: readonly Row[], {width = 640, xLabel}: ScenarioChartOptions) {
  const labels = [...new Set(rows.map((row) => String(row.label)))];
  const mine = rows.filter((row) => row.kind !== "Published");
  const published = rows.filter((row) => row.kind === "Published");
  const headings = labels.map((label) => ({label}));
  return Plot.plot({
    width,
    height: 40 + labels.length * 78,
    marginLeft: 120,
    marginRight: 150,
    x: {label: xLabel, grid: true, nice: true, zero: true},
    y: {label: null, domain: [HEADING, "Your assumption", "Published"], tickSize: 0},
    fy: {label: null, domain: labels, axis: null},
    marks: [
      Plot.barX(mine, {x: "tonnes", y: "kind", fy: "label", fill: ASSUMPTION_COLOR, inset: 2}),
      ...[...new Set(published.map(basisOf))].map((basis) =>
        Plot.barX(published.filter((row) => basisOf(row) === basis), {x: "tonnes", y: "kind", fy: "label", fill: "currentColor", fillOpacity: fillOpacityOf(basis) || 0.05, stroke: "currentColor", strokeDasharray: dashOf(basis), inset: 2})
      ),
      Plot.ruleX([0]),
      Plot.text(headings, {fy: "label", text: "label", y: () => HEADING, frameAnchor: "left", dx: 4, textAnchor: "start", fontWeight: "bold", fill: "currentColor"}),
      Plot.text(rows as Row[], {x: "tonnes", y: "kind", fy: "label", text: (row: Row) => `${boundPrefix(row)}${formatNumber(row.tonnes, 0)}${row.kind === "Published" ? ` (${row.basis} ${row.period})` : ""}`, textAnchor: "start", dx: 4, fill: "currentColor"}),
      pointerTip(rows, {x: "tonnes", y: "kind", fy: "label", value: "tonnes", unit: "t", label: (row) => `${row.label}: ${row.kind}`, pointer: "y"})
    ]
  });
}
