// Views derived in SQL from the snapshot tables, created in DuckDB-WASM in the browser and in
// DuckDB in Node when first charts are computed at build time, so both answer the same SQL.
export const VIEWS: {name: string; description: string; sql: string}[] = [];
