import {describe, expect, it} from "vitest";
import {describeRows} from "../../src/components/figureDescription.ts";

describe("describeRows(rows)", () => {
  it("names the count, the periods, the range with its unit and the largest figure", () => {
    const rows = [
      {geography: "China", period: "2010", value: 130000, unit: "t REO"},
      {geography: "World", period: "2025", value: 390000, unit: "t REO"},
      {geography: "Burma", period: "2018", value: 19000, unit: "t REO"}
    ];
    expect(describeRows(rows)).toBe("3 figures, 2010 to 2025, from 19,000 to 390,000 t REO; the largest: World, 2025, 390,000 t REO.");
  });

  it("gives the unit of the largest figure when the rows mix units", () => {
    const rows = [
      {item: "Ore", value: 5, unit: "kt"},
      {item: "Oxide", value: 40, unit: "%"}
    ];
    expect(describeRows(rows)).toBe("2 figures, from 5 to 40; the largest: Oxide, 40 %.");
  });

  it("says so when there are no rows", () => {
    expect(describeRows([])).toBe("No figures for this selection.");
  });

  it("reads dates as days and skips values that are not numbers", () => {
    expect(describeRows([{period: new Date(Date.UTC(2025, 4, 1)), value: null}])).toBe("1 figure, 2025-05-01.");
  });
});
