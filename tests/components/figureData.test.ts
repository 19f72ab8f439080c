import {csvParse} from "d3";
import {describe, expect, it} from "vitest";
import {downloadName, findingsFor, rowIdsOf, rowsToCsv, sourcesFor, splitRowIds} from "../../src/components/figureData.ts";

const rows = Object.assign(
  [
    {row_id: "a-2024", year: 2024, period_start: new Date("2024-01-01T00:00:00Z"), value: 1.5, country: "China, mainland", source_id: "usgs"},
    {row_id: "a-2025", year: 2025, period_start: new Date("2025-01-01T00:00:00Z"), value: null, country: 'He said "no"', source_id: "smm"}
  ],
  {columns: ["row_id", "year", "period_start", "value", "country", "source_id"]}
);

describe("figure data", () => {
  it("splits row id lists written with commas, semicolons or spaces", () => {
    expect(splitRowIds("a, b;c  d")).toEqual(["a", "b", "c", "d"]);
    expect(splitRowIds(null)).toEqual([]);
  });

  it("collects row ids from row_id and from aggregated row_ids", () => {
    expect([...rowIdsOf([{row_id: "x"}, {row_ids: "y,z"}])]).toEqual(["x", "y", "z"]);
  });

  it("keeps only the findings that name one of the chart's rows", () => {
    const findings = [
      {check_id: "sum", message: "parts exceed total", row_ids: "a-2025,other"},
      {check_id: "unrelated", message: "elsewhere", row_ids: "zzz"}
    ];
    const found = findingsFor(rows, findings);
    expect(found.map((f) => f.check_id)).toEqual(["sum"]);
    expect(found[0].matched).toEqual(["a-2025"]);
  });

  it("cites the sources named in the rows, with titles from the lookup", () => {
    const cited = sourcesFor(rows, [{source_id: "usgs", title: "USGS MCS"}, {source_id: "iea", title: "IEA"}]);
    expect(cited).toEqual([{source_id: "smm", title: "smm"}, {source_id: "usgs", title: "USGS MCS"}]);
  });

  it("writes exactly the rows as CSV, dates as ISO dates and quotes escaped", () => {
    const parsed = csvParse(rowsToCsv(rows));
    expect(parsed.columns).toEqual(["row_id", "year", "period_start", "value", "country", "source_id"]);
    expect(parsed.length).toBe(2);
    expect(parsed[0]).toMatchObject({row_id: "a-2024", year: "2024", period_start: "2024-01-01", value: "1.5", country: "China, mainland"});
    expect(parsed[1]).toMatchObject({value: "", country: 'He said "no"'});
  });

  it("writes a header even when there are no rows", () => {
    expect(rowsToCsv(Object.assign([], {columns: ["a", "b"]}))).toBe("a,b\n");
  });

  it("makes file names from figure ids", () => {
    expect(downloadName("mine-production/by country", "csv")).toBe("mine-production-by-country.csv");
  });
});
