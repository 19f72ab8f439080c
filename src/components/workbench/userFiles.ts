// The reader's own CSV and Parquet files become tables next to ours. The bytes go from the
// file picker straight into DuckDB-WASM in this tab; nothing is uploaded. A Parquet file is
// decoded here (DuckDB-WASM 1.29 has no parquet reader without its downloaded extension); a
// CSV file is parsed by DuckDB when the database (re)opens, before it is sealed (db.ts).
import type {ReaderFile} from "../db.js";
import {tableNameForFile} from "./statements.js";

export interface ParquetReader {
  readParquet(bytes: Uint8Array): {intoIPCStream(): Uint8Array};
}

export const ACCEPTED_FILES = ".csv,.tsv,.txt,.parquet";

/** The file as the database loads it: its table name and its bytes (an Arrow stream for Parquet). */
export async function readUserFile(file: File, {parquet, taken}: {parquet: ParquetReader; taken: Iterable<string>}): Promise<ReaderFile> {
  const name = tableNameForFile(file.name, taken);
  const bytes = new Uint8Array(await file.arrayBuffer());
  if (/\.parquet$/i.test(file.name)) return {name, format: "arrow", bytes: parquet.readParquet(bytes).intoIPCStream()};
  if (!/\.(csv|tsv|txt)$/i.test(file.name)) {
    throw new Error(`${file.name}: the workbench reads .csv, .tsv, .txt and .parquet files.`);
  }
  return {name, format: "csv", bytes};
}
