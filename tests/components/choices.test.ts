// The states one change away from a page's first state: what the build runs the page's
// queries for, so that the reader's first change is answered without DuckDB-WASM.
import {describe, expect, it} from "vitest";
import {statesOneChangeAway, yearRange} from "../../src/components/choices.ts";

describe("statesOneChangeAway", () => {
  it("changes one input at a time, to each of its other values, and never repeats the first state", () => {
    const states = statesOneChangeAway({unit: "GW", area: "both"}, {unit: ["GW", "MW"], area: ["both", "China", "World"]});
    expect(states).toEqual([
      {unit: "MW", area: "both"},
      {unit: "GW", area: "China"},
      {unit: "GW", area: "World"}
    ]);
  });

  it("moves one end of a year range at a time, in order, as the two selects do", () => {
    const states = statesOneChangeAway({years: [2020, 2022]}, {years: yearRange(2019, 2023)});
    const ranges = states.map((s) => s.years);
    // The from-select over every year: a year past the end swaps the ends, as yearRangeInput does.
    expect(ranges).toContainEqual([2019, 2022]);
    expect(ranges).toContainEqual([2022, 2023]);
    // The to-select over every year, including one before the start.
    expect(ranges).toContainEqual([2019, 2020]);
    expect(ranges).toContainEqual([2020, 2020]);
    expect(ranges).not.toContainEqual([2020, 2022]);
    expect(new Set(ranges.map((r) => r.join())).size).toBe(ranges.length);
    for (const [from, to] of ranges) expect(from).toBeLessThanOrEqual(to);
  });

  it("takes booleans and leaves inputs without choices as they are", () => {
    const states = statesOneChangeAway({revisions: false, country: "China"}, {revisions: [false, true]});
    expect(states).toEqual([{revisions: true, country: "China"}]);
  });

  it("refuses choices for an input the state does not have, and a range that is not one", () => {
    expect(() => statesOneChangeAway({unit: "GW"}, {units: ["MW"]} as never)).toThrow(/units/);
    expect(() => yearRange(2025, 2020)).toThrow(/2025/);
  });
});
