// @vitest-environment jsdom
// The pages-A chart functions, drawn with Plot into jsdom: estimates and forecasts must look
// different from actuals, superseded editions must appear only when asked for, and every
// event must get a label that does not sit on another one.
import {describe, expect, it} from "vitest";
import {stackedTotalChart} from "../../src/components/stackedTotalChart.ts";
import {quotaChart} from "../../src/components/quotaChart.ts";
import {endLabels} from "../../src/components/yearToDateChart.ts";
import {balanceChart} from "../../src/components/balanceChart.ts";
import {rankedBarChart} from "../../src/components/rankedBarChart.ts";

const svgOf = (node: Element) => (node.tagName.toLowerCase() === "svg" ? node : node.querySelector("svg[class*=plot]")!);

describe("pages A charts", () => {
  it("draw forecast bars hollow and dashed, actual bars solid", () => {
    const chart = rankedBarChart(
      [
        {item: "Refining, 2023", value: 92, unit: "%", basis: "actual"},
        {item: "Refining capacity, 2030", value: 77, unit: "%", basis: "forecast"}
      ],
      {width: 600, y: "item", xLabel: "Share (%)", keepOrder: true}
    );
    const groups = [...svgOf(chart).querySelectorAll("g[aria-label=bar]")];
    expect(groups.length).toBe(2);
    expect(groups[0].getAttribute("stroke-dasharray")).toBeNull();
    expect(groups[1].getAttribute("stroke-dasharray")).toBe("2,3");
    expect(Number(groups[1].getAttribute("fill-opacity"))).toBeLessThan(0.5);
  });

  it("draw superseded USGS editions as rings only when the rows include them", () => {
    const latest = [
      {geography: "China", year: 2023, value: 255000, is_latest_vintage: true, vintage: "2025-MCS2025"},
      {geography: "World", year: 2023, value: 376000, is_latest_vintage: true, vintage: "2025-MCS2025"}
    ];
    const superseded = {geography: "China", year: 2023, value: 240000, is_latest_vintage: false, vintage: "2024-MCS2024"};
    const rings = (rows: object[]) => svgOf(stackedTotalChart(rows as never, {width: 600, highlight: "China", others: "Other countries"})).querySelectorAll("g[stroke-dasharray] circle").length;
    expect(rings(latest)).toBe(0);
    expect(rings([...latest, superseded])).toBe(1);
  });

  it("mark the stated mining total on a year whose parts are drawn", () => {
    const rows = [
      {year: 2025, quota: "Mining", part: "total", value: 270000, unit: "t", basis: "estimate"},
      {year: 2025, quota: "Mining", part: "rock", value: 266000, unit: "t", basis: "estimate"},
      {year: 2025, quota: "Mining", part: "ion-adsorption", value: 19000, unit: "t", basis: "estimate"}
    ];
    const svg = svgOf(quotaChart(rows, {width: 600}));
    expect(svg.querySelectorAll("g[aria-label=bar] rect").length).toBe(2);
    expect(svg.querySelectorAll("g[aria-label=tick] line").length).toBe(1);
  });
});

describe("yearToDateChart's end labels", () => {
  const series = (row: Record<string, unknown>) => String(row.series);
  const row = (name: string, month: number, value: number) => ({series: name, through_month: month, value});

  it("moves labels of lines ending in the same month apart by at least the gap, keeping the highest at its point", () => {
    const data = [row("2024, HS 85051110", 7, 32_900), row("2023, all magnets", 7, 31_700), row("2024, all magnets", 7, 32_100), row("2025", 12, 59_200)];
    const labels = endLabels(data, {x: "through_month", y: "value", series, height: 320});
    const july = labels.filter((l) => l.through_month === 7).sort((a, b) => Number(b.label_y) - Number(a.label_y));
    expect(july.map((l) => l.series)).toEqual(["2024, HS 85051110", "2024, all magnets", "2023, all magnets"]);
    expect(july[0].label_y).toBe(32_900);
    // 12 px in data units: the top value over the inner height (320 − 50 px).
    const gap = (12 * 59_200) / 270;
    for (let i = 1; i < july.length; i++) expect(Number(july[i - 1].label_y) - Number(july[i].label_y)).toBeGreaterThanOrEqual(gap - 1e-6);
    expect(labels.find((l) => l.series === "2025")?.label_y).toBe(59_200);
  });

  it("labels only each line's last point", () => {
    const labels = endLabels([row("2025", 1, 5), row("2025", 2, 9), row("2026", 1, 4)], {x: "through_month", y: "value", series, height: 320});
    expect(labels.map((l) => [l.series, l.through_month])).toEqual([["2025", 2], ["2026", 1]]);
  });
});

describe("balanceChart's numbers inside the bars", () => {
  const rows = [
    {period: "2024", end_use: "NEVs", value: 57_000, unit: "t", how: "published", basis: "estimate"},
    {period: "2024", end_use: "wind power", value: 20_000, unit: "t", how: "published", basis: "estimate"},
    {period: "2024", end_use: "Other (not itemised)", value: 223_000, unit: "t", how: "computed", basis: "estimate"},
    {period: "2024", end_use: "Production (total)", value: 300_000, unit: "t", how: "published", basis: "estimate"}
  ];
  const written = (width: number) => [...svgOf(balanceChart(rows, {width})).querySelectorAll("g[aria-label=text] text")].map((t) => t.textContent).filter(Boolean);

  it("writes a part's number only where its bar holds it: all at 1280 px, not the wind bar (20 px) at 390 px", () => {
    expect(written(1280)).toEqual(expect.arrayContaining(["57,000", "20,000", "223,000"]));
    expect(written(390)).not.toContain("20,000");
    expect(written(390)).toContain("223,000");
  });
});
