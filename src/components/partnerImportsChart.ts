// Imports by partner as stacked bars (one partner highlighted), with the reported total from
// all partners as a line: the gap between stack and line is everyone not listed.
import * as Plot from "npm:@observablehq/plot";
import type {Row} from "./rows.js";
import {breakAtGaps} from "./gaps.js";
import {compactNumber, yearBand} from "./scales.js";
import {pointerTip} from "./tips.js";

const OTHERS = ["#4e79a7", "#76b7b2", "#9a9a9a", "#b07aa1"];

export interface PartnerImportsOptions {
  width?: number;
  height?: number;
  x?: string;
  y?: string;
  /** The column naming the partner; the row named `totalName` is the reported total. */
  z?: string;
  highlight?: string;
  totalName?: string;
  yLabel?: string;
}

export function partnerImportsChart(rows: readonly Row[], {width = 640, height = 340, x = "year", y = "value", z = "partner", highlight, totalName = "World", yLabel = "Imports (t)"}: PartnerImportsOptions = {}) {
  const partners = rows.filter((row) => row[z] !== totalName).map((row) => ({...row, partner: row[z]}));
  const total = breakAtGaps(rows.filter((row) => row[z] === totalName), {x, z: () => totalName, step: 1});
  const names = [...new Set(partners.map((row) => String(row.partner)))].sort((a, b) => Number(b === highlight) - Number(a === highlight));
  return Plot.plot({
    width,
    height,
    marginLeft: 50,
    x: yearBand(rows.map((row) => row[x]), width),
    y: {label: yLabel, grid: true, tickFormat: compactNumber},
    color: {legend: true, domain: [...names, ...(total.length ? [`All partners (${totalName})`] : [])], range: [...names.map((name, i) => (name === highlight ? "var(--theme-red, #d62728)" : OTHERS[i % OTHERS.length])), "currentColor"]},
    marks: [
      Plot.barY(partners, Plot.stackY({order: names, x, y, fill: "partner", z: "partner", stroke: "var(--theme-background, white)", strokeWidth: 0.5})),
      Plot.line(total, {x, y, z: "segment", stroke: () => `All partners (${totalName})`, strokeWidth: 1.5}),
      Plot.dot(total, {x, y, fill: () => `All partners (${totalName})`, r: 2.5}),
      Plot.ruleY([0]),
      pointerTip([...total, ...partners.filter((row) => row.partner === highlight)], {x, y, label: z, pointer: "x"})
    ]
  });
}
