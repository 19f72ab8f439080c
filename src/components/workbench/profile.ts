// A column profile of a cell's table: DuckDB's SUMMARIZE (type, nulls, distinct, min, max),
// plus a small histogram for numbers and dates and the commonest values for text.
import {h} from "./dom.js";
import {quoteIdentifier} from "./statements.js";

export interface ColumnProfile {
  name: string;
  type: string;
  nullPercent: number | null;
  distinct: number | null;
  min: string | null;
  max: string | null;
  /** Counts in equal-width bins from min to max, for numbers and dates. */
  bins: number[] | null;
  /** The commonest values and their counts, for everything else. */
  top: {value: string; count: number}[] | null;
}

type Query = (sql: string) => Promise<Record<string, unknown>[]>;

export const BINS = 16;
const NUMERIC = /^(TINYINT|SMALLINT|INTEGER|BIGINT|HUGEINT|UTINYINT|USMALLINT|UINTEGER|UBIGINT|FLOAT|DOUBLE|DECIMAL.*|REAL)$/;
const TEMPORAL = /^(DATE|TIMESTAMP.*)$/;

/** The SQL that bins one column; numbers and dates by value, the rest by frequency. */
export function distributionSql(table: string, column: string, type: string): string {
  const t = quoteIdentifier(table);
  const c = quoteIdentifier(column);
  if (NUMERIC.test(type) || TEMPORAL.test(type)) {
    const x = TEMPORAL.test(type) ? `epoch(${c})` : `CAST(${c} AS DOUBLE)`;
    return `WITH v AS (SELECT ${x} AS x FROM ${t} WHERE ${c} IS NOT NULL), r AS (SELECT min(x) AS lo, max(x) AS hi FROM v)
SELECT least(${BINS - 1}, CAST(floor((x - lo) / nullif(hi - lo, 0) * ${BINS}) AS INTEGER)) AS bin, count(*) AS n FROM v, r GROUP BY bin ORDER BY bin`;
  }
  return `SELECT CAST(${c} AS VARCHAR) AS value, count(*) AS n FROM ${t} WHERE ${c} IS NOT NULL GROUP BY 1 ORDER BY n DESC, value LIMIT 3`;
}

export async function profileTable(query: Query, table: string): Promise<ColumnProfile[]> {
  const summary = await query(`SUMMARIZE ${quoteIdentifier(table)}`);
  const profiles: ColumnProfile[] = [];
  // One query at a time: they share the connection.
  for (const row of summary) {
    const name = String(row.column_name);
    const type = String(row.column_type);
    const rows = await query(distributionSql(table, name, type));
    const binned = NUMERIC.test(type) || TEMPORAL.test(type);
    profiles.push({
      name,
      type,
      nullPercent: row.null_percentage == null ? null : Number(row.null_percentage),
      distinct: row.approx_unique == null ? null : Number(row.approx_unique),
      min: row.min == null ? null : String(row.min),
      max: row.max == null ? null : String(row.max),
      bins: binned ? Array.from({length: BINS}, (_, i) => Number(rows.find((r) => Number(r.bin ?? 0) === i)?.n ?? 0)) : null,
      top: binned ? null : rows.map((r) => ({value: String(r.value), count: Number(r.n)}))
    });
  }
  return profiles;
}

export function profileView(profiles: readonly ColumnProfile[]): HTMLElement {
  return h(
    "table",
    {class: "nb-profile-table"},
    h("thead", {}, h("tr", {}, ...["column", "type", "nulls", "distinct ≈", "min", "max", "distribution"].map((label) => h("th", {}, label)))),
    h(
      "tbody",
      {},
      ...profiles.map((p) =>
        h(
          "tr",
          {"data-column": p.name},
          h("td", {class: "nb-profile-name"}, p.name),
          h("td", {class: "wb-type"}, p.type),
          h("td", {class: "wb-num"}, p.nullPercent == null ? "" : `${p.nullPercent.toFixed(1)}%`),
          h("td", {class: "wb-num"}, p.distinct == null ? "" : p.distinct.toLocaleString("en-US")),
          h("td", {}, p.min ?? ""),
          h("td", {}, p.max ?? ""),
          h("td", {}, p.bins ? histogram(p.bins) : (p.top ?? []).map((t) => `${t.value} (${t.count.toLocaleString("en-US")})`).join(", "))
        )
      )
    )
  );
}

function histogram(bins: readonly number[]): SVGSVGElement {
  const ns = "http://www.w3.org/2000/svg";
  const svg = document.createElementNS(ns, "svg");
  const width = 96;
  const height = 20;
  svg.setAttribute("viewBox", `0 0 ${width} ${height}`);
  svg.setAttribute("width", String(width));
  svg.setAttribute("height", String(height));
  svg.setAttribute("class", "nb-histogram");
  svg.setAttribute("role", "img");
  svg.setAttribute("aria-label", `histogram of ${bins.length} equal-width bins: ${bins.join(", ")}`);
  const most = Math.max(1, ...bins);
  const w = width / bins.length;
  bins.forEach((n, i) => {
    const rect = document.createElementNS(ns, "rect");
    const barHeight = n === 0 ? 0 : Math.max(1, (n / most) * height);
    rect.setAttribute("x", String(i * w + 0.5));
    rect.setAttribute("y", String(height - barHeight));
    rect.setAttribute("width", String(Math.max(1, w - 1)));
    rect.setAttribute("height", String(barHeight));
    svg.appendChild(rect);
  });
  return svg;
}

