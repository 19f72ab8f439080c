// A query's rows as a Parquet file, made in the browser: rows → Arrow table (typed from the
// query's column kinds, dates as DATE) → Arrow IPC → parquet-wasm's writer.
// Arrow is passed in, not imported: the page loads it only when a reader asks for a file.
import type {Table, Vector} from "apache-arrow";

export type ArrowModule = typeof import("apache-arrow");
import {columnNames} from "./figureData.js";
import type {Row, RowsMeta} from "./rows.js";

type Kind = "date" | "number" | "string" | "boolean" | "other";

/** The subset of parquet-wasm this needs, so Node (tests) and the browser can pass their build. */
export interface ParquetWriter {
  Table: {fromIPCStream(buffer: Uint8Array): unknown};
  writeParquet(table: never): Uint8Array;
}

function kindsOf(rows: readonly Row[] & RowsMeta): Map<string, Kind> {
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

const DAY_MS = 86_400_000;
const utf8 = new TextEncoder();

/** A validity bitmap (bit set = a value) and the number of nulls. */
function validity(values: readonly unknown[]): {nullBitmap: Uint8Array | undefined; nullCount: number} {
  const bitmap = new Uint8Array(Math.ceil(values.length / 8));
  let nullCount = 0;
  values.forEach((value, i) => {
    if (value == null) nullCount++;
    else bitmap[i >> 3] |= 1 << (i & 7);
  });
  return {nullBitmap: nullCount ? bitmap : undefined, nullCount};
}

/**
 * One typed column, built from its buffers with makeData. Arrow's builders (vectorFromArray)
 * compile their null test with `new Function`, which the site's Content-Security-Policy forbids.
 */
function column(Arrow: ArrowModule, values: readonly unknown[], kind: Kind): Vector {
  const length = values.length;
  const valid = validity(values);
  if (kind === "number") {
    return Arrow.makeVector(Arrow.makeData({type: new Arrow.Float64(), length, ...valid, data: Float64Array.from(values, (v) => (v == null ? 0 : Number(v)))}));
  }
  if (kind === "date") {
    return Arrow.makeVector(Arrow.makeData({type: new Arrow.DateDay(), length, ...valid, data: Int32Array.from(values, (v) => (v == null ? 0 : Math.floor(+(v as Date) / DAY_MS)))}));
  }
  if (kind === "boolean") {
    const bits = new Uint8Array(Math.ceil(length / 8));
    values.forEach((v, i) => {
      if (v) bits[i >> 3] |= 1 << (i & 7);
    });
    return Arrow.makeVector(Arrow.makeData({type: new Arrow.Bool(), length, ...valid, data: bits}));
  }
  const encoded = values.map((v) => (v == null ? new Uint8Array(0) : utf8.encode(String(v))));
  const valueOffsets = new Int32Array(length + 1);
  encoded.forEach((bytes, i) => (valueOffsets[i + 1] = valueOffsets[i] + bytes.length));
  const data = new Uint8Array(valueOffsets[length]);
  encoded.forEach((bytes, i) => data.set(bytes, valueOffsets[i]));
  return Arrow.makeVector(Arrow.makeData({type: new Arrow.Utf8(), length, ...valid, valueOffsets, data}));
}

function cell(value: unknown, kind: Kind): unknown {
  if (value == null) return null;
  if (kind === "date") return value instanceof Date ? value : new Date(Number(value));
  if (kind === "number") return Number(value);
  if (kind === "boolean") return Boolean(value);
  return String(value);
}

/** The rows as an Arrow table with one typed column per query column. */
export function rowsToArrowTable(rows: readonly Row[] & RowsMeta, Arrow: ArrowModule): Table {
  const kinds = kindsOf(rows);
  const vectors: Record<string, Vector> = {};
  for (const name of columnNames(rows)) {
    const raw = rows.map((row) => row[name]);
    const kind = kinds.get(name) ?? guessKind(raw);
    vectors[name] = column(Arrow, raw.map((value) => cell(value, kind)), kind);
  }
  return new Arrow.Table(vectors);
}

export function rowsToParquet(rows: Parameters<typeof rowsToArrowTable>[0], Arrow: ArrowModule, parquet: ParquetWriter): Uint8Array {
  const wasmTable = parquet.Table.fromIPCStream(Arrow.tableToIPC(rowsToArrowTable(rows, Arrow), "stream"));
  return parquet.writeParquet(wasmTable as never);
}
