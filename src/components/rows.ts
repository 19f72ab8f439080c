// The one row type and the one rows-with-schema type of the site. A query answers with Rows:
// plain row objects (Date and number cells) that remember their columns — `columns` holds the
// names in query order (d3.csv's convention, which Inputs.table reads) and `schema` their kinds.
// Rows computed in a page (a scenario) may carry neither.

export type Row = Record<string, unknown>;

export interface ColumnInfo {
  name: string;
  kind: "date" | "number" | "string" | "boolean" | "other";
  /** Arrow's name for the column type, e.g. "Date32<DAY>" or "Float64", where the rows came from Arrow. */
  type?: string;
}

/** What travels with an array of rows; functions that only read rows take `readonly Row[] & RowsMeta`. */
export interface RowsMeta {
  columns?: readonly string[];
  schema?: readonly ColumnInfo[];
}

export type Rows = Row[] & RowsMeta;

/** Whether a column's name says it holds years ("year", "fiscal_year"): the notebook's charts,
 * the quick chart and exported pages all tick such a number column as years (2015, not 2,015). */
export function namesYears(name: string): boolean {
  return /year/i.test(name);
}
