// DuckDB-WASM answers with Arrow tables whose DATE and TIMESTAMP cells are epoch
// milliseconds and whose 64-bit integers may be BigInt. Plot, Inputs and d3 want
// plain objects with Date and number values, so every query result passes through here.
import type {DataType, Table} from "apache-arrow";

/**
 * Arrow's type ids (apache-arrow's `Type` enum, fixed by the Arrow format). Compared by
 * number so that this module needs no second copy of apache-arrow in the page: Framework
 * already loads one for DuckDB. A unit test checks them against apache-arrow.
 */
export const ARROW_TYPE = {Int: 2, Float: 3, Utf8: 5, Bool: 6, Decimal: 7, Date: 8, Timestamp: 10, LargeUtf8: 20, Dictionary: -1} as const;

import type {ColumnInfo, Row, Rows} from "./rows.js";

export type {ColumnInfo, Row, Rows} from "./rows.js";

export function columnInfo(table: Pick<Table, "schema">): ColumnInfo[] {
  return table.schema.fields.map((field) => ({name: field.name, type: String(field.type), kind: kindOf(field.type)}));
}

function kindOf(type: DataType): ColumnInfo["kind"] {
  const id = type.typeId as number;
  if (id === ARROW_TYPE.Date || id === ARROW_TYPE.Timestamp) return "date";
  if (id === ARROW_TYPE.Int || id === ARROW_TYPE.Float || id === ARROW_TYPE.Decimal) return "number";
  if (id === ARROW_TYPE.Utf8 || id === ARROW_TYPE.LargeUtf8 || id === ARROW_TYPE.Dictionary) return "string";
  if (id === ARROW_TYPE.Bool) return "boolean";
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
  const schema = columnInfo(table);
  const rows = table.toArray().map((record: Row) => {
    const row: Row = {};
    for (const {name, kind} of schema) row[name] = toCell(record[name], kind);
    return row;
  });
  return Object.assign(rows, {columns: schema.map((c) => c.name), schema});
}
