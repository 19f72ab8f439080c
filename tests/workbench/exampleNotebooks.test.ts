// Every example notebook runs against the real snapshots in DuckDB for Node, cell by cell in
// dependency order, the way the workbench runs it (cellScript), and draws columns it has.
import type {DuckDBConnection} from "@duckdb/node-api";
import {afterAll, beforeAll, describe, expect, it} from "vitest";
import {openSnapshotDatabase} from "../../data-loaders/precompute.ts";
import {cellScript} from "../../src/components/workbench/cellScript.ts";
import {EXAMPLE_NOTEBOOKS, exampleNotebook} from "../../src/components/workbench/exampleNotebooks.ts";
import {buildGraph} from "../../src/components/workbench/notebookGraph.ts";
import {parameterValues, type SqlCell} from "../../src/components/workbench/notebookModel.ts";

let connection: DuckDBConnection;
let close: () => Promise<void>;

beforeAll(async () => {
  ({connection, close} = await openSnapshotDatabase());
}, 120_000);

afterAll(async () => {
  await close?.();
});

describe("the example notebooks", () => {
  it("cover every theme page", () => {
    expect(new Set(EXAMPLE_NOTEBOOKS.map((e) => e.theme))).toEqual(new Set(["Supply", "Trade", "Magnets", "Wind", "Robotics"]));
  });

  it.each(EXAMPLE_NOTEBOOKS.map((e) => [e.title, e]))("%s: every cell runs, returns rows and charts its own columns", async (_, example) => {
    const notebook = exampleNotebook(example);
    const graph = buildGraph(notebook.cells, {reserved: ["observations", "sources", "checks", "events"]});
    expect([...graph.errors.values()]).toEqual([]);
    const sqlCells = notebook.cells.filter((c): c is SqlCell => c.kind === "sql");
    expect(sqlCells.length).toBeGreaterThanOrEqual(2);
    expect(sqlCells.some((c) => graph.upstream.get(c.id)!.size > 0)).toBe(true);
    const values = parameterValues(notebook.cells);
    for (const id of graph.order) {
      const cell = sqlCells.find((c) => c.id === id)!;
      const {statements} = cellScript(cell.sql, cell.name, values);
      for (const statement of statements.slice(0, -1)) await connection.run(statement);
      const reader = await connection.runAndReadAll(statements[statements.length - 1]);
      expect(reader.currentRowCount, cell.name).toBeGreaterThan(0);
      if (cell.chart && cell.chart !== "quick") {
        const columns = reader.columnNames();
        for (const channel of [cell.chart.x, cell.chart.y, cell.chart.color, cell.chart.facet].filter(Boolean)) expect(columns, cell.name).toContain(channel);
      }
    }
    for (const cell of sqlCells) await connection.run(`DROP TABLE IF EXISTS "${cell.name}"`);
  });
});
