// Every chart's tooltip is made by tipLines: the point's name, its period and place, its value
// with unit, basis and the chart's detail, the chart's notes, and the source's short name.
import {describe, expect, it} from "vitest";
import {tipLines} from "../../src/components/tips.ts";

describe("tipLines", () => {
  it("names the point, its period and place, its value with unit and basis, and its source", () => {
    const row = {label: "Mine production", period: "2024", geography: "China", value: 270000, unit: "t REO", basis: "estimate", source_name: "USGS MCS 2025"};
    expect(tipLines(row).split("\n")).toEqual(["Mine production", "2024, China", "270,000 t REO (estimate)", "Source: USGS MCS 2025"]);
  });

  it("reads the number and the name through accessors, and prints a range when there is no single value", () => {
    expect(tipLines({market: "SMM", period: "2025-03", price: 431.5, unit: "CNY/t"}, {label: "market", value: "price"}).split("\n")).toEqual(["SMM", "2025-03", "431.5 CNY/t"]);
    expect(tipLines({label: "Tesla Optimus", period: "2030", value: null, value_low: 2, value_high: 3.5, unit: "kg/robot", basis: "forecast"}).split("\n")[2]).toBe("2–3.5 kg/robot (forecast)");
  });

  it("adds the chart's detail after the basis and its notes before the source, dropping empty notes", () => {
    const text = tipLines(
      {series: "Magnets", period: "2025-04", value: 2626, unit: "t", basis: "actual", copies: 3, source_id: "gacc-2025-04"},
      {detail: (row) => `${row.copies} copies read`, notes: () => [false, "", "Low confidence", null]}
    );
    expect(text.split("\n")).toEqual(["Magnets", "2025-04", "2,626 t (actual; 3 copies read)", "Low confidence", "Source: gacc-2025-04"]);
  });

  it("writes no value line for a point with no number (a dated event), only its notes", () => {
    const text = tipLines({title: "Export licences for seven elements", period: "2025-04-04", description: "MOFCOM notice 18", source_name: "MOFCOM"}, {label: "title", notes: (row) => [row.description]});
    expect(text.split("\n")).toEqual(["Export licences for seven elements", "2025-04-04", "MOFCOM notice 18", "Source: MOFCOM"]);
  });

  it("does not repeat the place when it is the point's name", () => {
    expect(tipLines({geography: "China", period: "2023", value: 1, unit: "%", basis: "actual"}, {label: "geography"}).split("\n")[1]).toBe("2023");
  });
});
