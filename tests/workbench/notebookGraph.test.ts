import {describe, expect, it} from "vitest";
import {buildGraph, cellsToRun, runInOrder, type CellOutcome} from "../../src/components/workbench/notebookGraph.ts";
import {inputCell, sqlCell, type Cell} from "../../src/components/workbench/notebookModel.ts";

function notebook(): Cell[] {
  const cells: Cell[] = [];
  cells.push(sqlCell(cells, "SELECT partner, value FROM observations", {name: "flows"}));
  cells.push(inputCell(cells, {type: "text", value: "China"}, "country"));
  cells.push(sqlCell(cells, "SELECT * FROM flows WHERE partner = $country", {name: "one_partner"}));
  cells.push(sqlCell(cells, "SELECT count(*) FROM observations", {name: "total"}));
  return cells;
}

describe("buildGraph(cells)", () => {
  it("links a cell to the cells whose names it mentions and the inputs it uses", () => {
    const cells = notebook();
    const graph = buildGraph(cells, {reserved: ["observations"]});
    expect([...graph.upstream.get(cells[2].id)!].sort()).toEqual([cells[0].id, cells[1].id].sort());
    expect([...graph.upstream.get(cells[3].id)!]).toEqual([]);
    expect(graph.errors.size).toBe(0);
  });

  it("ignores names inside string literals and comments", () => {
    const cells: Cell[] = [];
    cells.push(sqlCell(cells, "SELECT 1 AS a", {name: "first"}));
    cells.push(sqlCell(cells, "SELECT 'first' AS label -- first\n/* first */", {name: "second"}));
    expect(buildGraph(cells).upstream.get(cells[1].id)!.size).toBe(0);
  });

  it("reads a quoted identifier as a reference", () => {
    const cells: Cell[] = [];
    cells.push(sqlCell(cells, "SELECT 1 AS a", {name: "first"}));
    cells.push(sqlCell(cells, 'SELECT * FROM "first"', {name: "second"}));
    expect([...buildGraph(cells).upstream.get(cells[1].id)!]).toEqual([cells[0].id]);
  });

  it("orders a cell after the cell it reads even when it comes first in the notebook", () => {
    const cells: Cell[] = [];
    cells.push(sqlCell(cells, "SELECT * FROM base", {name: "derived"}));
    cells.push(sqlCell(cells, "SELECT 1 AS a", {name: "base"}));
    expect(buildGraph(cells).order).toEqual([cells[1].id, cells[0].id]);
  });

  it("marks two cells of the same name as a clash on both", () => {
    const cells: Cell[] = [];
    cells.push(sqlCell(cells, "SELECT 1", {name: "dup"}));
    cells.push(sqlCell(cells, "SELECT 2", {name: "DUP"}));
    const {errors} = buildGraph(cells);
    expect(errors.get(cells[0].id)).toMatch(/Two cells are named dup/);
    expect(errors.get(cells[1].id)).toMatch(/Rename one/);
  });

  it("marks a cell named after an existing table", () => {
    const cells = [sqlCell([], "SELECT 1", {name: "observations"})];
    expect(buildGraph(cells, {reserved: ["observations"]}).errors.get(cells[0].id)).toMatch(/already a table/);
  });

  it("marks every cell of a cycle and names the circle", () => {
    const cells: Cell[] = [];
    cells.push(sqlCell(cells, "SELECT * FROM b", {name: "a"}));
    cells.push(sqlCell(cells, "SELECT * FROM a", {name: "b"}));
    cells.push(sqlCell(cells, "SELECT 1", {name: "c"}));
    const {errors} = buildGraph(cells);
    expect(errors.get(cells[0].id)).toMatch(/circle: a → b → a|circle: b → a → b/);
    expect(errors.has(cells[1].id)).toBe(true);
    expect(errors.has(cells[2].id)).toBe(false);
  });

  it("rejects a name that is not an identifier", () => {
    const cells = [sqlCell([], "SELECT 1", {name: "top partners"})];
    expect(buildGraph(cells).errors.get(cells[0].id)).toMatch(/not a usable name/);
  });
});

describe("cellsToRun(graph, changed)", () => {
  it("re-runs exactly the changed cell's dependents, in order", () => {
    const cells = notebook();
    const graph = buildGraph(cells);
    expect(cellsToRun(graph, [cells[1].id])).toEqual([cells[2].id]);
    expect(cellsToRun(graph, [cells[0].id])).toEqual([cells[0].id, cells[2].id]);
    expect(cellsToRun(graph, [cells[3].id])).toEqual([cells[3].id]);
  });
});

describe("runInOrder(graph, ids, run)", () => {
  it("marks a cell stale when its upstream fails, without running it", async () => {
    const cells = notebook();
    const graph = buildGraph(cells);
    const ran: string[] = [];
    const outcomes = await runInOrder(
      graph,
      graph.order,
      async (id) => {
        ran.push(id);
        if (id === cells[0].id) throw new Error("Catalog Error: no such table");
      },
      {nameOf: (id) => (cells.find((c) => c.id === id) as {name: string}).name, report: () => {}}
    );
    expect(ran).toEqual([cells[0].id, cells[3].id]);
    expect(outcomes.get(cells[0].id)).toEqual<CellOutcome>({status: "failed", error: "Catalog Error: no such table"});
    expect(outcomes.get(cells[2].id)?.status).toBe("stale");
    expect((outcomes.get(cells[2].id) as {reason: string}).reason).toMatch(/reads flows, which failed/);
  });

  it("marks a cell stale when an upstream that failed earlier is not part of this run", async () => {
    const cells = notebook();
    const graph = buildGraph(cells);
    const outcomes = await runInOrder(graph, [cells[2].id], async () => {}, {nameOf: () => "flows", report: () => {}, failedBefore: new Set([cells[0].id])});
    expect(outcomes.get(cells[2].id)?.status).toBe("stale");
  });
});
