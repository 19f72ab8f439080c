// Exports per year: whole years as solid bars; a year-to-date total as a hollow dashed bar beside
// the same year's full-year bar (never on top of it), labelled with its period; and, where a row
// is a quota, a tick. Every year of the span keeps its slot, so a year with no figure is a gap.
import * as Plot from "npm:@observablehq/plot";
import {BASIS_DASH} from "./basisStyle.js";
import type {Row} from "./rows.js";
import {compactNumber, yearBand} from "./scales.js";
import {pointerTip} from "./tips.js";

export interface AnnualExportsOptions {
  width?: number;
  height?: number;
  x?: string;
  y?: string;
  /** The column saying whether a figure covers the whole year ("whole year") or part of it. */
  coverage?: string;
  /** Rows that are a quota, drawn as a tick. */
  isQuota?: (row: Row) => boolean;
}

export function annualExportsChart(data: readonly Row[], {width = 640, height = 340, x = "year", y = "value", coverage = "coverage", isQuota = () => false}: AnnualExportsOptions = {}) {
  const quota = data.filter(isQuota);
  const flows = data.filter((row) => !isQuota(row));
  const whole = flows.filter((row) => row[coverage] === "whole year");
  const partial = flows.filter((row) => row[coverage] !== "whole year");
  const scale = yearBand(data.map((row) => row[x]), width, {padding: 0.2});
  // Where a year has both, the full-year bar takes the left half of the slot and the part-year bar the right.
  const bandwidth = ((width - 50 - 20) / Math.max(1, scale.domain.length)) * 0.8;
  const shared = new Set(partial.map((row) => row[x]).filter((year) => whole.some((row) => row[x] === year)));
  const half = bandwidth / 2 + 0.5;
  const colors = {"Whole year": "var(--theme-blue, #4e79a7)", "Part of the year": "#f28e2b", "Export quota": "currentColor"};
  const drawn = (Object.keys(colors) as (keyof typeof colors)[]).filter((name) => (name === "Whole year" ? whole : name === "Part of the year" ? partial : quota).length > 0);
  const partialBar = {x, y, fill: () => "Part of the year", fillOpacity: 0.3, stroke: () => "Part of the year", strokeDasharray: BASIS_DASH.estimate, strokeWidth: 1.5};
  return Plot.plot({
    width,
    height,
    marginLeft: 50,
    marginRight: 20,
    x: scale,
    y: {label: "Exports (t)", grid: true, tickFormat: compactNumber},
    color: {legend: true, domain: drawn, range: drawn.map((name) => colors[name])},
    marks: [
      Plot.barY(whole.filter((row) => !shared.has(row[x])), {x, y, fill: () => "Whole year"}),
      Plot.barY(whole.filter((row) => shared.has(row[x])), {x, y, fill: () => "Whole year", insetRight: half}),
      Plot.barY(partial.filter((row) => !shared.has(row[x])), partialBar),
      Plot.barY(partial.filter((row) => shared.has(row[x])), {...partialBar, insetLeft: half}),
      Plot.text(partial, {x, y, text: (row: Row) => String(row.period), dy: -6, dx: shared.size ? bandwidth / 4 : 0, lineAnchor: "bottom", fontSize: 10, fill: "currentColor", rotate: width < 640 ? -90 : 0, textAnchor: width < 640 ? "start" : "middle"}),
      Plot.tickY(quota, {x, y, stroke: () => "Export quota", strokeWidth: 2.5}),
      Plot.ruleY([0]),
      pointerTip(data, {x, y, label: (row) => (isQuota(row) ? "Export quota" : row[coverage] === "whole year" ? "Exports, whole year" : "Exports, part of the year"), pointer: "x"})
    ]
  });
}
