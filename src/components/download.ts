// Saves a figure's rows in the reader's browser: nothing is sent anywhere.
import {downloadName, rowsToCsv, type Row} from "./figureData.js";
import {rowsToParquet, type ParquetWriter} from "./parquetFile.js";

type Rows = readonly Row[] & {columns?: readonly string[]; schema?: readonly {name: string; kind?: string}[]};

export function saveBlob(name: string, blob: Blob): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement("a");
  link.href = url;
  link.download = name;
  link.style.display = "none";
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

export function downloadCsv(rows: Rows, id: string): void {
  saveBlob(downloadName(id, "csv"), new Blob([rowsToCsv(rows)], {type: "text/csv;charset=utf-8"}));
}

let parquetWriter: Promise<ParquetWriter> | undefined;

/** parquet-wasm, with its .wasm served from this site (Framework copies it into _npm/). */
function loadParquetWriter(): Promise<ParquetWriter> {
  return (parquetWriter ??= import("npm:parquet-wasm").then(async (module) => {
    await module.default(import.meta.resolve("npm:parquet-wasm/esm/parquet_wasm_bg.wasm"));
    return module as unknown as ParquetWriter;
  }));
}

export async function downloadParquet(rows: Rows, id: string): Promise<void> {
  const bytes = rowsToParquet(rows, await loadParquetWriter());
  saveBlob(downloadName(id, "parquet"), new Blob([bytes as BlobPart], {type: "application/vnd.apache.parquet"}));
}
