// Every example in the workbench and every query in docs/sql.md runs against the real
// snapshots, in DuckDB for Node (the browser test runs the examples again in DuckDB-WASM).
import {readFileSync} from "node:fs";
import {resolve} from "node:path";
import type {DuckDBConnection} from "@duckdb/node-api";
import {afterAll, beforeAll, describe, expect, it} from "vitest";
import {openSnapshotDatabase} from "../../scripts/snapshot-set/precompute.ts";
import {TABLE_NAMES} from "../../src/components/tables.ts";
import {availableExamples, EXAMPLES} from "../../src/components/workbench/examples.ts";

const DOC = readFileSync(resolve(import.meta.dirname, "..", "..", "docs", "sql.md"), "utf8");
const DOC_QUERIES = [...DOC.matchAll(/```sql\n([\s\S]*?)```/g)].map((match) => match[1].trim());

let connection: DuckDBConnection;
let close: () => Promise<void>;

beforeAll(async () => {
  ({connection, close} = await openSnapshotDatabase());
}, 120_000);

afterAll(async () => {
  await close?.();
});

async function rowCount(query: string): Promise<number> {
  const reader = await connection.runAndReadAll(query);
  return reader.currentRowCount;
}

describe("the workbench's example queries", () => {
  it("cover every theme and need only tables the observatory has", () => {
    expect(new Set(EXAMPLES.map((e) => e.theme))).toEqual(new Set(["Supply", "Trade", "Magnets", "Wind", "Robotics", "Sources and checks"]));
    expect(availableExamples(TABLE_NAMES)).toEqual(EXAMPLES);
  });

  it.each(EXAMPLES.filter((e) => !e.check).map((e) => [e.title, e.query]))("%s: runs and returns rows", async (_, query) => {
    expect(await rowCount(query)).toBeGreaterThan(0);
  });

  it.each(EXAMPLES.filter((e) => e.check).map((e) => [e.title, e.query]))("%s: runs (an empty result means the check passes)", async (_, query) => {
    expect(await rowCount(query)).toBeGreaterThanOrEqual(0);
  });
});

describe("the queries in docs/sql.md", () => {
  it("number at least a dozen", () => {
    expect(DOC_QUERIES.length).toBeGreaterThanOrEqual(12);
  });

  it.each(DOC_QUERIES.map((query) => [query.split("\n")[0], query]))("%s… runs and returns rows", async (_, query) => {
    expect(await rowCount(query)).toBeGreaterThan(0);
  });
});
