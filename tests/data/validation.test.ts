import {fileURLToPath} from "node:url";
import {describe, expect, it} from "vitest";
import {ValidationError} from "../../data-loaders/lib/problems.ts";
import {loadObservations} from "../../data-loaders/observations.ts";
import {UNIT_NAMES} from "../../data-loaders/schema/units.ts";

const broken = fileURLToPath(new URL("./fixtures/broken", import.meta.url));
const figures = "tests/data/fixtures/broken/observations/figures.csv";
const series = "tests/data/fixtures/broken/registry/series.csv";

function messages(): string[] {
  try {
    loadObservations(broken);
  } catch (error) {
    if (error instanceof ValidationError) return error.message.split("\n").slice(1);
    throw error;
  }
  throw new Error("the broken fixture loaded without complaint");
}

describe("validation of the source records", () => {
  it("reports every problem at once, in file and line order", () => {
    const lines = messages();
    expect(lines).toHaveLength(15);
    expect(lines[0]).toBe(`tests/data/fixtures/broken/observations/figures.csv:3: unit "tonnes" is not in the unit list (${UNIT_NAMES.join(", ")})`);
  });

  it("rejects a record whose source is not in sources.csv", () => {
    expect(messages()).toContain(`${figures}:4: source_id "gamma" is not in sources.csv`);
  });

  it("rejects a period that is not a real period", () => {
    expect(messages()).toContain(
      `${figures}:5: period "2025-13" is not a recognised period (YYYY, YYYY-MM, YYYY-MM-DD, YYYY-Q1, YYYY-H1, YYYY-MM/YYYY-MM, YYYY-YYYY, "YYYY (Jan-Sep)", or empty)`
    );
  });

  it("rejects a record with neither a value nor a range", () => {
    expect(messages()).toContain(`${figures}:6: value is empty, so value_low and value_high must both give the published range`);
  });

  it("rejects a number written with thousands separators", () => {
    expect(messages()).toContain(`${figures}:7: value "18,962.3" is not a plain number (digits, optional "-" and ".")`);
  });

  it("rejects a repeated row_id, naming the first use", () => {
    expect(messages()).toContain(`${figures}:8: row_id "ok-row" is already used at ${figures}:2`);
  });

  it("rejects a series whose theme is outside the theme list, and the figures of that series", () => {
    expect(messages()).toContain(`${series}:6: theme "mining" is not one of supply, trade, magnets, wind, robotics, prices, demand`);
    expect(messages()).toContain(`${figures}:10: series_id "fx.mining" is not in registry/series.csv`);
  });

  it("rejects a part that names no existing total", () => {
    expect(messages()).toContain(`${figures}:9: part_of "no-such-row" is not the row_id of any observation`);
  });

  it("rejects a figure whose series has no registry entry", () => {
    expect(messages()).toContain(`${figures}:11: series_id "fx.nowhere" is not in registry/series.csv`);
  });

  it("rejects a unit with no factor to its measure's canonical unit", () => {
    expect(messages()).toContain(`${figures}:12: unit "t" has no factor to "%", the canonical unit of fx.ratio`);
  });

  it("rejects a marker the basis rule does not know", () => {
    expect(messages().find((m) => m.startsWith(`${figures}:13:`))).toMatch(/^.*: the basis cannot be determined: basis_marker "probably" is not a known marker/);
  });

  it("rejects an outturn marker on a period after the source's date", () => {
    expect(messages()).toContain(`${figures}:14: the basis cannot be determined: basis_marker "Reported." states an outturn, but the period ends after the source's date 2025-12-31`);
  });

  it("rejects a second preferred series for one measure, geography and part", () => {
    expect(messages()).toContain(`${series}:4: series "fx.twin" is a second preferred series for fx.quota, China, part "total" (the first is "fx.ok" on line 2)`);
  });

  it("reports problems in sources.csv alongside the observation problems", () => {
    expect(messages()).toContain('tests/data/fixtures/broken/sources.csv:3: date "March 2025" is not YYYY, YYYY-MM or YYYY-MM-DD');
  });
});
