// DuckDB-WASM answers with Arrow tables whose DATE and TIMESTAMP cells are epoch
// milliseconds and whose 64-bit integers may be BigInt. Plot, Inputs and d3 want
// plain objects with Date and number values, so every query result passes through here.
import {DataType, type Table} from "apache-arrow";

export interface ColumnInfo {
  name: string;
  /** Arrow's name for the column type, e.g. "Date32<DAY>" or "Float64". */
  type: string;
  kind: "date" | "number" | "string" | "boolean" | "other";
}

export type Row = Record<string, unknown>;

/** An array of row objects that remembers the columns it came from (like d3.csv's `columns`). */
export type Rows = Row[] & {columns: ColumnInfo[]};

export function columnInfo(table: Pick<Table, "schema">): ColumnInfo[] {
  return table.schema.fields.map((field) => ({name: field.name, type: String(field.type), kind: kindOf(field.type)}));
}

function kindOf(type: DataType): ColumnInfo["kind"] {
  if (DataType.isDate(type) || DataType.isTimestamp(type)) return "date";
  if (DataType.isInt(type) || DataType.isFloat(type) || DataType.isDecimal(type)) return "number";
  if (DataType.isUtf8(type) || DataType.isLargeUtf8(type) || DataType.isDictionary(type)) return "string";
  if (DataType.isBool(type)) return "boolean";
  return "other";
}

export function toCell(value: unknown, kind: ColumnInfo["kind"]): unknown {
  if (value == null) return null;
  if (kind === "date") return value instanceof Date ? value : new Date(Number(value));
  if (typeof value === "bigint") {
    const n = Number(value);
    return Number.isSafeInteger(n) ? n : value.toString();
  }
  if (kind === "number" && typeof value === "object") return Number(value); // Decimal
  return value;
}

export function tableToRows(table: Pick<Table, "schema" | "toArray">): Rows {
  const columns = columnInfo(table);
  const rows = table.toArray().map((record: Row) => {
    const row: Row = {};
    for (const {name, kind} of columns) row[name] = toCell(record[name], kind);
    return row;
  });
  return Object.assign(rows, {columns});
}
