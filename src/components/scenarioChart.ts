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
  // On a phone the row names shorten and a published figure's basis goes under its number, so
  // the bars keep most of the width instead of a quarter of it.
  const narrow = width < 520;
  const rowName = (kind: string) => (narrow && kind === "Your assumption" ? "Yours" : kind);
  const valueText = (row: Row) => `${boundPrefix(row)}${formatNumber(row.tonnes, 0)}${row.kind === "Published" ? `${narrow ? "\n" : " ("}${row.basis} ${row.period}${narrow ? "" : ")"}` : ""}`;
  return Plot.plot({
    width,
    height: 40 + labels.length * (narrow ? 86 : 78),
    marginLeft: narrow ? 70 : 120,
    marginRight: narrow ? 92 : 150,
    x: {label: xLabel, grid: true, nice: true, zero: true, ticks: narrow ? 3 : undefined},
    y: {label: null, domain: [HEADING, "Your assumption", "Published"], tickSize: 0, tickFormat: rowName},
    fy: {label: null, domain: labels, axis: null},
    marks: [
      Plot.barX(mine, {x: "tonnes", y: "kind", fy: "label", fill: ASSUMPTION_COLOR, inset: 2}),
      ...[...new Set(published.map(basisOf))].map((basis) =>
        Plot.barX(published.filter((row) => basisOf(row) === basis), {x: "tonnes", y: "kind", fy: "label", fill: "currentColor", fillOpacity: fillOpacityOf(basis) || 0.05, stroke: "currentColor", strokeDasharray: dashOf(basis), inset: 2})
      ),
      Plot.ruleX([0]),
      Plot.text(headings, {fy: "label", text: "label", y: () => HEADING, frameAnchor: "left", dx: 4, textAnchor: "start", fontWeight: "bold", fill: "currentColor"}),
      Plot.text(rows as Row[], {x: "tonnes", y: "kind", fy: "label", text: valueText, textAnchor: "start", dx: 4, fill: "currentColor", fontSize: narrow ? 10 : undefined}),
      pointerTip(rows, {x: "tonnes", y: "kind", fy: "label", value: "tonnes", unit: "t", label: (row) => `${row.label}: ${row.kind}`, pointer: "y"})
    ]
  });
}
