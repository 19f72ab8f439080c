// The reader's own CSV and Parquet files become tables next to ours. The bytes go from the
// file picker straight into DuckDB-WASM in this tab; nothing is uploaded.
import type {AsyncDuckDB, AsyncDuckDBConnection} from "@duckdb/duckdb-wasm";
import {quoteIdentifier, quoteString, tableNameForFile} from "./statements.js";

export interface ParquetReader {
  readParquet(bytes: Uint8Array): {intoIPCStream(): Uint8Array};
}

export const ACCEPTED_FILES = ".csv,.tsv,.txt,.parquet";

let uploads = 0;

/** Loads the file as a table and returns the table's name. */
export async function loadUserFile(
  file: File,
  {db, connection, parquet, taken}: {db: AsyncDuckDB; connection: AsyncDuckDBConnection; parquet: ParquetReader; taken: Iterable<string>}
): Promise<string> {
  const name = tableNameForFile(file.name, taken);
  const bytes = new Uint8Array(await file.arrayBuffer());
  if (/\.parquet$/i.test(file.name)) {
    // DuckDB-WASM 1.29 has no parquet reader without its (downloaded) extension, so decode here.
    const ipc = parquet.readParquet(bytes).intoIPCStream();
    await connection.query(`DROP TABLE IF EXISTS ${quoteIdentifier(name)}`);
    await connection.insertArrowFromIPCStream(ipc, {name, create: true});
    return name;
  }
  if (!/\.(csv|tsv|txt)$/i.test(file.name)) {
    throw new Error(`${file.name}: the workbench reads .csv, .tsv, .txt and .parquet files.`);
  }
  const path = `upload-${++uploads}-${name}.csv`;
  await db.registerFileBuffer(path, bytes);
  try {
    await connection.query(`CREATE OR REPLACE TABLE ${quoteIdentifier(name)} AS SELECT * FROM read_csv_auto(${quoteString(path)})`);
  } finally {
    await db.dropFile(path).catch(() => {});
  }
  return name;
}
