// A SQL cell's chart. "auto" is the workbench's quick chart (quickChart.ts), which picks the
// columns itself; any other mark draws the columns the reader chose: x, y, a colour that splits
// the series, and a facet that gives each value of a column its own row of panels. The chart
// draws the rows exactly as the query returned them: no aggregation, except that bars over a
// category sum rows with the same category (as the quick chart does), which the caption says.
import * as Plot from "npm:@observablehq/plot";
import type {ColumnInfo, Row} from "../arrowRows.js";
import {namesYears} from "../rows.js";
import {breakAtGaps} from "../gaps.js";
import {chooseQuickChart, quickChart, type QuickChartSpec} from "../workbench/quickChart.js";
import type {ChartSettings} from "./format.js";

export const MAX_FACETS = 12;

export interface DrawnChart {
  node: Element | null;
  /** What was drawn, as settings (for "auto", the columns the quick chart picked), or null. */
  drawn: ChartSettings | null;
  /** Why nothing was drawn, when nothing was. */
  message: string | null;
}

export function settingsFromQuick(spec: QuickChartSpec): ChartSettings {
  return spec.mark === "bar"
    ? {mark: "bar", x: spec.category, y: spec.value, color: null, facet: null}
    : {mark: spec.mark, x: spec.x, y: spec.y, color: spec.series, facet: null};
}

export function drawChart(rows: readonly Row[], columns: readonly ColumnInfo[], keys: readonly string[], settings: ChartSettings, {width = 640} = {}): DrawnChart {
  if (settings.mark === "none") return {node: null, drawn: null, message: null};
  if (settings.mark === "auto") {
    const spec = chooseQuickChart(columns, keys, rows);
    if (!spec) return {node: null, drawn: null, message: "No quick chart: it needs a date or a year and a number, or a category and a number. Choose a mark and columns above to draw one."};
    return {node: quickChart(rows, spec, {width}), drawn: settingsFromQuick(spec), message: null};
  }
  const {x, y, color, facet} = settings;
  const missing = [x, y].some((key) => key === null || !keys.includes(key));
  if (missing) return {node: null, drawn: null, message: "Choose the columns for x and y."};
  for (const key of [color, facet]) if (key !== null && !keys.includes(key)) return {node: null, drawn: null, message: `The result has no column ${key}.`};
  const kind = (key: string) => columns[keys.indexOf(key)]?.kind;
  if (kind(y!) !== "number") return {node: null, drawn: null, message: `y needs a column of numbers; ${y} holds ${kind(y!) ?? "something else"}.`};
  const facets = facet ? new Set(rows.map((r) => r[facet])).size : 1;
  if (facets > MAX_FACETS) return {node: null, drawn: null, message: `${facet} has ${facets} different values; a facet shows at most ${MAX_FACETS}. Filter the rows, or facet by another column.`};
  const points = rows.filter((r) => r[x!] != null && typeof r[y!] === "number");
  return {node: plotChart(points, settings as Required<ChartSettings> & {x: string; y: string}, kind(x!), width), drawn: settings, message: null};
}

function plotChart(points: readonly Row[], {mark, x, y, color, facet}: ChartSettings & {x: string; y: string}, xKind: string | undefined, width: number) {
  const z = color ?? undefined;
  const fy = facet ?? undefined;
  const category = xKind === "string";
  const facetCount = fy ? new Set(points.map((r) => r[fy])).size : 1;
  const isYear = xKind === "number" && namesYears(x);
  const common = {
    width,
    marginLeft: category && mark === "bar" ? 160 : 64,
    marginRight: fy ? 90 : 20,
    title: `${y} by ${x}`,
    subtitle: [z ? `Colour: ${z}.` : "", fy ? `One panel per ${fy}.` : ""].filter(Boolean).join(" ") || undefined,
    caption: `${points.length.toLocaleString("en-US")} rows of the cell's result${mark === "bar" && category ? "; bars sum the rows of each category" : ""}${mark === "area" ? "; areas are stacked" : ""}.`,
    color: z ? {legend: true} : undefined,
    fy: fy ? {label: fy} : undefined
  };
  if (mark === "bar" && category) {
    return Plot.plot({
      ...common,
      height: Math.max(120, 40 + facetCount * (20 + 22 * Math.min(30, new Set(points.map((r) => r[x])).size))),
      x: {grid: true, label: y},
      y: {label: null},
      marks: [Plot.barX(points, Plot.groupY({x: "sum"}, {y: x, x: y, fill: z ?? "var(--theme-foreground-focus)", fy, sort: {y: "-x"}})), Plot.ruleX([0]), Plot.tip(points, Plot.pointerY(Plot.groupY({x: "sum"}, {y: x, x: y, fy})))]
    });
  }
  const height = fy ? Math.max(280, 120 * facetCount) : 280;
  const xScale = xKind === "date" ? {type: "utc" as const, label: x} : isYear ? {label: x, tickFormat: "d"} : {label: x};
  const options = {x, y, z, fy, sort: x};
  // Over whole years a line breaks where a series skips a year, instead of joining across it (gaps.ts).
  const joined = isYear && (mark === "line" || mark === "area");
  const linePoints = joined ? breakAtGaps(points, {x, z: (row) => `${z ? row[z] : ""}\u0000${fy ? row[fy] : ""}`, step: 1}) : points;
  const lineOptions = joined ? {...options, z: "segment"} : options;
  const marks =
    mark === "line"
      ? [Plot.lineY(linePoints, {...lineOptions, stroke: z ?? "currentColor", marker: points.length < 60})]
      : mark === "area"
        ? [Plot.areaY(linePoints, {...lineOptions, fill: z ?? "var(--theme-foreground-focus)", fillOpacity: 0.8})]
        : mark === "bar"
          ? [Plot.barY(points, {x, y, fill: z ?? "var(--theme-foreground-focus)", fy})]
          : [Plot.dot(points, {x, y, stroke: z ?? "currentColor", fy})];
  return Plot.plot({
    ...common,
    height,
    x: mark === "bar" ? {label: x, ...(isYear ? {tickFormat: "d"} : {})} : xScale,
    y: {grid: true, label: y},
    marks: [Plot.ruleY([0]), ...marks, Plot.tip(points, Plot.pointerX({x, y, z, fy, stroke: z}))]
  });
}

