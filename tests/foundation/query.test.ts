import {DateDay, Table, Type, vectorFromArray} from "apache-arrow";
import {describe, expect, it} from "vitest";
import {ARROW_TYPE, tableToRows} from "../../src/components/arrowRows.ts";
import {interpolate, pageQueries} from "../../src/components/liveQuery.ts";
import {defineQuery, givenInputs, lit, matches, queryKey, unpack} from "../../src/components/query.ts";
import {staticSqlBlocks} from "../../scripts/snapshot-set/precompute.ts";

describe("lit", () => {
  it("doubles single quotes so input text cannot end the string", () => {
    expect(lit("O'Brien'; DROP TABLE observations; --")).toBe("'O''Brien''; DROP TABLE observations; --'");
  });
  it("writes numbers, booleans, null, dates and lists as SQL literals", () => {
    expect(lit(2024)).toBe("2024");
    expect(lit(true)).toBe("TRUE");
    expect(lit(null)).toBe("NULL");
    expect(lit(new Date(Date.UTC(2025, 4, 12)))).toBe("DATE '2025-05-12'");
    expect(lit(["China", "Myanmar"])).toBe("('China', 'Myanmar')");
    expect(lit([])).toBe("(NULL)");
  });
  it("refuses a number SQL cannot hold", () => {
    expect(() => lit(Number.NaN)).toThrow(/not a finite number/);
  });
});

describe("queryKey", () => {
  it("folds white space so a reformatted query finds its shipped result", () => {
    expect(queryKey("SELECT 1\n  FROM t\n")).toBe(queryKey("  SELECT 1 FROM t"));
    expect(queryKey("SELECT 1 FROM t")).not.toBe(queryKey("SELECT 2 FROM t"));
    // Short, whatever the query's length.
    expect(queryKey(`SELECT ${"x, ".repeat(500)}1 FROM t`).length).toBeLessThanOrEqual(11);
  });

  it("hands over a stored result only when its own SQL is the query asked, white space aside", () => {
    const stored = {sql: "SELECT 1\n  FROM t", columns: [], rows: []};
    expect(matches(stored, "SELECT 1 FROM t")).toBe(true);
    expect(matches(stored, "SELECT 2 FROM t")).toBe(false);
    expect(matches({columns: [], rows: []}, "SELECT 1 FROM t")).toBe(false);
    expect(matches(undefined, "SELECT 1 FROM t")).toBe(false);
  });
});

describe("interpolate", () => {
  it("inlines template values as escaped literals", () => {
    const strings = Object.assign(["SELECT * FROM t WHERE a = ", " AND b IN ", ""], {raw: []});
    expect(interpolate(strings, ["x'y", [1, 2]])).toBe("SELECT * FROM t WHERE a = 'x''y' AND b IN (1, 2)");
  });
});

describe("unpack", () => {
  it("revives date columns from epoch milliseconds and keeps other cells", () => {
    const rows = unpack({columns: [{name: "d", kind: "date"}, {name: "v", kind: "number"}], rows: [[Date.UTC(2024, 0, 1), 5], [null, null]]});
    expect(rows[0].d).toEqual(new Date("2024-01-01T00:00:00Z"));
    expect(rows[0].v).toBe(5);
    expect(rows[1].d).toBeNull();
    expect(rows.columns).toEqual(["d", "v"]);
    expect(rows.schema?.map((c) => c.kind)).toEqual(["date", "number"]);
  });
});

describe("tableToRows", () => {
  it("uses Arrow's own type ids", () => {
    expect(ARROW_TYPE).toEqual({Int: Type.Int, Float: Type.Float, Utf8: Type.Utf8, Bool: Type.Bool, Decimal: Type.Decimal, Date: Type.Date, Timestamp: Type.Timestamp, LargeUtf8: Type.LargeUtf8, Dictionary: Type.Dictionary});
  });
  it("turns DATE cells into Dates and 64-bit integers into numbers", () => {
    const day = Date.UTC(2025, 3, 30);
    const dates = vectorFromArray([new Date(day)], new DateDay());
    const table = new Table({d: dates, n: vectorFromArray([42n]), s: vectorFromArray(["a"])});
    const rows = tableToRows(table);
    expect(rows[0]).toEqual({d: new Date(day), n: 42, s: "a"});
    expect(rows.columns).toEqual(["d", "n", "s"]);
    expect(rows.schema?.map((c) => c.kind)).toEqual(["date", "number", "string"]);
  });
});

describe("staticSqlBlocks", () => {
  it("finds sql fences without interpolation and skips those with it", () => {
    const md = "text\n```sql id=a\nSELECT 1\n```\n\n```sql\nSELECT ${x}\n```\n```js\n1\n```\n";
    expect(staticSqlBlocks(md)).toEqual(["SELECT 1\n"]);
  });
});

describe("the table lists", () => {
  it("name the same tables in the browser client, the Node snapshots and the descriptions", async () => {
    const {readFileSync} = await import("node:fs");
    const {TABLE_NAMES} = await import("../../src/components/tables.ts");
    const {SNAPSHOT_BUILDERS} = await import("../../data-loaders/snapshots.ts");
    const db = readFileSync(new URL("../../src/components/db.ts", import.meta.url), "utf8");
    const registered = [...db.matchAll(/^\s+(\w+): FileAttachment\("\.\.\/data\/(\w+)\.parquet"\)\.href/gm)];
    expect(registered.map((m) => m[1])).toEqual(registered.map((m) => m[2]));
    expect(registered.map((m) => m[1]).sort()).toEqual([...TABLE_NAMES].sort());
    expect(Object.keys(SNAPSHOT_BUILDERS).sort()).toEqual([...TABLE_NAMES].sort());
  });
});

describe("the inputs a cell gives a query", () => {
  const inputs = {years: [2010, 2025], partner: "Myanmar"};
  const byYear = defineQuery({id: "by-year", title: "By year", sql: ({years}: {years: number[]}) => `SELECT ${lit(years[0])} AS first_year`});
  const byPartner = defineQuery({id: "by-partner", title: ({partner}: {partner: string}) => `${partner}`, sql: ({partner}: {partner: string}) => `SELECT ${lit(partner)} AS partner`});

  it("reads the inputs the cell passed, as passed", () => {
    const given = givenInputs({years: [2015, 2020]}, inputs, "The query");
    expect(given.years).toEqual([2015, 2020]);
    // Keys that are not the page's inputs (JSON's, a promise check's) read as on any object.
    expect(JSON.stringify(given)).toBe('{"years":[2015,2020]}');
    expect((given as {then?: unknown}).then).toBeUndefined();
  });

  it("throws, naming the query and the input, when the query reads an input the cell did not pass", async () => {
    expect(() => (givenInputs({years: [2015, 2020]}, inputs, 'The query "x"') as {partner?: string}).partner).toThrow('The query "x" reads the input "partner", which its cell does not pass');
    const q = pageQueries(null, {inputs});
    await expect(async () => q.query(byPartner, {years: [2015, 2020]} as never)).rejects.toThrow('The query "by-partner" reads the input "partner"');
    // The state handed on to the figure is guarded too: its title reads the same input.
    expect(() => q.given(byPartner, {} as never).partner).toThrow('"by-partner" reads the input "partner"');
    // Given what it reads, the query's text is the same as for the whole state.
    expect(byYear.sql(q.given(byYear, {years: [2015, 2020]}))).toBe(byYear.sql({years: [2015, 2020], partner: "Japan"} as never));
  });
});
