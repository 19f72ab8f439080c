// A query's rows as a Parquet file, made in the browser: rows → Arrow table (typed from the
// query's column kinds, dates as DATE) → Arrow IPC → parquet-wasm's writer.
// Arrow is passed in, not imported: the page loads it only when a reader asks for a file.
import type {DataType, Table, Vector} from "apache-arrow";

export type ArrowModule = typeof import("apache-arrow");
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

function arrowType(Arrow: ArrowModule, kind: Kind): DataType {
  if (kind === "date") return new Arrow.DateDay();
  if (kind === "number") return new Arrow.Float64();
  if (kind === "boolean") return new Arrow.Bool();
  return new Arrow.Utf8();
}

function cell(value: unknown, kind: Kind): unknown {
  if (value == null) return null;
  if (kind === "date") return value instanceof Date ? value : new Date(Number(value));
  if (kind === "number") return Number(value);
  if (kind === "boolean") return Boolean(value);
  return String(value);
}

/** The rows as an Arrow table with one typed column per query column. */
export function rowsToArrowTable(rows: readonly Row[] & {columns?: readonly string[]; schema?: readonly {name: string; kind?: string}[]}, Arrow: ArrowModule): Table {
  const kinds = kindsOf(rows);
  const vectors: Record<string, Vector> = {};
  for (const name of columnNames(rows)) {
    const raw = rows.map((row) => row[name]);
    const kind = kinds.get(name) ?? guessKind(raw);
    vectors[name] = Arrow.vectorFromArray(raw.map((value) => cell(value, kind)), arrowType(Arrow, kind) as never);
  }
  return new Arrow.Table(vectors);
}

export function rowsToParquet(rows: Parameters<typeof rowsToArrowTable>[0], Arrow: ArrowModule, parquet: ParquetWriter): Uint8Array {
  const wasmTable = parquet.Table.fromIPCStream(Arrow.tableToIPC(rowsToArrowTable(rows, Arrow), "stream"));
  return parquet.writeParquet(wasmTable as never);
}
