// A share in percent over years: one line for the figures in force (broken where a year is
// missing) and hollow rings for those from superseded editions (rows with is_latest_vintage false).
import * as Plot from "npm:@observablehq/plot";
import type {Row} from "./rows.js";
import {breakAtGaps} from "./gaps.js";
import {yearLinear} from "./scales.js";
import {pointerTip} from "./tips.js";

export interface ShareChartOptions {
  width?: number;
  height?: number;
  x?: string;
  y?: string;
  yLabel?: string;
}

export function shareChart(data: readonly Row[], {width = 640, height = 300, x = "year", y = "share_pct", yLabel = "Share of world mine production (%)"}: ShareChartOptions = {}) {
  const current = breakAtGaps(data.filter((row) => row.is_latest_vintage !== false), {x, z: () => "current", step: 1});
  const superseded = data.filter((row) => row.is_latest_vintage === false);
  const accent = "var(--theme-red, #d62728)";
  return Plot.plot({
    width,
    height,
    marginRight: 40,
    x: yearLinear(data.map((row) => row[x]), width),
    y: {label: yLabel, domain: [0, 100], grid: true},
    color: superseded.length ? {legend: true, domain: ["Latest edition", "Superseded edition"], range: [accent, "#ff7f0e"]} : undefined,
    marks: [
      Plot.areaY(current, {x, y, z: "segment", fill: accent, fillOpacity: 0.12}),
      Plot.line(current, {x, y, z: "segment", stroke: accent, strokeWidth: 2}),
      Plot.dot(current, {x, y, fill: accent, r: 3}),
      Plot.text(current, Plot.selectLast({x, y, text: (row: Row) => `${row[y]}%`, dy: -12, fill: "currentColor"})),
      Plot.dot(superseded, {x, y, stroke: "#ff7f0e", fill: "none", r: 5, strokeDasharray: "2,2"}),
      Plot.ruleY([0]),
      pointerTip(data, {x, y, label: "geography", value: (row) => row[y], pointer: "x"})
    ]
  });
}
