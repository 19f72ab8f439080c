import {describe, expect, it} from "vitest";
import {formatState, isDefaultState, parseState} from "../../src/components/urlState.ts";

const defaults = {years: [2015, 2024], country: "China", revisions: false, partners: ["Myanmar", "Laos"], limit: 10};

describe("URL state", () => {
  it("tells the first state from any other, comparing arrays by value", () => {
    expect(isDefaultState({...defaults, years: [2015, 2024], partners: ["Myanmar", "Laos"]}, defaults)).toBe(true);
    expect(isDefaultState({...defaults, years: [2016, 2024]}, defaults)).toBe(false);
    expect(isDefaultState({...defaults, revisions: true}, defaults)).toBe(false);
  });

  it("gives the defaults for a plain address", () => {
    expect(parseState(defaults, "")).toEqual(defaults);
  });

  it("reads each value typed like its default", () => {
    const state = parseState(defaults, "?years=2018-2022&country=United%20States&revisions=1&partners=Malaysia,Lao%2C%20PDR&limit=5");
    expect(state).toEqual({years: [2018, 2022], country: "United States", revisions: true, partners: ["Malaysia", "Lao, PDR"], limit: 5});
  });

  it("falls back to the default for a value it cannot read or that is not allowed", () => {
    const state = parseState(defaults, "?years=soon&limit=x&revisions=maybe&country=Atlantis", {country: ["China", "Myanmar"]});
    expect(state).toEqual(defaults);
  });

  it("orders a reversed year range", () => {
    expect(parseState(defaults, "?years=2024-2015").years).toEqual([2015, 2024]);
  });

  it("writes nothing when every value is its default", () => {
    expect(formatState(defaults, defaults)).toBe("");
  });

  it("writes every key once one value differs, and reads back what it wrote", () => {
    const state = {...defaults, country: "Lao PDR & co", partners: ["a,b", "c"], years: [2019, 2023]};
    const search = formatState(state, defaults);
    expect(search).toBe("?years=2019-2023&country=Lao%20PDR%20%26%20co&revisions=0&partners=a%2Cb,c&limit=10");
    expect(parseState(defaults, search)).toEqual(state);
  });
});
