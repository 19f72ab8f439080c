// A query's rows as a Parquet file, made in the browser: rows → Arrow table (typed from the
// query's column kinds, dates as DATE) → Arrow IPC → parquet-wasm's writer.
import {Bool, DateDay, Float64, Table, Utf8, tableToIPC, vectorFromArray, type DataType, type Vector} from "apache-arrow";
import {columnNames, type Row} from "./figureData.js";

type Kind = "date" | "number" | "string" | "boolean" | "other";

/** The subset of parquet-wasm this needs, so Node (tests) and the browser can pass their build. */
export interface ParquetWriter {
  Table: {fromIPCStream(buffer: Uint8Array): unknown};
  writeParquet(table: never): Uint8Array;
}

function kindsOf(rows: readonly Row[] & {schema?: readonly {name: string; kind?: string}[]}): Map<string, Kind> {
  const kinds = new Map<string, Kind>();
  for (const column of rows.schema ?? []) if (column.kind) kinds.set(column.name, column.kind as Kind);
  return kinds;
}

function guessKind(values: unknown[]): Kind {
  const value = values.find((v) => v != null);
  if (value instanceof Date) return "date";
  if (typeof value === "number") return "number";
  if (typeof value === "boolean") return "boolean";
  return "string";
}

function arrowType(kind: Kind): DataType {
  if (kind === "date") return new DateDay();
  if (kind === "number") return new Float64();
  if (kind === "boolean") return new Bool();
  return new Utf8();
}

function cell(value: unknown, kind: Kind): unknown {
  if (value == null) return null;
  if (kind === "date") return value instanceof Date ? value : new Date(Number(value));
  if (kind === "number") return Number(value);
  if (kind === "boolean") return Boolean(value);
  return String(value);
}

/** The rows as an Arrow table with one typed column per query column. */
export function rowsToArrowTable(rows: readonly Row[] & {columns?: readonly string[]; schema?: readonly {name: string; kind?: string}[]}): Table {
  const kinds = kindsOf(rows);
  const vectors: Record<string, Vector> = {};
  for (const name of columnNames(rows)) {
    const raw = rows.map((row) => row[name]);
    const kind = kinds.get(name) ?? guessKind(raw);
    vectors[name] = vectorFromArray(raw.map((value) => cell(value, kind)), arrowType(kind) as never);
  }
  return new Table(vectors);
}

export function rowsToParquet(rows: Parameters<typeof rowsToArrowTable>[0], parquet: ParquetWriter): Uint8Array {
  const wasmTable = parquet.Table.fromIPCStream(tableToIPC(rowsToArrowTable(rows), "stream"));
  return parquet.writeParquet(wasmTable as never);
}
