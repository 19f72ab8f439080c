// The workbench is sealed to this site: DuckDB may read the site's tables and the files the
// reader opened, nothing else. The settings are applied once the site's tables (and the
// reader's CSV files, which DuckDB's CSV reader needs external access to parse) are loaded,
// and the configuration is then locked, so no later SET or RESET can undo them.
// No database and no DOM here, so unit tests cover the wording.

/** Run, in this order, before any query of a page or of the reader. */
export const SEAL_STATEMENTS = [
  "SET autoinstall_known_extensions = false",
  "SET autoload_known_extensions = false",
  "SET allow_community_extensions = false",
  // Stops read_csv/read_parquet/read_json on any path or URL, COPY, ATTACH of files, LOAD.
  "SET enable_external_access = false",
  // From here on, every SET and RESET fails: the settings above stay.
  "SET lock_configuration = true"
] as const;

const SEALED = "The workbench is sealed to this site: queries read only the observatory's tables and the files you open here (Your data), never another address or file.";

/** Statements refused before they reach DuckDB: DuckDB accepts INSTALL even when it cannot LOAD. */
export function refusal(statement: string): string | null {
  const head = statement.replace(/^(\s|--[^\n]*\n|\/\*[\s\S]*?\*\/)*/, "").slice(0, 40).toUpperCase();
  if (/^(FORCE\s+)?INSTALL\b/.test(head) || /^LOAD\b/.test(head)) return `${SEALED} Extensions cannot be installed or loaded.`;
  return null;
}

/** A clearer message for DuckDB's errors about what the seal stops; other errors pass through. */
export function sealedMessage(message: string): string {
  if (/configuration has been locked/i.test(message)) return `${SEALED} Its settings are locked, so SET and RESET cannot change them. (DuckDB: ${message})`;
  if (/Permission Error|disabled (through|by) configuration/i.test(message)) {
    const what = /COPY/i.test(message) ? "Writing or reading files with COPY is switched off." : /extension/i.test(message) ? "Extensions cannot be loaded." : /ATTACH|attach/.test(message) ? "Other databases cannot be attached." : "Reading files or addresses (read_csv, read_parquet, URLs) is switched off; open your own file under Your data instead.";
    return `${SEALED} ${what} (DuckDB: ${message})`;
  }
  // A bare 'https://…' or 'file.csv' in FROM is a replacement scan, which the seal turns into a missing table.
  if (/Table with name ("?)(\w+:\/\/|[^ ]*\.(csv|tsv|parquet|json|ndjson)\b)/i.test(message)) return `${SEALED} A file or an address in FROM is not read. (DuckDB: ${message})`;
  if (/requires extension '(httpfs|sqlite_scanner|postgres_scanner|mysql_scanner)'/i.test(message) || /Attaching path/i.test(message)) {
    return `${SEALED} Other databases and remote addresses cannot be attached. (DuckDB: ${message})`;
  }
  return message;
}
