// A profile of each column of a result, beside the table: its type, how many cells are null,
// how many distinct values it holds, its range (numbers, dates, text in sort order) or its most
// frequent values, and a small histogram of numbers and dates. Computed in the page from the
// rows the workbench kept (at most the row cap), in one pass per column; nothing is queried again.
import type {ColumnInfo} from "../arrowRows.js";
import {cellRows, formatCell, type BatchLike} from "./cells.js";
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
  const rows = cellRows(batches, columns, limit);
  return columns.map((column, i) => {
    const counts = new Map<string | number, {value: unknown; n: number}>();
    let nulls = 0;
    let min: unknown = null;
    let max: unknown = null;
    for (const row of rows) {
      const value = row[i];
      if (value == null || (typeof value === "number" && Number.isNaN(value))) {
        nulls++;
        continue;
      }
      const k = key(value);
      const seen = counts.get(k);
      if (seen) seen.n++;
      else counts.set(k, {value, n: 1});
      if (min === null || k < key(min)) min = value;
      if (max === null || k > key(max)) max = value;
    }
    const ranged = column.kind === "number" || column.kind === "date";
    const bins: number[] = [];
    if (ranged && min !== null) {
      const lo = key(min) as number;
      const span = (key(max) as number) - lo;
      bins.push(...new Array(span > 0 ? HISTOGRAM_BINS : 1).fill(0));
      for (const {value, n} of counts.values()) {
        const at = span > 0 ? Math.min(HISTOGRAM_BINS - 1, Math.floor((((key(value) as number) - lo) / span) * HISTOGRAM_BINS)) : 0;
        bins[at] += n;
      }
    }
    const top = ranged ? [] : [...counts.values()].sort((a, b) => b.n - a.n || String(key(a.value)).localeCompare(String(key(b.value)))).slice(0, TOP_VALUES).map(({value, n}) => [value, n] as [unknown, number]);
    return {name: column.name, type: column.type ?? "", kind: column.kind, count: rows.length, nulls, distinct: counts.size, min, max, top, bins};
  });
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
