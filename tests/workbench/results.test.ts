import * as Arrow from "apache-arrow";
import {tableFromArrays, tableFromIPC, tableToIPC, type Table} from "apache-arrow";
import {describe, expect, it} from "vitest";
import {batchColumns, cellRows, csvCell, formatCell, uniqueKeys} from "../../src/components/workbench/cells.ts";
import {toArrowFile, toCsv} from "../../src/components/workbench/exporters.ts";
import {chooseQuickChart} from "../../src/components/workbench/quickChart.ts";
import {summaryText} from "../../src/components/workbench/results.ts";

const column = (name: string, kind: "date" | "number" | "string" | "boolean" | "other") => ({name, type: kind, kind});

function sample(): Table {
  return tableFromArrays({
    day: [new Date(Date.UTC(2024, 0, 2)), null] as any,
    label: ["a, with comma", 'b "quoted"'],
    n: Float64Array.from([1.5, 2])
  });
}

describe("result cells", () => {
  it("reads dates, text and numbers from Arrow batches, up to a limit", () => {
    const table = sample();
    const columns = batchColumns(table.schema);
    expect(columns.map((c) => c.kind)).toEqual(["date", "string", "number"]);
    const rows = cellRows(table.batches, columns);
    expect(rows[0]).toEqual([new Date(Date.UTC(2024, 0, 2)), "a, with comma", 1.5]);
    expect(cellRows(table.batches, columns, 1)).toHaveLength(1);
  });

  it("writes dates as YYYY-MM-DD at midnight UTC and full ISO otherwise", () => {
    expect(formatCell(new Date(Date.UTC(2024, 0, 2)))).toBe("2024-01-02");
    expect(formatCell(new Date(Date.UTC(2024, 0, 2, 13, 5)))).toBe("2024-01-02T13:05:00.000Z");
    expect(formatCell(0.1 + 0.2)).toBe("0.3");
    expect(csvCell(0.1 + 0.2)).toBe("0.30000000000000004");
    expect(formatCell(12345678901234567890n)).toBe("12345678901234567890");
    expect(formatCell({a: 1n})).toBe('{"a":"1"}');
  });

  it("gives repeated column names distinct keys", () => {
    expect(uniqueKeys([{name: "a"}, {name: "b"}, {name: "a"}])).toEqual(["a", "b", "a (2)"]);
  });
});

describe("exports", () => {
  it("writes CSV with a header and quoted cells", () => {
    const table = sample();
    expect(toCsv(batchColumns(table.schema), table.batches).split("\n")).toEqual(["day,label,n", '2024-01-02,"a, with comma",1.5', ',"b ""quoted""",2']);
  });

  it("writes an Arrow IPC file that reads back", () => {
    const table = sample();
    const bytes = toArrowFile({Arrow, Parquet: null as any}, table.schema, table.batches);
    expect(new TextDecoder().decode(bytes.subarray(0, 6))).toBe("ARROW1");
    expect(tableFromIPC(bytes).numRows).toBe(2);
    expect(tableToIPC(table, "file").length).toBe(bytes.length);
  });
});

describe("chooseQuickChart", () => {
  const rows = [
    {period_start: new Date(Date.UTC(2020, 0, 1)), geography: "China", value: 1, row_id: "a", year: 2020},
    {period_start: new Date(Date.UTC(2021, 0, 1)), geography: "China", value: 2, row_id: "b", year: 2021},
    {period_start: new Date(Date.UTC(2021, 0, 1)), geography: "World", value: 3, row_id: "c", year: 2021}
  ];

  it("draws a line over time when there is a date and a number, one line per category", () => {
    expect(chooseQuickChart([column("period_start", "date"), column("geography", "string"), column("value", "number")], undefined, rows)).toEqual({
      mark: "line",
      x: "period_start",
      xType: "time",
      y: "value",
      series: "geography"
    });
  });

  it("treats a whole-number column named like a year as time, not as the value", () => {
    expect(chooseQuickChart([column("row_id", "string"), column("year", "number"), column("value", "number")], undefined, rows)).toMatchObject({
      x: "year",
      xType: "year",
      y: "value"
    });
  });

  it("draws dots instead of lines when there are too many categories to tell lines apart", () => {
    const many = Array.from({length: 40}, (_, i) => ({day: new Date(Date.UTC(2020 + (i % 2), 0, 1)), place: `p${i >> 1}`, n: i}));
    expect(chooseQuickChart([column("day", "date"), column("place", "string"), column("n", "number")], undefined, many)).toMatchObject({mark: "dot", series: null});
  });

  it("draws bars for a category and a number, choosing the text column with the fewest values", () => {
    expect(chooseQuickChart([column("geography", "string"), column("n", "number")])).toEqual({mark: "bar", category: "geography", value: "n"});
    const table = Array.from({length: 60}, (_, i) => ({row_id: `r${i}`, page: i % 2 ? "supply" : "trade", n: i}));
    expect(chooseQuickChart([column("row_id", "string"), column("page", "string"), column("n", "number")], undefined, table)).toMatchObject({category: "page"});
  });

  it("draws nothing without a number, with numbers alone, or when the only category is an identifier", () => {
    expect(chooseQuickChart([column("geography", "string"), column("day", "date")])).toBeNull();
    expect(chooseQuickChart([column("a", "number"), column("b", "number")])).toBeNull();
    const ids = Array.from({length: 60}, (_, i) => ({row_id: `r${i}`, n: i}));
    expect(chooseQuickChart([column("row_id", "string"), column("n", "number")], undefined, ids)).toBeNull();
  });
});

describe("summaryText", () => {
  it("says how many rows there are and how long it took", () => {
    expect(summaryText({rowCount: 1, complete: true, elapsedMs: 12.4, statementCount: 1}, 100_000)).toBe("1 row · 12 ms");
    expect(summaryText({rowCount: 5000, complete: true, elapsedMs: 1234, statementCount: 2}, 100_000)).toBe(
      "5,000 rows · 1.23 s · 2 statements, result of the last"
    );
    expect(summaryText({rowCount: 2000, complete: false, elapsedMs: 5, statementCount: 1}, 2000)).toMatch(/^2,000 rows kept \(the row cap of 2,000\); the result has more/);
  });
});
