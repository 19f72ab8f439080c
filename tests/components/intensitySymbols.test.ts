import {describe, expect, it} from "vitest";
import {symbols} from "../../src/components/intensityRangeChart.ts";

describe("the intensity chart's symbols", () => {
  it("draws derived figures as diamonds even when no published figure is on the chart", () => {
    expect(symbols(["derived here", "derived here"])).toEqual({domain: ["derived here"], range: ["diamond"]});
  });
  it("keeps published figures as circles and a fixed order whatever the rows' order", () => {
    expect(symbols(["derived here", "published"])).toEqual({domain: ["published", "derived here"], range: ["circle", "diamond"]});
    expect(symbols(["published"])).toEqual({domain: ["published"], range: ["circle"]});
    expect(symbols([])).toEqual({domain: [], range: []});
  });
});
