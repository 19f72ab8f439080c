// China's quotas by year: mining quotas as bars split into the parts that were published (rock
// and ion-adsorption, or light and medium-heavy), the stated mining total as a tick on each bar,
// and the smelting/separation quota as a line (broken where a year is missing). Every year of
// the span has its slot, so 2011 is not drawn next to 2018. Estimates are hollow and dashed.
import * as Plot from "npm:@observablehq/plot";
import {basisOf} from "./basisStyle.js";
import {byBasis, dashOf, fillOpacityOf} from "./basisMarks.js";
import type {Row} from "./rows.js";
import {breakAtGaps} from "./gaps.js";
import {compactNumber, yearBand} from "./scales.js";
import {pointerTip} from "./tips.js";

const PART_COLORS: Record<string, string> = {rock: "#4e79a7", "ion-adsorption": "#f28e2b", light: "#76b7b2", "medium and heavy": "#b07aa1", "total (parts not published)": "#9a9a9a"};
const SMELTING = "Smelting and separation quota";
const SMELTING_COLOR = "#59a14f";
const STATED = "Stated mining total";

export interface QuotaChartOptions {
  width?: number;
  height?: number;
  x?: string;
  y?: string;
  /** The column saying which quota a row is ("Mining" or the smelting quota). */
  quota?: string;
  /** The column naming the published part ("rock", "ion-adsorption", …, or "total"). */
  part?: string;
}

export function quotaChart(data: readonly Row[], {width = 640, height = 380, x = "year", y = "value", quota = "quota", part = "part"}: QuotaChartOptions = {}) {
  const mining = data.filter((row) => row[quota] === "Mining");
  const yearsWithParts = new Set(mining.filter((row) => row[part] !== "total").map((row) => `${row[x]}|${basisOf(row)}`));
  const bars = mining
    .filter((row) => row[part] !== "total" || !yearsWithParts.has(`${row[x]}|${basisOf(row)}`))
    .map((row) => ({...row, [part]: row[part] === "total" ? "total (parts not published)" : row[part]}));
  const totals = mining.filter((row) => row[part] === "total" && yearsWithParts.has(`${row[x]}|${basisOf(row)}`));
  const smelting = breakAtGaps(data.filter((row) => row[quota] !== "Mining"), {x, z: () => SMELTING, step: 1});
  // The legend lists only what is drawn.
  const parts = Object.keys(PART_COLORS).filter((name) => bars.some((row) => row[part] === name));
  const domain = [...parts, ...(totals.length ? [STATED] : []), ...(smelting.length ? [SMELTING] : [])];
  const range = domain.map((name) => PART_COLORS[name] ?? (name === SMELTING ? SMELTING_COLOR : "currentColor"));
  return Plot.plot({
    width,
    height,
    marginLeft: 50,
    x: yearBand(data.map((row) => row[x]), width),
    y: {label: "Quota (t REO)", grid: true, tickFormat: compactNumber, nice: true, zero: true},
    color: {legend: true, domain, range},
    marks: [
      // One mark per basis: Plot takes a dash pattern per mark, not per bar. A year's parts share a basis.
      ...byBasis(bars).map(([basis, group]) =>
        Plot.barY(group, Plot.stackY({x, y, fill: part, stroke: part, fillOpacity: fillOpacityOf(basis), strokeDasharray: dashOf(basis), strokeWidth: 1.5}))
      ),
      Plot.tickY(totals, {x, y, stroke: () => STATED, strokeWidth: 2}),
      ...byBasis(smelting).map(([basis, group]) => Plot.line(group, {x, y, z: "segment", stroke: () => SMELTING, strokeWidth: 2, strokeDasharray: dashOf(basis)})),
      Plot.line(bridges(smelting, x), {x, y, z: "segment", stroke: () => SMELTING, strokeWidth: 2, strokeDasharray: dashOf("estimate")}),
      ...byBasis(smelting).map(([basis, group]) =>
        Plot.dot(group, {x, y, stroke: () => SMELTING, r: 4, strokeWidth: 1.5, fill: basis === "actual" ? () => SMELTING : "var(--theme-background, white)"})
      ),
      Plot.ruleY([0]),
      pointerTip([...bars, ...totals, ...smelting], {x, y: (row) => row[y], label: (row) => (row[quota] === "Mining" ? `Mining quota, ${row[part]}` : SMELTING), pointer: "xy"})
    ]
  });
}

/** The dashed step from the last actual to the first projected point of a segment, so the line reads as one. */
function bridges(rows: readonly (Row & {segment: string})[], x: string): Row[] {
  const out: Row[] = [];
  for (let i = 1; i < rows.length; i++) {
    const [a, b] = [rows[i - 1], rows[i]];
    if (a.segment === b.segment && basisOf(a) === "actual" && basisOf(b) !== "actual" && a[x] !== b[x]) out.push({...a, segment: `bridge${i}`}, {...b, segment: `bridge${i}`});
  }
  return out;
}
