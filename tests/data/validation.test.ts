import {fileURLToPath} from "node:url";
import {describe, expect, it} from "vitest";
import {ValidationError} from "../../data-loaders/lib/problems.ts";
import {loadObservations} from "../../data-loaders/observations.ts";
import {UNIT_NAMES} from "../../data-loaders/schema/units.ts";

const broken = fileURLToPath(new URL("./fixtures/broken", import.meta.url));
const figures = "tests/data/fixtures/broken/observations/figures.csv";

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
    expect(lines).toHaveLength(9);
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

  it("rejects a theme outside the theme list", () => {
    expect(messages()).toContain(`${figures}:9: theme "mining" is not one of supply, trade, magnets, wind, robotics, prices, demand`);
  });

  it("rejects a part that names no existing total", () => {
    expect(messages()).toContain(`${figures}:10: part_of "no-such-row" is not the row_id of any observation`);
  });

  it("reports problems in sources.csv alongside the observation problems", () => {
    expect(messages()).toContain('tests/data/fixtures/broken/sources.csv:3: date "March 2025" is not YYYY, YYYY-MM or YYYY-MM-DD');
  });
});
