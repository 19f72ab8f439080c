// World mine production as stacked bars by country (one highlighted, the rest grey), the world
// total as a line, and — when the rows include superseded USGS editions — those editions'
// figures as hollow rings, so a reader sees how much the published numbers moved.
import * as Plot from "npm:@observablehq/plot";
import type {Row} from "./figureData.js";

export interface MineProductionOptions {
  width: number;
  height?: number;
  /** The country drawn in colour. */
  highlight?: string;
}

export function mineProductionChart(rows: readonly Row[], {width, height = 380, highlight = "China"}: MineProductionOptions) {
  const latest = rows.filter((row) => row.is_latest_vintage);
  const superseded = rows.filter((row) => !row.is_latest_vintage && (row.geography === "World" || row.geography === highlight));
  const countries = latest.filter((row) => row.geography !== "World");
  const world = latest.filter((row) => row.geography === "World");
  const group = (row: Row) => (row.geography === highlight ? String(highlight) : "Other countries");
  return Plot.plot({
    width,
    height,
    marginLeft: 60,
    x: {label: null, tickFormat: (year: number) => (width < 640 && year % 5 !== 0 ? "" : String(year)), type: "band", padding: 0.15},
    y: {label: "Mine production (t REO)", grid: true, tickFormat: "~s"},
    color: {legend: true, domain: [String(highlight), "Other countries", "World total", "Superseded edition"], range: ["var(--theme-red, #d62728)", "#9a9a9a", "currentColor", "#ff7f0e"]},
    marks: [
      Plot.barY(countries, Plot.stackY({order: (row: Row) => (row.geography === highlight ? 0 : 1)}, {
        x: "year", y: "value", z: "geography", fill: group, stroke: "var(--theme-background, white)", strokeWidth: 0.5,
        title: (row: Row) => `${row.geography}, ${row.year}: ${Number(row.value).toLocaleString("en-US")} t REO (${row.vintage ?? "no edition"})`
      })),
      Plot.line(world, {x: "year", y: "value", stroke: () => "World total", strokeWidth: 1.5}),
      Plot.dot(world, {x: "year", y: "value", fill: () => "World total", r: 2.5, title: (row: Row) => `World, ${row.year}: ${Number(row.value).toLocaleString("en-US")} t REO (${row.vintage ?? ""})`}),
      Plot.dot(superseded, {
        x: "year", y: "value", stroke: () => "Superseded edition", fill: "none", r: 5, strokeWidth: 1.5, strokeDasharray: "2,2",
        title: (row: Row) => `${row.geography}, ${row.year}: ${Number(row.value).toLocaleString("en-US")} t REO in ${row.vintage} (superseded)`
      }),
      Plot.ruleY([0])
    ]
  });
}
