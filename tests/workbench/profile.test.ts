// The column profile beside a workbench result, from Arrow batches as DuckDB returns them.
import {tableFromArrays, vectorFromArray, Table, Utf8} from "apache-arrow";
import {describe, expect, it} from "vitest";
import {batchColumns} from "../../src/components/workbench/cells.ts";
import {HISTOGRAM_BINS, profileColumns} from "../../src/components/workbench/profile.ts";

function sample(): Table {
  const values = [0, 10, 10, 25, null, 100, NaN];
  return new Table({
    n: vectorFromArray(values.map((v) => (v === null ? null : v))),
    country: vectorFromArray(["China", "Australia", "China", null, "China", "Myanmar", "Australia"], new Utf8()),
    day: vectorFromArray([new Date(Date.UTC(2024, 0, 1)), new Date(Date.UTC(2024, 0, 1)), null, null, new Date(Date.UTC(2025, 5, 30)), null, null])
  });
}

describe("the column profile", () => {
  const table = sample();
  const [n, country, day] = profileColumns(table.batches, batchColumns(table.schema));

  it("counts nulls (and NaN) and distinct values, and finds the range of numbers", () => {
    expect(n).toMatchObject({name: "n", kind: "number", count: 7, nulls: 2, distinct: 4, min: 0, max: 100});
    expect(n.top).toEqual([]);
  });

  it("bins numbers over their range, every non-null value in one bin", () => {
    expect(n.bins).toHaveLength(HISTOGRAM_BINS);
    expect(n.bins.reduce((a, b) => a + b, 0)).toBe(5);
    // Bins of 100/12 ≈ 8.3: 0 in the first, 10 and 10 in the second, 25 in the fourth, 100 (the maximum) in the last.
    expect(n.bins).toEqual([1, 2, 0, 1, 0, 0, 0, 0, 0, 0, 0, 1]);
  });

  it("gives text its most frequent values, ties in sort order", () => {
    expect(country).toMatchObject({kind: "string", nulls: 1, distinct: 3, min: "Australia", max: "Myanmar", bins: []});
    expect(country.top).toEqual([["China", 3], ["Australia", 2], ["Myanmar", 1]]);
  });

  it("ranges dates, and puts a single value in a single bin", () => {
    expect(day.kind).toBe("date");
    expect((day.min as Date).toISOString().slice(0, 10)).toBe("2024-01-01");
    expect((day.max as Date).toISOString().slice(0, 10)).toBe("2025-06-30");
    const [one] = profileColumns(tableFromArrays({x: Float64Array.from([5, 5, 5])}).batches, batchColumns(tableFromArrays({x: Float64Array.from([5])}).schema));
    expect(one.bins).toEqual([3]);
  });

  it("reads only the rows it is given, up to a limit", () => {
    const [limited] = profileColumns(table.batches, batchColumns(table.schema), 3);
    expect(limited).toMatchObject({count: 3, nulls: 0, distinct: 2, max: 10});
  });
});
