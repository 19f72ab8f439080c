// A first look at a result: a line over time when there is a date and a number, bars when
// there is a category and a number. Nothing else gets a chart; a table says it better.
import * as Plot from "@observablehq/plot";
import type {ColumnInfo, Row} from "../arrowRows.js";

export type QuickChartSpec =
  | {mark: "line"; x: string; y: string; series: string | null}
  | {mark: "bar"; category: string; value: string};

/** Picks a chart from column kinds; `keys` are the row-object keys for the columns. */
export function chooseQuickChart(columns: readonly ColumnInfo[], keys: readonly string[] = columns.map((c) => c.name)): QuickChartSpec | null {
  const first = (kind: ColumnInfo["kind"], skip = -1) => columns.findIndex((c, i) => c.kind === kind && i !== skip);
  const date = first("date");
  const number = first("number");
  const category = first("string");
  if (number < 0) return null;
  if (date >= 0) return {mark: "line", x: keys[date], y: keys[number], series: category >= 0 ? keys[category] : null};
  if (category >= 0) return {mark: "bar", category: keys[category], value: keys[number]};
  return null;
}

const MAX_SERIES = 12;
const MAX_BARS = 30;

export function quickChart(rows: readonly Row[], spec: QuickChartSpec, {width = 640} = {}): SVGSVGElement | HTMLElement {
  if (spec.mark === "line") {
    const seriesCount = spec.series ? new Set(rows.map((r) => r[spec.series!])).size : 1;
    const z = spec.series && seriesCount <= MAX_SERIES ? spec.series : null;
    const points = rows.filter((r) => r[spec.x] instanceof Date && typeof r[spec.y] === "number");
    return Plot.plot({
      width,
      height: 280,
      title: `${spec.y} over ${spec.x}`,
      subtitle: z ? `One line per ${z}.` : undefined,
      caption: `Quick chart of the query result (${points.length.toLocaleString("en-US")} points).`,
      x: {type: "utc", label: spec.x},
      y: {grid: true, label: spec.y},
      color: z ? {legend: true} : undefined,
      marks: [
        Plot.ruleY([0]),
        Plot.lineY(points, {x: spec.x, y: spec.y, z, stroke: z ?? "currentColor", sort: spec.x, marker: points.length < 60}),
        Plot.tip(points, Plot.pointerX({x: spec.x, y: spec.y, z, stroke: z ?? undefined}))
      ]
    });
  }
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
