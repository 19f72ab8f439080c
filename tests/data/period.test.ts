import {describe, expect, it} from "vitest";
import {parsePeriod, shiftYears} from "../../data-loaders/lib/period.ts";

describe("parsePeriod", () => {
  it("reads a year as its first and last day", () => {
    expect(parsePeriod("2024")).toEqual({start: "2024-01-01", end: "2024-12-31"});
  });

  it("reads months, days, quarters and half years", () => {
    expect(parsePeriod("2024-02")).toEqual({start: "2024-02-01", end: "2024-02-29"});
    expect(parsePeriod("2024-05-24")).toEqual({start: "2024-05-24", end: "2024-05-24"});
    expect(parsePeriod("2025-Q1")).toEqual({start: "2025-01-01", end: "2025-03-31"});
    expect(parsePeriod("2019-H1")).toEqual({start: "2019-01-01", end: "2019-06-30"});
  });

  it("reads spans written with a slash, a dash between years, or a month label", () => {
    expect(parsePeriod("2025-01/2025-04")).toEqual({start: "2025-01-01", end: "2025-04-30"});
    expect(parsePeriod("2020-2023")).toEqual({start: "2020-01-01", end: "2023-12-31"});
    expect(parsePeriod("2025 (Jan-Sep)")).toEqual({start: "2025-01-01", end: "2025-09-30"});
    expect(parsePeriod("2026-2030 (per year)")).toEqual({start: "2026-01-01", end: "2030-12-31"});
    expect(parsePeriod("c. 2023")).toEqual({start: "2023-01-01", end: "2023-12-31"});
  });

  it("rejects impossible or unknown periods", () => {
    expect(parsePeriod("2025-13")).toBeNull();
    expect(parsePeriod("2025-02-30")).toBeNull();
    expect(parsePeriod("2025-04/2025-01")).toBeNull();
    expect(parsePeriod("per turbine")).toBeNull();
  });

  it("moves a period back a year keeping month ends", () => {
    expect(shiftYears({start: "2024-02-01", end: "2024-02-29"}, -1)).toEqual({start: "2023-02-01", end: "2023-02-28"});
  });
});
