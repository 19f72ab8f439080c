import {describe, expect, it} from "vitest";
import {plotCode, plotSpec} from "../../src/components/workbench/encodedChart.ts";
import {inputCell, markdownCell, sqlCell, type Cell} from "../../src/components/workbench/notebookModel.ts";
import {exportPage} from "../../src/components/workbench/pageExport.ts";

function cells(): Cell[] {
  const list: Cell[] = [markdownCell("Costs ${1 + 1} <script>alert(1)</script>")];
  list.push(inputCell(list, {type: "select", table: "observations", column: "geography", value: "China"}, "country"));
  list.push(sqlCell(list, "SELECT period_start, value FROM observations WHERE geography = $country", {name: "mine"}));
  list.push(sqlCell(list, "SELECT max(value) AS peak FROM mine", {name: "peak"}));
  return list;
}

describe("exportPage(notebook, options)", () => {
  it("runs each SQL cell as a table after the cells it reads, with its parameters", () => {
    const list = cells();
    const page = exportPage({title: "Mine", cells: list}, {charts: new Map([[list[2].id, {mark: "line", x: "period_start", y: "value"}]])});
    expect(page).toContain('const mine = await cell("mine", "SELECT period_start, value FROM observations WHERE geography = $country", {country});');
    expect(page).toContain("mine; // read by this cell\nconst peak = await cell(\"peak\"");
    expect(page.indexOf("const mine =")).toBeLessThan(page.indexOf("const peak ="));
    expect(page).toContain("const country = view(Inputs.select(");
    expect(page).toContain(`display(resize((width) => ${plotCode("mine", {mark: "line", x: "period_start", y: "value"})}));`);
    expect(page).toContain('import {getDatabase} from "./components/db.js";');
  });

  it("keeps Markdown as text: no Framework expression and no script tag", () => {
    const page = exportPage({title: "M", cells: cells()}, {charts: new Map()});
    expect(page).toContain("Costs \\${1 + 1} &lt;script>");
    expect(page).not.toContain("<script>");
  });

  it("refuses a notebook whose cells have errors", () => {
    const list: Cell[] = [sqlCell([], "SELECT 1", {name: "a"}), sqlCell([], "SELECT 2", {name: "a"})];
    expect(() => exportPage({title: "x", cells: list}, {charts: new Map()})).toThrow(/Two cells are named a/);
  });
});

describe("plotSpec(encoding)", () => {
  it("colours lines by stroke and bars by fill, and facets on fy", () => {
    expect(plotSpec({mark: "line", x: "d", y: "v", color: "g"}).channels).toEqual({x: "d", y: "v", stroke: "g", sort: "d"});
    expect(plotSpec({mark: "bar", x: "c", y: "v", color: "g", facet: "f"}).channels).toEqual({x: "c", y: "v", fill: "g", fy: "f"});
  });
});
