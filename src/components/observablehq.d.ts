// Framework's client modules, resolved by Framework at build time (not by TypeScript).
declare module "observablehq:stdlib" {
  export interface FileAttachment {
    name: string;
    href: string;
    url(): Promise<string>;
    arrayBuffer(): Promise<ArrayBuffer>;
    text(): Promise<string>;
    json(): Promise<any>;
    parquet(): Promise<import("apache-arrow").Table>;
  }
  export function FileAttachment(path: string): FileAttachment;
}

declare module "observablehq:stdlib/duckdb" {
  import type {AsyncDuckDB} from "@duckdb/duckdb-wasm";
  import type {Table} from "apache-arrow";
  export class DuckDBClient {
    readonly _db: AsyncDuckDB;
    query(query: string, params?: unknown[]): Promise<Table>;
    static of(sources?: Record<string, unknown>, config?: Record<string, unknown>): Promise<DuckDBClient>;
  }
}
