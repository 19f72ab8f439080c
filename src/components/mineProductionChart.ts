// World mine production as stacked bars by country (one highlighted, the rest grey), the world
// total as a line (broken where a year is missing), and — when the rows include superseded USGS
// editions — those editions' figures as hollow rings, so a reader sees how much they moved.
import * as Plot from "npm:@observablehq/plot";
import type {Row} from "./rows.js";
import {breakAtGaps} from "./gaps.js";
import {compactNumber, yearBand} from "./scales.js";
import {pointerTip} from "./tips.js";

export interface MineProductionOptions {
  width?: number;
  height?: number;
  x?: string;
  y?: string;
  /** The column naming the country ("World" is the published total). */
  z?: string;
  /** The country drawn in colour. */
  highlight?: string;
}

export function mineProductionChart(data: readonly Row[], {width = 640, height = 380, x = "year", y = "value", z = "geography", highlight = "China"}: MineProductionOptions = {}) {
  const latest = data.filter((row) => row.is_latest_vintage !== false);
  const superseded = data.filter((row) => row.is_latest_vintage === false && (row[z] === "World" || row[z] === highlight));
  const countries = latest.filter((row) => row[z] !== "World");
  const world = breakAtGaps(latest.filter((row) => row[z] === "World"), {x, z: () => "World", step: 1});
  const group = (row: Row) => (row[z] === highlight ? String(highlight) : "Other countries");
  const entries: [string, string, boolean][] = [
    [String(highlight), "var(--theme-red, #d62728)", countries.some((row) => row[z] === highlight)],
    ["Other countries", "#9a9a9a", countries.some((row) => row[z] !== highlight)],
    ["World total", "currentColor", world.length > 0],
    ["Superseded edition", "#ff7f0e", superseded.length > 0]
  ];
  const drawn = entries.filter(([, , shown]) => shown);
  return Plot.plot({
    width,
    height,
    marginLeft: 50,
    x: yearBand(data.map((row) => row[x]), width, {padding: 0.15}),
    y: {label: "Mine production (t REO)", grid: true, tickFormat: compactNumber},
    color: {legend: true, domain: drawn.map(([name]) => name), range: drawn.map(([, color]) => color)},
    marks: [
      Plot.barY(countries, Plot.stackY({order: (row: Row) => (row[z] === highlight ? 0 : 1)}, {x, y, z, fill: group, stroke: "var(--theme-background, white)", strokeWidth: 0.5})),
      Plot.line(world, {x, y, z: "segment", stroke: () => "World total", strokeWidth: 1.5}),
      Plot.dot(world, {x, y, fill: () => "World total", r: 2.5}),
      Plot.dot(superseded, {x, y, stroke: () => "Superseded edition", fill: "none", r: 5, strokeWidth: 1.5, strokeDasharray: "2,2"}),
      Plot.ruleY([0]),
      pointerTip([...world, ...countries.filter((row) => row[z] === highlight), ...superseded], {x, y, label: (row) => `${row[z]}${row.is_latest_vintage === false ? ` (superseded, ${row.vintage})` : ""}`})
    ]
  });
}
