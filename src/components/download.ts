// Saves a figure's rows in the reader's browser: nothing is sent anywhere.
import {downloadName} from "./figureData.js";
import type {Rows} from "./rows.js";
import {rowsToParquet, type ArrowModule, type ParquetWriter} from "./parquetFile.js";


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

let parquetWriter: Promise<[ArrowModule, ParquetWriter]> | undefined;

/** Arrow and parquet-wasm (its .wasm served from this site), loaded on the first Parquet download. */
function loadParquetWriter(): Promise<[ArrowModule, ParquetWriter]> {
  return (parquetWriter ??= Promise.all([
    import("npm:apache-arrow") as Promise<ArrowModule>,
    import("npm:parquet-wasm").then(async (module) => {
      await module.default(import.meta.resolve("npm:parquet-wasm/esm/parquet_wasm_bg.wasm"));
      return module as unknown as ParquetWriter;
    })
  ]));
}

export async function downloadParquet(rows: Rows, id: string): Promise<void> {
  const [Arrow, parquet] = await loadParquetWriter();
  const bytes = rowsToParquet(rows, Arrow, parquet);
  saveBlob(downloadName(id, "parquet"), new Blob([bytes as BlobPart], {type: "application/vnd.apache.parquet"}));
}
