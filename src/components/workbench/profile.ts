// A profile of each column of a result, beside the table: its type, how many cells are null,
// how many distinct values it holds, its range (numbers, dates, text in sort order) or its most
// frequent values, and a small histogram of numbers and dates. Computed in the page from the
// rows the workbench kept (at most the row cap), one column at a time straight from the Arrow
// vectors; nothing is queried again.
import type {ColumnInfo} from "../arrowRows.js";
import {toCell} from "../arrowRows.js";
import {formatCell, type BatchLike} from "./cells.js";
import {h} from "./dom.js";

export const HISTOGRAM_BINS = 12;
const TOP_VALUES = 3;

export interface ColumnProfile {
  name: string;
  type: string;
  kind: ColumnInfo["kind"];
  /** Cells read (the rows kept). */
  count: number;
  nulls: number;
  distinct: number;
  min: unknown;
  max: unknown;
  /** The most frequent values with their counts (text, booleans and other kinds). */
  top: [unknown, number][];
  /** Equal-width bins over [min, max] of numbers and dates: their counts (empty otherwise). */
  bins: number[];
}

/** The sort key of a cell: numbers and dates by value, everything else by its text. */
const key = (value: unknown): string | number => (value instanceof Date ? value.getTime() : typeof value === "number" ? value : formatCell(value));

export function profileColumns(batches: readonly BatchLike[], columns: readonly ColumnInfo[], limit = Infinity): ColumnProfile[] {
  return columns.map((column, i) => profileColumn(batches, column, i, limit));
}

/**
 * One column's profile, read straight from the Arrow vectors (no row objects: a million-row
 * result costs a pass or two over each column, not a million arrays).
 */
export function profileColumn(batches: readonly BatchLike[], column: ColumnInfo, index: number, limit = Infinity): ColumnProfile {
  const ranged = column.kind === "number" || column.kind === "date";
  const counts = new Map<string | number, {value: unknown; n: number}>();
  const seen = new Set<number>();
  let nulls = 0;
  let read = 0;
  let min: unknown = null;
  let max: unknown = null;
  let lo = Infinity;
  let hi = -Infinity;
  const each = (visit: (value: unknown) => void) => {
    let left = limit;
    for (const batch of batches) {
      const vector = batch.getChildAt(index);
      const n = Math.min(batch.numRows, left);
      for (let j = 0; j < n; j++) visit(toCell(vector?.get(j), column.kind));
      left -= n;
      if (left <= 0) break;
    }
  };
  each((value) => {
    read++;
    if (value == null || (typeof value === "number" && Number.isNaN(value))) return void nulls++;
    const k = key(value);
    if (ranged) {
      seen.add(k as number);
      if ((k as number) < lo) (lo = k as number), (min = value);
      if ((k as number) > hi) (hi = k as number), (max = value);
      return;
    }
    const entry = counts.get(k);
    if (entry) entry.n++;
    else counts.set(k, {value, n: 1});
    if (min === null || k < key(min)) min = value;
    if (max === null || k > key(max)) max = value;
  });
  const bins: number[] = [];
  if (ranged && min !== null) {
    const span = hi - lo;
    bins.push(...new Array(span > 0 ? HISTOGRAM_BINS : 1).fill(0));
    each((value) => {
      if (value == null || (typeof value === "number" && Number.isNaN(value))) return;
      bins[span > 0 ? Math.min(HISTOGRAM_BINS - 1, Math.floor((((key(value) as number) - lo) / span) * HISTOGRAM_BINS)) : 0]++;
    });
  }
  const top = ranged ? [] : [...counts.values()].sort((a, b) => b.n - a.n || String(key(a.value)).localeCompare(String(key(b.value)))).slice(0, TOP_VALUES).map(({value, n}) => [value, n] as [unknown, number]);
  return {name: column.name, type: column.type ?? "", kind: column.kind, count: read, nulls, distinct: ranged ? seen.size : counts.size, min, max, top, bins};
}

const count = (n: number) => n.toLocaleString("en-US");

/** The histogram as a small SVG of bars (DOM calls only). */
function histogram(bins: number[]): SVGSVGElement {
  const ns = "http://www.w3.org/2000/svg";
  const width = 72;
  const height = 18;
  const svg = document.createElementNS(ns, "svg");
  for (const [name, value] of Object.entries({width, height, viewBox: `0 0 ${width} ${height}`, class: "wb-profile-bins", role: "img"})) svg.setAttribute(name, String(value));
  svg.setAttribute("aria-label", `histogram: ${bins.map(count).join(", ")}`);
  const top = Math.max(...bins, 1);
  const step = width / bins.length;
  bins.forEach((n, i) => {
    const bar = document.createElementNS(ns, "rect");
    const barHeight = n ? Math.max(1, (n / top) * height) : 0;
    for (const [name, value] of Object.entries({x: i * step + 0.5, y: height - barHeight, width: Math.max(1, step - 1), height: barHeight})) bar.setAttribute(name, String(value));
    svg.append(bar);
  });
  return svg;
}

function summary(profile: ColumnProfile): (Node | string)[] {
  if (profile.min === null) return ["all null"];
  if (profile.top.length) return [profile.top.map(([value, n]) => `${formatCell(value)} (${count(n)})`).join(", ")];
  return [`${formatCell(profile.min)} – ${formatCell(profile.max)}`];
}

/** The profile table: one row per column. */
export function profileView(profiles: readonly ColumnProfile[], {complete}: {complete: boolean}): HTMLElement {
  const rows = profiles[0]?.count ?? 0;
  return h(
    "details",
    {class: "wb-profile", open: profiles.length <= 12},
    h("summary", {}, `Column profile (${count(profiles.length)} ${profiles.length === 1 ? "column" : "columns"}, ${complete ? "all" : "the first"} ${count(rows)} ${rows === 1 ? "row" : "rows"})`),
    h(
      "div",
      {class: "wb-table-scroll"},
      h(
        "table",
        {class: "wb-profile-table"},
        h("thead", {}, h("tr", {}, ...["column", "type", "nulls", "distinct", "range or most frequent", "histogram"].map((name) => h("th", {}, name)))),
        h(
          "tbody",
          {},
          ...profiles.map((p) =>
            h(
              "tr",
              {"data-column": p.name},
              h("td", {}, p.name),
              h("td", {class: "wb-muted"}, p.type),
              h("td", {class: "wb-num"}, count(p.nulls)),
              h("td", {class: "wb-num"}, count(p.distinct)),
              h("td", {}, ...summary(p)),
              h("td", {}, p.bins.length ? histogram(p.bins) : null)
            )
          )
        )
      )
    )
  );
}
