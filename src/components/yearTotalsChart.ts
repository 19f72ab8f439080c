// Whole-year totals as bars, one panel per measure stacked top to bottom (so each panel has the
// page's full width, at 390 px too), each bar labelled with the change on the previous year as
// its source states it (never computed here). The panel's name stands at its top left, whole:
// on a narrow screen a long name wraps onto a second line and the panel makes room for it.
import * as Plot from "npm:@observablehq/plot";
import {wrapText} from "./eventMarks.js";
import type {Row} from "./rows.js";
import {tipLines} from "./tips.js";
import {compactNumber} from "./scales.js";

const PANEL = 120;

export function yearTotalsChart(data: readonly Row[], {x = "year", y = "value", fy = "measure", change = "stated_change_pct", width}: {x?: string; y?: string; fy?: string; change?: string; width: number}) {
  const label = (row: Row) => (row[change] == null ? "" : `${Number(row[change]) > 0 ? "+" : ""}${row[change]}%`);
  const panels = [...new Set(data.map((row) => String(row[fy])))];
  const marginLeft = 56;
  // Bold 11 px text: up to about 7.6 px a character. A name longer than the frame wraps at its
  // spaces onto a second line (cut only past two lines), so the panels stay told apart at 390 px.
  const nameChars = Math.max(12, Math.floor((width - marginLeft - 10) / 7.6));
  const names = new Map(panels.map((name) => [name, wrapText(`${name} (t)`, nameChars)]));
  const lines = Math.max(1, ...[...names.values()].map((wrapped) => wrapped.length));
  const extra = (lines - 1) * 14;
  return Plot.plot({
    width,
    height: 30 + (PANEL + extra) * panels.length,
    marginLeft,
    marginTop: 6,
    marginBottom: 24,
    fy: {label: null, axis: null, domain: panels, padding: 0.12},
    x: {label: null, type: "band", tickFormat: "d", padding: 0.25},
    // Room above the tallest bar for its label and the panel's name.
    y: {label: null, grid: true, tickFormat: compactNumber, insetTop: 30 + extra, ticks: 3},
    color: {legend: false, domain: panels},
    marks: [
      Plot.barY(data, {fy, x, y, fill: fy, fillOpacity: (row: Row) => (row.confidence === "low" ? 0.35 : 0.85)}),
      Plot.text(data, {fy, x, y, text: label, dy: -6, fontSize: 10, fill: "currentColor"}),
      Plot.text(panels, {fy: (name: string) => name, text: (name: string) => names.get(name)!.join("\n"), lineAnchor: "top", frameAnchor: "top-left", dx: 2, dy: 0, fontSize: 11, fontWeight: "bold", fill: "currentColor"}),
      Plot.ruleY([0]),
      Plot.tip(data as Row[], Plot.pointerX({fy, x, y, title: (row: Row) => tipLines({...row, period: row[x]}, {label: fy, value: y, detail: (row) => (row[change] == null ? null : `${label(row)} on the year before, as stated`)})}))
    ]
  });
}

