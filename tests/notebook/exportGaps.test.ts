// @vitest-environment jsdom
// An exported page's line chart is the notebook's: over whole years, a series that skips a year
// is drawn as two lines, not one line across the missing year. The Plot code the export writes
// is run here as the page would run it.
import * as Plot from "@observablehq/plot";
import {describe, expect, it} from "vitest";
import {breakAtGaps} from "../../src/components/gaps.ts";
import {plotCode} from "../../src/components/notebook/exportPage.ts";

const rows = [
  {year: 2019, value: 10, geography: "China"},
  {year: 2020, value: 12, geography: "China"},
  {year: 2022, value: 15, geography: "China"},
  {year: 2023, value: 16, geography: "China"},
  {year: 2019, value: 3, geography: "Burma"},
  {year: 2020, value: 4, geography: "Burma"}
];

/** What the page displays (a figure: title, legend and chart). */
function draw(code: string, data: typeof rows): Element {
  let shown: unknown;
  new Function("Plot", "breakAtGaps", "display", "width", "cell", code)(Plot, breakAtGaps, (value: unknown) => (shown = value), 640, data);
  return shown as Element;
}

const paths = (figure: Element) => figure.querySelectorAll('g[aria-label="line"] path').length;

describe("an exported page's line chart", () => {
  it("breaks a series where it skips a year, and joins consecutive years", () => {
    const svg = draw(plotCode("cell", {mark: "line", x: "year", y: "value", color: "geography", facet: null}), rows);
    // China: 2019–2020 and 2022–2023; Burma: 2019–2020.
    expect(paths(svg)).toBe(3);
  });

  it("draws one line per series when no year is missing, and does not break a line over a column that is not years", () => {
    const whole = rows.filter((r) => r.year !== 2022 && r.year !== 2023);
    expect(paths(draw(plotCode("cell", {mark: "line", x: "year", y: "value", color: "geography", facet: null}), whole))).toBe(2);
    const code = plotCode("cell", {mark: "line", x: "value", y: "year", color: null, facet: null});
    expect(code).not.toContain("breakAtGaps");
  });
});
