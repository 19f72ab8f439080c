// Imports by partner as stacked bars (one partner highlighted), with the reported total from
// all partners as a line: the gap between stack and line is everyone not listed.
import * as Plot from "npm:@observablehq/plot";
import type {Row} from "./figureData.js";

const OTHERS = ["#4e79a7", "#76b7b2", "#9a9a9a", "#b07aa1"];

export function partnerImportsChart(rows: readonly Row[], {width, height = 340, highlight, totalName = "World", yLabel = "Imports (t)"}: {width: number; height?: number; highlight?: string; totalName?: string; yLabel?: string}) {
  const partners = rows.filter((row) => row.partner !== totalName);
  const total = rows.filter((row) => row.partner === totalName);
  const names = [...new Set(partners.map((row) => String(row.partner)))].sort((a, b) => Number(b === highlight) - Number(a === highlight));
  const fmt = (row: Row) => `${row.partner}, ${row.year}: ${Number(row.value).toLocaleString("en-US")} ${row.unit}`;
  return Plot.plot({
    width,
    height,
    marginLeft: 60,
    x: {label: null, type: "band", tickFormat: "d", padding: 0.2},
    y: {label: yLabel, grid: true, tickFormat: "~s"},
    color: {legend: true, domain: [...names, `All partners (${totalName})`], range: [...names.map((name, i) => (name === highlight ? "var(--theme-red, #d62728)" : OTHERS[i % OTHERS.length])), "currentColor"]},
    marks: [
      Plot.barY(partners, Plot.stackY({order: names, x: "year", y: "value", fill: "partner", z: "partner", stroke: "var(--theme-background, white)", strokeWidth: 0.5, title: fmt})),
      Plot.line(total, {x: "year", y: "value", stroke: () => `All partners (${totalName})`, strokeWidth: 1.5}),
      Plot.dot(total, {x: "year", y: "value", fill: () => `All partners (${totalName})`, r: 2.5, title: fmt}),
      Plot.ruleY([0])
    ]
  });
}
