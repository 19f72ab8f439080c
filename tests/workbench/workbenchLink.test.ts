import {describe, expect, it} from "vitest";
import {notebookFromHash, notebookHash, queryFromHash, workbenchHref} from "../../src/components/workbenchLink.ts";
import {inputCell, sqlCell, type Cell} from "../../src/components/workbench/notebookModel.ts";

describe("workbenchHref(query, base, chart)", () => {
  it("keeps the #q= format for a query alone", () => {
    expect(workbenchHref(" SELECT 1 ")).toBe("./sql#q=SELECT%201");
  });

  it("opens a one-cell notebook drawing the figure's encoding when given one", () => {
    const href = workbenchHref("SELECT year, value FROM t", "/sql", {mark: "line", x: "year", y: "value", color: "geography"});
    const notebook = notebookFromHash(href.slice(href.indexOf("#")))!;
    expect(notebook.cells).toHaveLength(1);
    expect(notebook.cells[0]).toMatchObject({kind: "sql", sql: "SELECT year, value FROM t", chart: {mark: "line", x: "year", y: "value", color: "geography"}});
  });
});

describe("notebookFromHash(hash)", () => {
  it("opens an old #q= link as a notebook of one cell", () => {
    const notebook = notebookFromHash("#q=SELECT%20*%20FROM%20observations")!;
    expect(notebook.cells.map((c) => (c as {sql: string}).sql)).toEqual(["SELECT * FROM observations"]);
    expect(queryFromHash("#q=SELECT%201")).toBe("SELECT 1");
  });

  it("reproduces a whole notebook from its compressed fragment", () => {
    const cells: Cell[] = [];
    cells.push(inputCell(cells, {type: "text", value: "a & b #1 = 100%"}, "label"));
    cells.push(sqlCell(cells, "SELECT $label AS l", {name: "q"}));
    const hash = notebookHash({title: "T", cells});
    expect(hash).toMatch(/^#nb=[A-Za-z0-9+\-$]+$/);
    const back = notebookFromHash(hash)!;
    expect(back.cells.map(({id: _, ...c}) => c)).toEqual(cells.map(({id: _, ...c}) => c));
  });

  it("says a cut-short notebook link is damaged", () => {
    const hash = notebookHash({title: "T", cells: [sqlCell([], "SELECT 1")]});
    expect(() => notebookFromHash(hash.slice(0, 8))).toThrow(/damaged|line/);
  });

  it("returns null for a fragment with neither", () => {
    expect(notebookFromHash("")).toBeNull();
  });
});
