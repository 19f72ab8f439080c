// China's quotas by year: mining quotas as bars split into the parts that were published (rock
// and ion-adsorption, or light and medium-heavy), the stated mining total as a tick on each bar,
// and the smelting/separation quota as a line. Estimates (the SMM forum's 2025 figures) are hollow.
import * as Plot from "npm:@observablehq/plot";
import {BASIS_DASH, BASIS_FILL_OPACITY, basesIn, basisOf} from "./basisStyle.js";
import type {Row} from "./figureData.js";

const PART_COLORS = {rock: "#4e79a7", "ion-adsorption": "#f28e2b", light: "#76b7b2", "medium and heavy": "#b07aa1", "total (parts not published)": "#9a9a9a"};

export function quotaChart(rows: readonly Row[], {width, height = 380}: {width: number; height?: number}) {
  const mining = rows.filter((row) => row.quota === "Mining");
  const yearsWithParts = new Set(mining.filter((row) => row.part !== "total").map((row) => `${row.year}|${row.basis}`));
  const bars = mining
    .filter((row) => row.part !== "total" || !yearsWithParts.has(`${row.year}|${row.basis}`))
    .map((row) => ({...row, part: row.part === "total" ? "total (parts not published)" : row.part}));
  const totals = mining.filter((row) => row.part === "total");
  const smelting = rows.filter((row) => row.quota !== "Mining");
  const label = (row: Row) => `${row.quota} quota ${row.year}, ${row.part}: ${Number(row.value).toLocaleString("en-US")} ${row.unit} (${row.basis})`;
  return Plot.plot({
    width,
    height,
    marginLeft: 60,
    x: {label: null, tickFormat: "d", type: "band", padding: 0.2},
    y: {label: "Quota (t REO)", grid: true, tickFormat: "~s"},
    color: {legend: true, domain: [...Object.keys(PART_COLORS), "Smelting and separation"], range: [...Object.values(PART_COLORS), "currentColor"]},
    marks: [
      // One mark per basis: Plot takes a dash pattern per mark, not per bar. A year's parts share a basis.
      ...basesIn(bars).map((basis) =>
        Plot.barY(bars.filter((row) => basisOf(row) === basis), Plot.stackY({
          x: "year", y: "value", fill: "part", stroke: "part", fillOpacity: BASIS_FILL_OPACITY[basis],
          strokeDasharray: BASIS_DASH[basis], strokeWidth: 1.5, title: label
        }))
      ),
      Plot.tickY(totals, {x: "year", y: "value", stroke: "currentColor", strokeWidth: 2, title: (row: Row) => `Stated mining total: ${label(row)}`}),
      Plot.line(smelting, {x: "year", y: "value", stroke: () => "Smelting and separation", strokeWidth: 1.5, strokeDasharray: "1,0"}),
      Plot.dot(smelting, {
        x: "year", y: "value", stroke: () => "Smelting and separation", r: 4,
        fill: (row: Row) => (basisOf(row) === "actual" ? "Smelting and separation" : "none"), title: label
      }),
      Plot.ruleY([0])
    ]
  });
}
