// A first look at a result: values over time when there is a date (or a year) and a number,
// bars when there is a category and a number. Nothing else gets a chart; a table says it better.
import * as Plot from "npm:@observablehq/plot";
import type {ColumnInfo, Row} from "../arrowRows.js";
import {namesYears} from "../rows.js";
import {breakAtGaps} from "../gaps.js";

export type QuickChartSpec =
  /** `x` is a date column, or a column of years; `series` splits the lines, when there are few. */
  | {mark: "line" | "dot"; x: string; xType: "time" | "year"; y: string; series: string | null}
  | {mark: "bar"; category: string; value: string};

const MAX_SERIES = 12;
const MAX_BARS = 30;
const MAX_CATEGORIES = 50;

/**
 * Picks a chart from the columns and, when given, the rows (to recognise years and to avoid
 * a category that is an identifier). `keys` are the row-object keys for the columns.
 */
export function chooseQuickChart(columns: readonly ColumnInfo[], keys: readonly string[] = columns.map((c) => c.name), rows: readonly Row[] = []): QuickChartSpec | null {
  const indexes = columns.map((_, i) => i);
  const isYear = (i: number) => columns[i].kind === "number" && namesYears(columns[i].name) && rows.every((r) => r[keys[i]] == null || isYearValue(r[keys[i]]));
  const distinct = (i: number) => new Set(rows.map((r) => r[keys[i]])).size;
  const date = indexes.find((i) => columns[i].kind === "date") ?? indexes.find(isYear);
  const number = indexes.find((i) => columns[i].kind === "number" && i !== date && !isYear(i));
  const strings = indexes.filter((i) => columns[i].kind === "string");
  if (number === undefined) return null;
  if (date !== undefined) {
    // The first text column that groups rows (more than one value, fewer than one per row) splits the lines.
    const group = strings.find((i) => distinct(i) > 1 && distinct(i) < rows.length);
    const tooMany = group !== undefined && distinct(group) > MAX_SERIES;
    const series = group !== undefined && !tooMany ? keys[group] : null;
    return {mark: tooMany ? "dot" : "line", x: keys[date], xType: columns[date].kind === "date" ? "time" : "year", y: keys[number], series};
  }
  if (strings.length === 0) return null;
  // The text column with the fewest different values is the likeliest category (not an id).
  const category = rows.length ? strings.reduce((best, i) => (distinct(i) < distinct(best) ? i : best)) : strings[0];
  if (rows.length > MAX_CATEGORIES && distinct(category) === rows.length) return null;
  return {mark: "bar", category: keys[category], value: keys[number]};
}

function isYearValue(value: unknown): boolean {
  return typeof value === "number" && Number.isInteger(value) && value >= 1000 && value <= 3000;
}

export function quickChart(rows: readonly Row[], spec: QuickChartSpec, {width = 640} = {}): SVGSVGElement | HTMLElement {
  return spec.mark === "bar" ? barChart(rows, spec, width) : timeChart(rows, spec, width);
}

function timeChart(rows: readonly Row[], spec: Extract<QuickChartSpec, {x: string}>, width: number) {
  const z = spec.series;
  const points = rows.filter((r) => (spec.xType === "time" ? r[spec.x] instanceof Date : typeof r[spec.x] === "number") && typeof r[spec.y] === "number");
  const mark = spec.mark === "line" ? Plot.lineY : Plot.dot;
  // Over whole years a line breaks where a series skips a year, instead of joining across it (gaps.ts).
  const gapped = spec.mark === "line" && spec.xType === "year";
  const drawn = gapped ? breakAtGaps(points, {x: spec.x, z: (row) => (z ? row[z] : ""), step: 1}) : points;
  return Plot.plot({
    width,
    height: 280,
    marginLeft: 64, // room for long tick labels such as 250,000
    title: `${spec.y} by ${spec.x}`,
    subtitle: z ? `One ${spec.mark === "line" ? "line" : "colour"} per ${z}.` : undefined,
    caption: `Quick chart of the query result (${points.length.toLocaleString("en-US")} points${spec.mark === "dot" ? "; dots, as there are too many categories to join them with lines" : ""}).`,
    x: spec.xType === "time" ? {type: "utc", label: spec.x} : {label: spec.x, tickFormat: "d"},
    y: {grid: true, label: spec.y},
    color: z ? {legend: true} : undefined,
    marks: [
      Plot.ruleY([0]),
      mark(drawn, {x: spec.x, y: spec.y, z: gapped ? "segment" : z, stroke: z ?? "currentColor", sort: spec.x, ...(spec.mark === "line" ? {marker: points.length < 60} : {})}),
      Plot.tip(points, Plot.pointerX({x: spec.x, y: spec.y, z, stroke: z ?? undefined}))
    ]
  });
}

function barChart(rows: readonly Row[], spec: Extract<QuickChartSpec, {mark: "bar"}>, width: number) {
  const totals = new Map<string, number>();
  for (const row of rows) {
    const value = row[spec.value];
    if (typeof value !== "number") continue;
    const key = String(row[spec.category] ?? "(none)");
    totals.set(key, (totals.get(key) ?? 0) + value);
  }
  const bars = [...totals].map(([category, value]) => ({category, value})).sort((a, b) => b.value - a.value);
  const shown = bars.slice(0, MAX_BARS);
  return Plot.plot({
    width,
    height: 40 + shown.length * 22,
    marginLeft: Math.min(220, 8 + 7 * Math.max(4, ...shown.map((b) => b.category.length))),
    title: `${spec.value} by ${spec.category}`,
    caption: `Quick chart of the query result${bars.length > shown.length ? `: the ${MAX_BARS} largest of ${bars.length} categories` : ""}; repeated categories are summed.`,
    x: {grid: true, label: spec.value},
    y: {label: null},
    marks: [
      Plot.barX(shown, {x: "value", y: "category", sort: {y: "-x"}, fill: "var(--theme-foreground-focus)"}),
      Plot.ruleX([0]),
      Plot.tip(shown, Plot.pointerY({x: "value", y: "category"}))
    ]
  });
}
