import {describe, expect, it} from "vitest";
import {
  compareWithPublished,
  decimals,
  demandTonnes,
  differencePct,
  impliedKgPerUnit,
  niceCeiling,
  placeExponent,
  scenarioDemand,
  sliderRange,
  type EndUseAssumption
} from "../../src/components/scenario.ts";
import {endUseStart, roundToStep} from "../../src/components/scenarioInputs.ts";

const cars: EndUseAssumption = {id: "nev", label: "NEVs", count: 2, countUnit: "million vehicles", unitsPerCount: 1e6, kgPerUnit: 3, intensityUnit: "kg/vehicle"};
const wind: EndUseAssumption = {id: "wind", label: "Wind", count: 10, countUnit: "GW", unitsPerCount: 1000, kgPerUnit: 500, intensityUnit: "kg/MW"};
const robots: EndUseAssumption = {id: "humanoid", label: "Humanoids", count: 1000, countUnit: "units", unitsPerCount: 1, kgPerUnit: 2.5, intensityUnit: "kg/robot"};

describe("demandTonnes", () => {
  it("turns 2 million vehicles at 3 kg each into 6,000 t", () => {
    expect(demandTonnes(2, 1e6, 3)).toBe(6000);
  });

  it("turns 10 GW at 500 kg per MW into 5,000 t", () => {
    expect(demandTonnes(10, 1000, 500)).toBe(5000);
  });

  it("turns 1,000 robots at 2.5 kg each into 2.5 t", () => {
    expect(demandTonnes(1000, 1, 2.5)).toBe(2.5);
  });

  it("gives 0 t when nothing is made", () => {
    expect(demandTonnes(0, 1e6, 4)).toBe(0);
  });

  it("rejects a negative or non-finite input", () => {
    expect(() => demandTonnes(-1, 1e6, 3)).toThrow(/count/);
    expect(() => demandTonnes(1, 1e6, Number.NaN)).toThrow(/kgPerUnit/);
  });
});

describe("impliedKgPerUnit", () => {
  it("divides published tonnes by units made: 6,000 t over 2 million vehicles is 3 kg each", () => {
    expect(impliedKgPerUnit(6000, 2, 1e6)).toBe(3);
  });

  it("gives kg per MW for wind: 5,000 t over 10 GW is 500 kg/MW", () => {
    expect(impliedKgPerUnit(5000, 10, 1000)).toBe(500);
  });

  it("is the inverse of demandTonnes", () => {
    expect(demandTonnes(12.5, 1e6, impliedKgPerUnit(50000, 12.5, 1e6)!)).toBeCloseTo(50000, 9);
  });

  it("is null when no units were made", () => {
    expect(impliedKgPerUnit(100, 0, 1e6)).toBeNull();
  });
});

describe("scenarioDemand", () => {
  it("adds the end uses: 6,000 + 5,000 + 2.5 = 11,002.5 t", () => {
    const {rows, total} = scenarioDemand([cars, wind, robots]);
    expect(rows).toEqual([
      {id: "nev", label: "NEVs", tonnes: 6000},
      {id: "wind", label: "Wind", tonnes: 5000},
      {id: "humanoid", label: "Humanoids", tonnes: 2.5}
    ]);
    expect(total).toBe(11002.5);
  });

  it("is empty and zero with no end uses", () => {
    expect(scenarioDemand([])).toEqual({rows: [], total: 0});
  });
});

describe("compareWithPublished", () => {
  it("puts the reader's figure before the published one for each end use, and leaves out what was not published", () => {
    const rows = compareWithPublished([cars, robots], [{id: "nev", label: "NEV (published)", tonnes: 5500, basis: "forecast", period: "2025", source_id: "s1"}]);
    expect(rows).toEqual([
      {id: "nev", label: "NEVs", kind: "Your assumption", tonnes: 6000, basis: "scenario", period: "", source_id: null},
      {id: "nev", label: "NEVs", kind: "Published", tonnes: 5500, basis: "forecast", period: "2025", source_id: "s1", bound: null, row_id: null},
      {id: "humanoid", label: "Humanoids", kind: "Your assumption", tonnes: 2.5, basis: "scenario", period: "", source_id: null}
    ]);
  });
});

describe("differencePct", () => {
  it("says 6,000 t is 20% above 5,000 t and 4,000 t is 20% below", () => {
    expect(differencePct(6000, 5000)).toBe(20);
    expect(differencePct(4000, 5000)).toBe(-20);
  });

  it("is null when there is no published figure", () => {
    expect(differencePct(6000, null)).toBeNull();
    expect(differencePct(6000, 0)).toBeNull();
  });
});

describe("niceCeiling", () => {
  it("rounds up to 1, 2 or 5 times a power of ten", () => {
    expect(niceCeiling(1)).toBe(1);
    expect(niceCeiling(1.2)).toBe(2);
    expect(niceCeiling(35.78)).toBe(50);
    expect(niceCeiling(160)).toBe(200);
    expect(niceCeiling(0.3)).toBe(0.5);
    expect(niceCeiling(600)).toBe(1000);
  });
});

describe("sliderRange", () => {
  it("spans 0 to a round number above twice the largest value, in steps fine enough for the start value", () => {
    expect(sliderRange(17.89, [12.888])).toEqual({min: 0, max: 50, step: 0.001, value: 17.89});
  });

  it("uses whole steps for large whole numbers", () => {
    expect(sliderRange(890000, [18000, 76000])).toEqual({min: 0, max: 2000000, step: 1000, value: 890000});
  });

  it("keeps a given minimum", () => {
    expect(sliderRange(3, [2, 5], {min: 1, headroom: 1})).toEqual({min: 1, max: 5, step: 0.001, value: 3});
  });

  it("counts the decimals of a number as written", () => {
    expect(decimals(4)).toBe(0);
    expect(decimals(4.25)).toBe(2);
    expect(decimals(1e-7)).toBe(7);
  });
});

describe("placeExponent", () => {
  it("finds the last significant place", () => {
    expect(placeExponent(0.125)).toBe(-3);
    expect(placeExponent(17)).toBe(0);
    expect(placeExponent(18000)).toBe(3);
  });
});

describe("endUseStart", () => {
  const pair = {end_use: "nev", category: "NEVs", period: "2025", demand_t: 6000, demand_basis: "forecast", demand_row_id: "d", units: 2, units_unit: "million vehicles", units_row_id: "u", source_id: "s"};

  it("starts the units slider at the published figure and the kg slider at the derived kg per unit", () => {
    const start = endUseStart(pair, [2, 5]);
    expect(start.derivedKg).toBe(3);
    expect(start.count).toEqual({min: 0, max: 5, step: 0.001, value: 2});
    expect(start.kg).toEqual({min: 0, max: 5, step: 0.01, value: 3});
  });

  it("rounds a derived figure to three significant digits: 5,000 t over 11 GW is 454.5… kg/MW, starting at 455", () => {
    const start = endUseStart({...pair, end_use: "wind", demand_t: 5000, units: 11, units_unit: "GW"});
    expect(start.intensityUnit).toBe("kg/MW");
    expect(start.kg.value).toBe(455);
    expect(start.kg.max).toBe(1000);
  });

  it("refuses units it cannot turn into an intensity", () => {
    expect(() => endUseStart({...pair, units_unit: "bushels"})).toThrow(/bushels/);
  });
});

describe("roundToStep", () => {
  it("rounds to the step without float noise", () => {
    expect(roundToStep(4.192286, 0.01)).toBe(4.19);
    expect(roundToStep(0.0787878, 0.0001)).toBe(0.0788);
    expect(roundToStep(95.87, 1)).toBe(96);
  });
});
