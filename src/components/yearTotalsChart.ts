// Whole-year totals as bars, one panel per measure, each bar labelled with the change on the
// previous year as its source states it (never computed here).
import * as Plot from "npm:@observablehq/plot";
import type {Row} from "./rows.js";

export function yearTotalsChart(data: readonly Row[], {x = "year", y = "value", fx = "measure", change = "stated_change_pct", width, height = 300}: {x?: string; y?: string; fx?: string; change?: string; width: number; height?: number}) {
  const label = (row: Row) => (row[change] == null ? "" : `${Number(row[change]) > 0 ? "+" : ""}${row[change]}%`);
  return Plot.plot({
    width,
    height,
    marginLeft: 60,
    marginBottom: 40,
    fx: {label: null, tickFormat: (name: string) => name.replace(/ \(.*\)$/, "")},
    x: {label: null, type: "band", tickFormat: "d"},
    y: {label: "Tonnes per year (t)", grid: true, tickFormat: "~s"},
    color: {legend: false},
    marks: [
      Plot.barY(data, {fx, x, y, fill: fx, fillOpacity: (row: Row) => (row.confidence === "low" ? 0.35 : 0.85)}),
      Plot.text(data, {fx, x, y, text: label, dy: -6, fontSize: 10, fill: "currentColor"}),
      Plot.ruleY([0]),
      Plot.tip(data as Row[], Plot.pointerX({fx, x, y, title: (row: Row) => `${row[fx]}, ${row[x]}\n${Number(row[y]).toLocaleString("en-US")} ${row.unit}${row.basis ? ` (${row.basis})` : ""}${row[change] == null ? "" : `, ${label(row)} on the year before (as stated)`}${row.source_name ?? row.source_id ? `\nSource: ${row.source_name ?? row.source_id}` : ""}`}))
    ]
  });
}
