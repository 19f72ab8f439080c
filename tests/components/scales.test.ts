import {describe, expect, it} from "vitest";
import {breakAtGaps, YEAR_MS} from "../../src/components/gaps.ts";
import {compactNumber, formatCell, monthTime, yearBand, yearLinear, yearStep} from "../../src/components/scales.ts";

const year = (y: number) => new Date(Date.UTC(y, 0, 1));

describe("breakAtGaps(rows, {x, z, step})", () => {
  it("starts a new segment after a gap of more than one period", () => {
    const rows = [2013, 2021, 2022, 2023].map((y) => ({series: "NEVs", date: year(y)}));
    expect(breakAtGaps(rows, {step: YEAR_MS}).map((row) => row.segment)).toEqual(["NEVs#0", "NEVs#1", "NEVs#1", "NEVs#1"]);
  });
  it("keeps consecutive years, leap years included, in one segment", () => {
    const rows = [2019, 2020, 2021].map((y) => ({series: "A", date: year(y)}));
    expect(new Set(breakAtGaps(rows, {step: YEAR_MS}).map((row) => row.segment)).size).toBe(1);
  });
  it("keeps each series' segments apart", () => {
    const rows = [{series: "A", year: 2020}, {series: "B", year: 2020}, {series: "A", year: 2021}];
    expect(breakAtGaps(rows, {x: "year", step: 1}).map((row) => row.segment).sort()).toEqual(["A#0", "A#0", "B#0"]);
  });
});

describe("yearStep(count, pixels)", () => {
  it("labels every year when they fit and every fifth when 16 years share 300 px", () => {
    expect(yearStep(8, 600)).toBe(1);
    expect(yearStep(16, 300)).toBe(5);
  });
});

describe("yearBand(years, width)", () => {
  it("keeps every year of the span, so 2011 is not drawn next to 2018", () => {
    expect(yearBand([2011, 2018, 2025], 1280).domain).toEqual([2011, 2012, 2013, 2014, 2015, 2016, 2017, 2018, 2019, 2020, 2021, 2022, 2023, 2024, 2025]);
  });
  it("prints no label twice and no year with a thousands separator", () => {
    const {domain, tickFormat} = yearBand([2005, 2025], 390);
    const labels = domain.map(tickFormat).filter(Boolean);
    expect(new Set(labels).size).toBe(labels.length);
    expect(labels.every((label) => /^\d{4}$/.test(label))).toBe(true);
  });
});

describe("yearLinear(years, width)", () => {
  it("ticks whole years only", () => {
    expect(yearLinear([2018, 2025], 390).ticks.every(Number.isInteger)).toBe(true);
  });
});

describe("monthTime(start, end, width)", () => {
  it("names the year in every tick, so no two ticks read the same", () => {
    const {ticks, tickFormat} = monthTime(new Date(Date.UTC(2024, 0, 1)), new Date(Date.UTC(2025, 11, 1)), 390);
    const labels = ticks.map(tickFormat);
    expect(new Set(labels).size).toBe(labels.length);
    expect(labels.every((label) => /\d{4}/.test(label))).toBe(true);
  });
});

describe("compactNumber(value)", () => {
  it("writes a billion as 1B, not 1G", () => {
    expect(compactNumber(1e9)).toBe("1B");
    expect(compactNumber(10_000_000)).toBe("10M");
  });
});

describe("formatCell(value, column)", () => {
  it("prints years and editions without a thousands separator and leaves other columns alone", () => {
    expect(formatCell(2010, "year")).toBe("2010");
    expect(formatCell(2024, "vintage")).toBe("2024");
    expect(formatCell(2010, "value")).toBeUndefined();
  });
});
