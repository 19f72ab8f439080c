// Downloads of the current result, made in the browser: CSV (d3-dsv), Parquet (parquet-wasm)
// and the Arrow IPC file format. Nothing is sent anywhere.
import {csvFormatRows} from "d3-dsv";
import type {ColumnInfo} from "../arrowRows.js";
import {csvText} from "../cellText.js";
import {saveBlob} from "../download.js";
import {cellRows, csvCell, type BatchLike} from "./cells.js";

/** The Arrow and parquet-wasm modules of the page (the same copies DuckDB-WASM and Framework use). */
export interface ExportLibraries {
  Arrow: {Table: new (...args: any[]) => any; tableToIPC(table: any, format: "file" | "stream"): Uint8Array};
  Parquet: {Table: {fromIPCStream(bytes: Uint8Array): any}; writeParquet(table: any): Uint8Array};
}

export function toCsv(columns: readonly ColumnInfo[], batches: readonly BatchLike[]): string {
  const header = columns.map((c) => csvText(c.name));
  return csvFormatRows([header, ...cellRows(batches, columns).map((row) => row.map(csvCell))]);
}

export function toArrowFile({Arrow}: ExportLibraries, schema: unknown, batches: readonly BatchLike[]): Uint8Array {
  return Arrow.tableToIPC(new Arrow.Table(schema, [...batches]), "file");
}

export function toParquet({Arrow, Parquet}: ExportLibraries, schema: unknown, batches: readonly BatchLike[]): Uint8Array {
  const stream = Arrow.tableToIPC(new Arrow.Table(schema, [...batches]), "stream");
  return Parquet.writeParquet(Parquet.Table.fromIPCStream(stream));
}

/** Saves bytes or text as a file, in the browser. */
export function download(content: Uint8Array | string, fileName: string, type: string): void {
  saveBlob(fileName, new Blob([content as BlobPart], {type}));
}
