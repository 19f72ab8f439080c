import {describe, expect, it} from "vitest";
import {inlineParameters, UnknownParameter} from "../../src/components/workbench/parameters.ts";
import {parameterValues, inputCell, type Cell} from "../../src/components/workbench/notebookModel.ts";

describe("inlineParameters(sql, values)", () => {
  it("inlines a text value as a quoted literal with quotes doubled", () => {
    expect(inlineParameters("SELECT * FROM t WHERE a = $name", new Map([["name", "O'Brien"]]))).toBe("SELECT * FROM t WHERE a = 'O''Brien'");
  });

  it("inlines numbers and dates as literals", () => {
    const values = new Map<string, unknown>([["n", 3], ["d", new Date("2024-05-01T00:00:00Z")]]);
    expect(inlineParameters("SELECT $n, $d", values)).toBe("SELECT 3, DATE '2024-05-01'");
  });

  it("leaves a $name inside a string or a comment alone", () => {
    expect(inlineParameters("SELECT '$name' -- $name\n, $name", new Map([["name", 1]]))).toBe("SELECT '$name' -- $name\n, 1");
  });

  it("refuses a parameter no input provides, naming it", () => {
    expect(() => inlineParameters("SELECT $missing", new Map())).toThrow(UnknownParameter);
    expect(() => inlineParameters("SELECT $missing", new Map())).toThrow(/\$missing/);
  });

  it("keeps a value that looks like SQL as a string", () => {
    expect(inlineParameters("SELECT $x", new Map([["x", "1; DROP TABLE observations; --"]]))).toBe("SELECT '1; DROP TABLE observations; --'");
  });
});

describe("parameterValues(cells)", () => {
  it("gives a date range as two dates named _from and _to", () => {
    const cells: Cell[] = [inputCell([], {type: "daterange", value: ["2020-01-01", "2024-12-31"]}, "period")];
    const values = parameterValues(cells);
    expect([...values.keys()]).toEqual(["period_from", "period_to"]);
    expect((values.get("period_to") as Date).toISOString()).toBe("2024-12-31T00:00:00.000Z");
  });
});
