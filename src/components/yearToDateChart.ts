// Cumulative totals from January, one line per year and customs basis, plotted against the
// month they run to, so a reader can compare how far each year had got by the same month. Only
// each line's last point carries its number (the tooltip gives the others); lines ending in the
// same month have their labels moved apart vertically, so they never collide.
import * as Plot from "npm:@observablehq/plot";
import type {Row} from "./rows.js";
import {breakAtGaps} from "./gaps.js";
import {compactNumber} from "./scales.js";
import {pointerTip} from "./tips.js";

const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

export interface YearToDateOptions {
  width?: number;
  height?: number;
  /** The month (1–12) a cumulative figure runs to. */
  x?: string;
  y?: string;
  /** Names each line ("2025, all permanent magnets"). */
  z?: string | ((row: Row) => string);
  yLabel?: string;
}

export function yearToDateChart(data: readonly Row[], {width = 640, height = 320, x = "through_month", y = "value", z = "series", yLabel = "Exports since January (t)"}: YearToDateOptions = {}) {
  const series = (row: Row) => String(typeof z === "function" ? z(row) : row[z]);
  const every = width < 500 ? 2 : 1;
  const labels = endLabels(data, {x, y, series, height});
  return Plot.plot({
    width,
    height,
    marginLeft: 50,
    marginRight: 60,
    x: {label: "Through month", domain: [1, 12], ticks: MONTHS.map((_, i) => i + 1).filter((m) => (m - 1) % every === 0), tickFormat: (m: number) => MONTHS[m - 1]},
    y: {label: yLabel, grid: true, zero: true, nice: true, tickFormat: compactNumber},
    color: {legend: true, domain: [...new Set(data.map(series))]},
    marks: [
      // A month with no published running total breaks the line: Jul → Oct is not drawn as if measured.
      Plot.line(breakAtGaps(data, {x, z: series, step: 1}), {x, y, stroke: series, z: "segment", strokeWidth: 1.5}),
      Plot.dot(data, {x, y, fill: series, r: 4}),
      Plot.text(labels, {x, y: "label_y", text: (row: Row) => compactNumber(Number(row[y])), dx: 8, textAnchor: "start", fontSize: 10, fill: "currentColor"}),
      Plot.ruleY([0]),
      pointerTip(data, {x, y, label: series})
    ]
  });
}

/**
 * Each line's last point, with `label_y` where its number is written: at the point, or moved
 * down just enough to sit 12 px below the label above it when lines end in the same month.
 */
export function endLabels(data: readonly Row[], {x, y, series, height, gap = 12}: {x: string; y: string; series: (row: Row) => string; height: number; gap?: number}): Row[] {
  const last = new Map<string, Row>();
  for (const row of data) if (row[y] != null) last.set(series(row), row);
  const top = Math.max(0, ...data.map((row) => Number(row[y]) || 0));
  // The plot's inner height is its height less about 50 px of margins; y runs from 0 to about the top.
  const perPixel = top / Math.max(1, height - 50);
  const byMonth = new Map<unknown, Row[]>();
  for (const row of last.values()) byMonth.set(row[x], [...(byMonth.get(row[x]) ?? []), row]);
  return [...byMonth.values()].flatMap((rows) => {
    const placed: Row[] = [];
    for (const row of [...rows].sort((a, b) => Number(b[y]) - Number(a[y]))) {
      const above = placed.at(-1);
      const at = Number(row[y]);
      placed.push({...row, label_y: above ? Math.min(at, Number(above.label_y) - gap * perPixel) : at});
    }
    return placed;
  });
}
