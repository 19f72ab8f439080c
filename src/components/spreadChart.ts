// The China vs ex-China spread: for each period quoted on both sides, the China price and the
// ex-China price as two dots joined by a rule, labelled with the spread in percent.
import * as Plot from "npm:@observablehq/plot";
import type {Row} from "./rows.js";
import {formatNumber} from "./basisMarks.js";
import {tipLines} from "./tips.js";

export function spreadChart(data: readonly Row[], {x = "date", china = "china_price", exChina = "ex_china_price", label = "spread_pct", width, height = 260}: {x?: string; china?: string; exChina?: string; label?: string; width: number; height?: number}) {
  const unit = String(data[0]?.unit ?? "");
  const tip = (row: Row) =>
    tipLines(row, {
      label: (row) => `${row.ex_china_market} against ${row.china_market}`,
      value: "spread",
      detail: (row) => `${Number(row[label]) > 0 ? "+" : ""}${row[label]}% of the China price`,
      notes: (row) => [`China: ${formatNumber(row[china])} ${unit}; ex-China: ${formatNumber(row[exChina])} ${unit}`]
    });
  return Plot.plot({
    width,
    height,
    marginLeft: 64,
    x: {type: "utc", label: null, nice: true, inset: 40, ticks: Math.max(2, Math.floor(width / 120)), tickFormat: "%b %Y"},
    y: {label: `Price (${unit})`, grid: true, zero: true, nice: true},
    color: {legend: true, domain: ["China", "ex-China"]},
    marks: [
      Plot.ruleX(data, {x, y1: china, y2: exChina, stroke: "var(--theme-foreground-muted, #888)"}),
      Plot.dot(data, {x, y: china, fill: () => "China", r: 5}),
      Plot.dot(data, {x, y: exChina, fill: () => "ex-China", r: 5}),
      Plot.tip(data as Row[], Plot.pointerX({x, y: exChina, title: tip})),
      Plot.text(data, {x, y: exChina, text: (row: Row) => `${Number(row[label]) > 0 ? "+" : ""}${row[label]}%`, dx: 10, textAnchor: "start", fill: "currentColor"})
    ]
  });
}
