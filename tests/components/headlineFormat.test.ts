import {describe, expect, it} from "vitest";
import {formatChange, formatValue} from "../../src/components/headlineFormat.ts";

describe("headline wording", () => {
  it("writes large figures with thousands separators and marks approximations", () => {
    expect(formatValue({value: 270000})).toBe("270,000");
    expect(formatValue({value: 12849, qualifier: "approximately"})).toBe("≈ 12,849");
    expect(formatValue({value: 17.89})).toBe("17.89");
  });

  it("writes ranges and bounds as the source gave them", () => {
    expect(formatValue({value: null, value_low: 2, value_high: 5})).toBe("2–5");
    expect(formatValue({value: 800, bound: "lower"})).toBe("≥ 800");
  });

  it("says what a change is measured against", () => {
    expect(formatChange({change_pct: 5.1, change_basis: "yoy"})).toBe("+5.1% on a year earlier");
    expect(formatChange({change_pct: -45, change_basis: "mom"})).toBe("−45% on the previous month");
    expect(formatChange({change_pct: null})).toBeNull();
  });
});
