import {describe, expect, it} from "vitest";
import {AUTO_CHART, hashFor, notebookFromFragment, notebookFromHash, notebookFromText, notebookToFragment, notebookToText, NotebookError, singleQuery, type Notebook} from "../../src/components/notebook/format.ts";
import {dependentsOf, planNotebook, type PlannedCell} from "../../src/components/notebook/graph.ts";
import {inlineParameters} from "../../src/components/notebook/params.ts";
import {referencedNames, referencedParameters} from "../../src/components/notebook/sqlTokens.ts";

const example: Notebook = {
  title: "Magnet exports by destination",
  cells: [
    {kind: "markdown", text: "## Exports\n\nWhere China's magnets go.", collapsed: false},
    {kind: "input", name: "country", collapsed: false, input: {control: "select", table: "observations", column: "partner", value: "United States"}},
    {kind: "sql", name: "exports", text: "SELECT partner, period_start, value\nFROM observations\nWHERE partner = $country", collapsed: false, chart: AUTO_CHART},
    {kind: "sql", name: "by_year", text: "-- %% sql looks_like_a_header\nSELECT year(period_start) AS year, sum(value) AS t FROM exports GROUP BY ALL", collapsed: true, chart: {mark: "bar", x: "year", y: "t", color: null, facet: null}},
    {kind: "input", name: "period", collapsed: false, input: {control: "daterange", start: "2024-01-01", end: null}}
  ]
};

describe("the notebook file", () => {
  it("writes every cell with its name and settings and reads back the same notebook", () => {
    const text = notebookToText(example);
    expect(text.split("\n").slice(0, 4)).toEqual(["-- Rare Earth Observatory notebook, format 1", "-- title: Magnet exports by destination", "", "-- %% markdown"]);
    expect(text).toContain('-- %% sql by_year {"collapsed":true,"chart":{"mark":"bar","x":"year","y":"t"}}');
    expect(text).toContain(" -- %% sql looks_like_a_header");
    const back = notebookFromText(text);
    expect(back.cells.map((c) => c.kind)).toEqual(["markdown", "input", "sql", "sql", "input"]);
    expect(back.cells[0]).toEqual(example.cells[0]);
    expect(back.cells[1]).toEqual(example.cells[1]);
    expect(back.cells[2]).toEqual(example.cells[2]);
    // The header-like line keeps its text (behind a space SQL ignores).
    expect((back.cells[3] as any).text).toBe(" " + (example.cells[3] as any).text);
    expect(back.cells[4]).toEqual(example.cells[4]);
    expect(notebookToText(back)).toBe(text.replace("\n-- %% sql looks", "\n -- %% sql looks"));
  });

  it("names the line of what it cannot read", () => {
    const head = "-- Rare Earth Observatory notebook, format 1\n";
    expect(() => notebookFromText("SELECT 1")).toThrow(/Line 1: This is not a notebook/);
    expect(() => notebookFromText("-- Rare Earth Observatory notebook, format 2\n")).toThrow(/format 2; this site reads format 1/);
    expect(() => notebookFromText(`${head}-- %% sql\nSELECT 1`)).toThrow(/Line 2: A sql cell needs a name/);
    expect(() => notebookFromText(`${head}\n-- %% sql Bad-Name\nSELECT 1`)).toThrow(/Line 3: The sql cell Bad-Name is not valid: name: a name of lower-case/);
    expect(() => notebookFromText(`${head}-- %% sql a {"chart": }\nSELECT 1`)).toThrow(/Line 2: .*not valid JSON/);
    expect(() => notebookFromText(`${head}-- %% input a {"control":"slider"}`)).toThrow(/Line 2: The input cell a is not valid/);
    expect(() => notebookFromText(`${head}-- %% sql a {"chart":{"mark":"pie"}}\nSELECT 1`)).toThrow(/chart.mark/);
    expect(() => notebookFromText(`${head}-- %% markdown\nplain line`)).toThrow(/Line 3: Each line of a markdown cell starts with "-- "/);
    expect(() => notebookFromText(`${head}SELECT 1`)).toThrow(/Line 2: Text before the first cell/);
    expect(() => notebookFromText(`${head}-- %% sql a {"unknown": 1}\nSELECT 1`)).toThrow(NotebookError);
  });

  it("travels in the fragment, and a lone query keeps the short #q= form", () => {
    const fragment = notebookToFragment(example);
    expect(fragment).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(notebookFromFragment(fragment)).toEqual(notebookFromText(notebookToText(example)));
    expect(hashFor(singleQuery("SELECT 1"))).toBe("#q=SELECT%201");
    expect(hashFor(example)).toBe(`#nb=${fragment}`);
    expect(notebookFromHash("#q=SELECT%202")?.cells).toEqual([{kind: "sql", name: "query_1", text: "SELECT 2", collapsed: false, chart: AUTO_CHART}]);
    expect(notebookFromHash("#nb=" + fragment)?.title).toBe(example.title);
    expect(notebookFromHash("")).toBeNull();
    expect(() => notebookFromFragment("!!!")).toThrow(/damaged/);
    expect(() => notebookFromFragment(fragment.slice(0, 20))).toThrow(NotebookError);
  });
});

describe("SQL references", () => {
  it("finds cell names used as tables and parameters, not text in strings, comments, columns or calls", () => {
    const sql = `SELECT t.exports, "By_Year".x, $country, $period.start -- exports
FROM exports JOIN "by_year" ON true WHERE note = 'exports $country' AND /* by_year */ sum_up(1) > 0 AND exports_2 IS NULL`;
    expect(referencedNames(sql, new Set(["exports", "by_year", "sum_up", "exports_2"]))).toEqual(["exports", "by_year", "exports_2"]);
    expect(referencedParameters(sql)).toEqual(["country", "period"]);
  });
});

const cells = (notebook: Notebook): PlannedCell[] => notebook.cells.map((cell, i) => ({...cell, id: `c${i}`}));

describe("the plan", () => {
  it("orders cells after what they read and finds exactly the dependents of a cell", () => {
    const plan = planNotebook(cells(example), {tables: new Set(["observations"])});
    expect(plan.errors.size).toBe(0);
    expect(plan.upstream.get("c2")).toEqual(["c1"]);
    expect(plan.upstream.get("c3")).toEqual(["c2"]);
    expect(dependentsOf(plan, "c1")).toEqual(["c2", "c3"]);
    expect(dependentsOf(plan, "c2")).toEqual(["c3"]);
    expect(dependentsOf(plan, "c3")).toEqual([]);
    // A cell may sit above what it reads: the order still runs the source first.
    const reversed = planNotebook(cells({title: "", cells: [example.cells[3], example.cells[2], example.cells[1]]}));
    expect(reversed.order).toEqual(["c2", "c1", "c0"]);
  });

  it("puts an error on a name clash, a table's name, an unknown parameter, a self-reference and a cycle", () => {
    const sql = (name: string, text: string) => ({kind: "sql" as const, name, text, collapsed: false, chart: AUTO_CHART});
    const clash = planNotebook(cells({title: "", cells: [sql("a", "SELECT 1"), sql("a", "SELECT 2"), sql("observations", "SELECT 3")]}), {tables: new Set(["observations"])});
    expect(clash.errors.get("c0")).toMatch(/The name a is used by 2 cells/);
    expect(clash.errors.get("c1")).toMatch(/The name a is used by 2 cells/);
    expect(clash.errors.get("c2")).toMatch(/already a table/);
    const other = planNotebook(cells({title: "", cells: [sql("a", "SELECT $nobody"), sql("b", "SELECT * FROM b"), sql("c", "SELECT * FROM d"), sql("d", "SELECT * FROM c"), sql("e", "SELECT * FROM d"), sql("f", "SELECT $a")]}));
    expect(other.errors.get("c0")).toMatch(/There is no input named nobody/);
    expect(other.errors.get("c1")).toMatch(/reads its own name, b/);
    expect(other.errors.get("c2")).toBe("These cells read each other in a circle: c → d → c. Break the circle by changing one of them.");
    expect(other.errors.get("c3")).toMatch(/d → c → d/);
    expect(other.errors.get("c4")).toMatch(/reads a cell that is in a circle/);
    expect(other.errors.get("c5")).toMatch(/\$a is a SQL cell, not an input/);
  });
});

describe("parameters", () => {
  it("inlines each value as an escaped literal", () => {
    const inputs = new Map([
      ["who", {control: "text" as const, value: "O'Brien'; DROP TABLE x; --"}],
      ["n", {control: "number" as const, value: 2.5}],
      ["none", {control: "select" as const, table: "t", column: "c", value: null}],
      ["period", {control: "daterange" as const, start: "2024-01-01", end: null}]
    ]);
    expect(inlineParameters("SELECT $who, $n, $none, '$who', $period.start, $period.end -- $who", inputs)).toBe(
      "SELECT 'O''Brien''; DROP TABLE x; --', 2.5, NULL, '$who', DATE '2024-01-01', NULL -- $who"
    );
    expect(() => inlineParameters("SELECT $period", inputs)).toThrow(/write \$period.start or \$period.end/);
    expect(() => inlineParameters("SELECT $n.start", inputs)).toThrow(/only a date range has parts/);
    expect(() => inlineParameters("SELECT $missing", inputs)).toThrow(/no input named missing/);
  });
});
