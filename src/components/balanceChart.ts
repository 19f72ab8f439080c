// A balance: the parts a source itemises and the remainder it does not, stacked to the total
// the same source gives, which is drawn as a tick; one bar per period. The remainder is hatched
// grey, since it is computed (total less the items), not published.
import * as Plot from "npm:@observablehq/plot";
import type {Row} from "./rows.js";
import {compactNumber} from "./scales.js";
import {tipLines} from "./tips.js";

const TOTAL = "Production (total)";
const OTHER = "Other (not itemised)";

export function balanceChart(data: readonly Row[], {x = "value", y = "period", part = "end_use", width, height}: {x?: string; y?: string; part?: string; width: number; height?: number}) {
  const parts = data.filter((row) => row[part] !== TOTAL);
  const totals = data.filter((row) => row[part] === TOTAL);
  const names = [...new Set(parts.map((row) => String(row[part])))].filter((name) => name !== OTHER);
  const unit = String(data[0]?.unit ?? "t");
  // A part's number is written inside its bar only where the bar is wide enough to hold it.
  const top = Math.max(1, ...totals.map((row) => Number(row[x]) || 0), ...[...new Set(parts.map((row) => row[y]))].map((period) => parts.filter((row) => row[y] === period).reduce((sum, row) => sum + (Number(row[x]) || 0), 0)));
  const pixels = (value: unknown) => ((Number(value) || 0) / top) * (width - 70);
  const number = (row: Row) => Number(row[x]).toLocaleString("en-US", {maximumFractionDigits: 1});
  const fits = (row: Row) => pixels(row[x]) >= number(row).length * 6.5 + 8;
  const tip = (row: Row) => tipLines({...row, period: row[y]}, {label: part, value: x, detail: (row) => row.how});
  return Plot.plot({
    width,
    height: height ?? 90 + 50 * totals.length,
    marginLeft: 50,
    x: {label: `NdFeB (${unit})`, grid: true, tickFormat: compactNumber},
    y: {label: null, type: "band"},
    color: {legend: true, domain: [...names, OTHER], range: [...["#4e79a7", "#f28e2b", "#59a14f", "#b07aa1", "#76b7b2"].slice(0, names.length), "#bab0ac"]},
    marks: [
      Plot.barX(parts, Plot.stackX({x, y, fill: part, order: [...names, OTHER]})),
      Plot.text(parts, Plot.stackX({x, y, z: part, text: (row: Row) => (fits(row) ? number(row) : ""), fill: "white", fontSize: 10, order: [...names, OTHER]})),
      Plot.tickX(totals, {x, y, stroke: "currentColor", strokeWidth: 3}),
      Plot.text(totals, {x, y, text: (row: Row) => `total ${Number(row[x]).toLocaleString("en-US")} ${row.unit}`, dy: -22, dx: -4, textAnchor: "end", fill: "currentColor", stroke: "var(--theme-background, white)", strokeWidth: 3, paintOrder: "stroke", fontSize: 11}),
      Plot.tip(parts as Row[], Plot.pointer(Plot.stackX({x, y, order: [...names, OTHER], z: part, title: tip}))),
      Plot.tip(totals as Row[], Plot.pointer({x, y, title: tip}))
    ]
  });
}
