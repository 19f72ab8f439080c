import {describe, expect, it} from "vitest";
import {byBasis, valueText} from "../../src/components/basisMarks.ts";
import {projectedPaths} from "../../src/components/yearlySeriesChart.ts";

const year = (y: number) => new Date(Date.UTC(y, 0, 1));

describe("projectedPaths", () => {
  it("starts a series' dashed path at its last measured point and runs through its forecasts", () => {
    const rows = [
      {series: "China", date: year(2023), value: 1, basis: "actual"},
      {series: "China", date: year(2024), value: 2, basis: "actual"},
      {series: "China", date: year(2030), value: 8, basis: "target"},
      {series: "World", date: year(2024), value: 5, basis: "actual"}
    ];
    expect(projectedPaths(rows).map((row) => [row.series, (row.date as Date).getUTCFullYear(), row.path])).toEqual([
      ["China", 2024, "China projected"],
      ["China", 2030, "China projected"]
    ]);
  });

  it("joins the forecasts of a series that has no measured point", () => {
    const rows = [
      {series: "A", date: year(2030), value: 1, basis: "forecast"},
      {series: "A", date: year(2027), value: 3, basis: "forecast"}
    ];
    expect(projectedPaths(rows).map((row) => (row.date as Date).getUTCFullYear())).toEqual([2027, 2030]);
  });

  it("draws no dashed path for a lone forecast", () => {
    expect(projectedPaths([{series: "A", date: year(2025), value: 1, basis: "forecast"}])).toEqual([]);
  });
});

describe("valueText", () => {
  it("writes bounds, ranges and plain values the way a reader says them", () => {
    expect(valueText({value: 800, bound: "lower"}, 0)).toBe("≥ 800");
    expect(valueText({value: 35, bound: "upper"}, 0)).toBe("≤ 35");
    expect(valueText({value: null, value_low: 2, value_high: 5})).toBe("2–5");
    expect(valueText({value: 12345.678}, 1)).toBe("12,345.7");
  });
});

describe("byBasis", () => {
  it("groups rows by basis with actuals first", () => {
    const groups = byBasis([{basis: "forecast"}, {basis: "actual"}, {basis: "forecast"}, {}]);
    expect(groups.map(([basis, rows]) => [basis, rows.length])).toEqual([["actual", 2], ["forecast", 2]]);
  });
});
