// @vitest-environment jsdom
// A bound is not a value: the yearly series chart draws it as a labelled dot and never joins it
// to its neighbours with a line (the Robotics chart once drew a slope from "≤ 1.8 million" in one
// year to "≥ 2 million" in the next).
import {describe, expect, it} from "vitest";
import {yearlySeriesChart} from "../../src/components/yearlySeriesChart.ts";

const year = (y: number) => new Date(Date.UTC(y, 0, 1));
const row = (y: number, value: number, bound?: "upper" | "lower") => ({series: "China", date: year(y), value, basis: "actual", period: String(y), unit: "units", ...(bound ? {bound} : {})});

/** The number of points in each line path of the chart. */
function linePoints(svg: Element): number[] {
  return [...svg.querySelectorAll('g[aria-label="line"] path')].map((path) => (path.getAttribute("d") ?? "").split(/[ML]/).filter((s) => s.trim() && s !== "Z").length);
}

describe("the yearly series chart and bounds", () => {
  it("joins consecutive exact years with a line", () => {
    const svg = yearlySeriesChart([row(2021, 1.5e6), row(2022, 1.6e6), row(2023, 1.7e6)], {width: 480});
    expect(linePoints(svg)).toEqual([3]);
  });
  it("leaves an upper bound and a lower bound in consecutive years out of the line, but draws and labels them", () => {
    const svg = yearlySeriesChart([row(2021, 1.5e6), row(2022, 1.6e6), row(2023, 1.8e6, "upper"), row(2024, 2e6, "lower")], {width: 480});
    expect(linePoints(svg)).toEqual([2]);
    expect(svg.querySelectorAll('g[aria-label="dot"] circle').length).toBe(4);
    const labels = [...svg.querySelectorAll('g[aria-label="text"] text')].map((t) => t.textContent);
    expect(labels.some((t) => t?.startsWith("≤"))).toBe(true);
    expect(labels.some((t) => t?.startsWith("≥"))).toBe(true);
  });
});
