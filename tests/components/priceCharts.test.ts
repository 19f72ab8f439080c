// @vitest-environment jsdom
// The price and trade-panel charts, drawn with Plot into jsdom: price types never share a line,
// a series breaks where it was not quoted, low-confidence quotes are hollow, months without a
// figure are gaps, and a card gives a change only where a comparable price exists.
import {describe, expect, it} from "vitest";
import {monthlySeriesChart} from "../../src/components/monthlySeriesChart.ts";
import {changeText} from "../../src/components/priceCard.ts";
import {breakAtGaps} from "../../src/components/gaps.ts";
import {priceChart} from "../../src/components/priceChart.ts";

const day = (iso: string) => new Date(`${iso}T00:00:00Z`);
const svgOf = (node: Element) => (node.tagName.toLowerCase() === "svg" ? node : node.querySelector("svg[class*=plot]")!);

describe("breakAtGaps(rows, {z, maxGap}), as the price and monthly charts call it", () => {
  it("starts a new segment where two quotes of a series are further apart than the gap allowed", () => {
    const rows = [
      {date: day("2025-01-01"), label: "a"},
      {date: day("2025-01-20"), label: "a"},
      {date: day("2025-04-01"), label: "a"},
      {date: day("2025-01-05"), label: "b"}
    ];
    const segments = breakAtGaps(rows, {z: "label", maxGap: 31 * 86_400_000}).map((row) => `${row.label}:${row.segment}`);
    // Rows come back grouped by series; each row's segment is what counts.
    expect(segments.sort()).toEqual(["a:a#0", "b:b#0", "a:a#0", "a:a#1"].sort());
  });
});

describe("priceChart(rows, options)", () => {
  const rows = [
    {kind: "price", label: "China domestic spot", price_type: "range", period: "2025-05-06", date: day("2025-05-06"), value: null, value_low: 410, value_high: 412, unit: "CNY/kg", confidence: "normal"},
    {kind: "price", label: "China domestic spot", price_type: "range", period: "2025-05-08", date: day("2025-05-08"), value: null, value_low: 412, value_high: 414, unit: "CNY/kg", confidence: "low"},
    {kind: "price", label: "China domestic spot", price_type: "single", period: "2025-05-07", date: day("2025-05-07"), value: 420, unit: "CNY/kg", confidence: "normal"},
    {kind: "price", label: "Listing", price_type: "listing", period: "2025-05", date: day("2025-05-01"), date_end: day("2025-05-31"), value: 400, unit: "CNY/kg", confidence: "normal"},
    {kind: "event", label: "MOFCOM/GAC Announcement No. 18", period: "2025-04-04", date: day("2025-05-02")}
  ];
  const svg = svgOf(priceChart(rows, {width: 640}));

  it("draws a range as a band, a listing price as a step and a single quote as a dot, never as one line", () => {
    expect(svg.querySelectorAll("g[aria-label=area] path").length).toBe(1);
    expect(svg.querySelectorAll("g[aria-label=line] path").length).toBe(0);
    expect(svg.querySelectorAll("g[aria-label=rule] line").length).toBeGreaterThanOrEqual(3);
  });

  it("draws a low-confidence quote dashed and hollow", () => {
    const dashed = [...svg.querySelectorAll("g[aria-label=rule]")].filter((g) => g.getAttribute("stroke-dasharray") === "2,2");
    expect(dashed.length).toBe(1);
    expect(dashed[0].querySelectorAll("line").length).toBe(1);
  });

  it("marks the events on the time axis with their titles", () => {
    expect(svg.textContent).toContain("MOFCOM/GAC Announcement No. 18");
  });
});

describe("monthlySeriesChart(rows, options)", () => {
  it("leaves a month without a figure as a gap in the line and draws no dot for it", () => {
    const months = ["2025-01", "2025-02", "2025-03", "2025-04"].map((period, i) => ({measure: "Exports", period, date: day(`${period}-01`), value: i === 1 ? null : 100 + i, unit: "t"}));
    const svg = svgOf(monthlySeriesChart(months, {width: 600, yLabel: "t"}));
    expect(svg.querySelectorAll("g[aria-label=dot] circle").length).toBe(3);
    // January alone, then March–April: two line segments, the first a single point.
    expect(svg.querySelectorAll("g[aria-label=line] path").length).toBe(2);
  });
});

describe("changeText(pct, before)", () => {
  it("gives a signed change with the date it is measured from", () => {
    expect(changeText(88.9, "2025-02-25")).toBe("+88.9% on 2025-02-25");
    expect(changeText(-14.2, "2025-02-27")).toBe("−14.2% on 2025-02-27");
  });
  it("gives nothing where no earlier price was close enough", () => {
    expect(changeText(null, null)).toBeNull();
  });
});
