import {describe, expect, it} from "vitest";
import {NotebookFileError, parseNotebook, serializeNotebook} from "../../src/components/workbench/notebookFile.ts";
import {inputCell, markdownCell, sqlCell, type Cell, type Notebook} from "../../src/components/workbench/notebookModel.ts";

function sample(): Notebook {
  const cells: Cell[] = [markdownCell("## Magnets\nWhere do they go?")];
  cells.push(inputCell(cells, {type: "select", table: "observations", column: "geography", value: "United States"}, "country"));
  cells.push(inputCell(cells, {type: "number", value: 5}, "top"));
  cells.push(inputCell(cells, {type: "daterange", value: ["2020-01-01", "2024-12-31"]}, "period"));
  cells.push(sqlCell(cells, "SELECT partner, value\nFROM observations\nWHERE geography = $country", {name: "flows", chart: {mark: "bar", x: "partner", y: "value", color: "partner", facet: null}}));
  cells.push({...sqlCell(cells, "SELECT '```' AS fence", {name: "odd", chart: null}), collapsed: true});
  return {title: "Magnet exports: by partner", cells};
}

const withoutIds = (notebook: Notebook) => ({...notebook, cells: notebook.cells.map(({id: _, ...rest}) => rest)});

describe("serializeNotebook(notebook) and parseNotebook(text)", () => {
  it("round-trips every kind of cell and setting", () => {
    const notebook = sample();
    expect(withoutIds(parseNotebook(serializeNotebook(notebook)))).toEqual(withoutIds(notebook));
  });

  it("writes one fenced block per cell with its settings on the fence line", () => {
    const text = serializeNotebook(sample());
    expect(text).toContain("```sql name=flows chart=bar x=partner y=value color=partner\nSELECT partner, value\n");
    expect(text).toContain('```input name=country type=select table=observations column=geography value="United States"\n```');
    expect(text).toContain('```input name=period type=daterange from=2020-01-01 to=2024-12-31\n```');
  });

  it("uses a longer fence when the cell itself holds three backticks", () => {
    expect(serializeNotebook(sample())).toContain("````sql name=odd chart=none collapsed=true\nSELECT '```' AS fence\n````");
  });

  it("names the line of a cell that is never closed", () => {
    const error = (() => {
      try {
        parseNotebook("---\ntitle: x\n---\n\n```sql name=a\nSELECT 1\n");
      } catch (e) {
        return e;
      }
    })();
    expect(error).toBeInstanceOf(NotebookFileError);
    expect((error as NotebookFileError).line).toBe(5);
  });

  it("rejects an unknown kind of cell and a chart without its axes", () => {
    expect(() => parseNotebook("```python\nprint(1)\n```\n")).toThrow(/line 1: "python" is not a kind of cell/);
    expect(() => parseNotebook("```sql name=a chart=line x=year\nSELECT 1\n```\n")).toThrow(/needs y=/);
  });

  it("rejects text between cells instead of dropping it", () => {
    expect(() => parseNotebook("```md\nhi\n```\nstray text\n")).toThrow(/line 4: expected a fenced cell/);
  });
});
