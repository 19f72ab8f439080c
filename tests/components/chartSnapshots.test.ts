// @vitest-environment jsdom
// Each chart component drawn on a small fixed input and kept as an SVG file next to this test
// (Plot's own practice, test/plots): a change to what a chart draws shows up in review as a
// change to its snapshot. Run `npx vitest run tests/components/chartSnapshots.test.ts -u` to
// accept a deliberate change, and look at the diff before committing it.
import {describe, expect, it} from "vitest";
import {annualExportsChart} from "../../src/components/annualExportsChart.ts";
import {comparisonBarChart} from "../../src/components/comparisonBarChart.ts";
import {intensityRangeChart} from "../../src/components/intensityRangeChart.ts";
import {stackedTotalChart} from "../../src/components/stackedTotalChart.ts";
import {quotaChart} from "../../src/components/quotaChart.ts";
import {rankedBarChart} from "../../src/components/rankedBarChart.ts";
import {scenarioChart} from "../../src/components/scenarioChart.ts";
import {shareChart} from "../../src/components/shareChart.ts";
import {yearlySeriesChart} from "../../src/components/yearlySeriesChart.ts";
import {yearToDateChart} from "../../src/components/yearToDateChart.ts";

const year = (y: number) => new Date(Date.UTC(y, 0, 1));
const month = (y: number, m: number) => new Date(Date.UTC(y, m - 1, 1));

/** The chart as SVG text, one element a line, so a diff points at the mark that changed. */
function serialise(chart: Element): string {
  return chart.outerHTML.replace(/></g, ">\n<") + "\n";
}

const plots: Record<string, () => Element> = {
  "ranked-bar": () =>
    rankedBarChart(
      [
        {geography: "China", value: 44_000_000, unit: "t REO", basis: "actual"},
        {geography: "Brazil", value: 21_000_000, unit: "t REO", basis: "actual"},
        {geography: "India", value: 6_900_000, unit: "t REO", basis: "estimate", bound: "lower"}
      ],
      {width: 480, y: "geography", xLabel: "Reserves (t REO)", highlight: (d) => d.geography === "China"}
    ),
  "ranked-bar-long-labels-narrow": () =>
    rankedBarChart(
      [
        {item: "Rare earth mining quota, rock type, 2025", value: 266_000, unit: "t", basis: "estimate"},
        {item: "Sum of the stated parts (computed here)", value: 285_000, unit: "t", basis: "estimate"}
      ],
      {width: 390, y: "item", keepOrder: true}
    ),
  "share": () =>
    shareChart([
      {year: 2018, share_pct: 70.6, geography: "China", is_latest_vintage: true},
      {year: 2019, share_pct: 62.9, geography: "China", is_latest_vintage: true},
      {year: 2021, share_pct: 60.0, geography: "China", is_latest_vintage: true},
      {year: 2019, share_pct: 63.5, geography: "China", is_latest_vintage: false, vintage: "2020-MCS2020"}
    ], {width: 480}),
  "quota": () =>
    quotaChart([
      {year: 2011, quota: "Mining", part: "total", value: 93_800, unit: "t REO", basis: "actual"},
      {year: 2018, quota: "Mining", part: "rock", value: 101_850, unit: "t REO", basis: "actual"},
      {year: 2018, quota: "Mining", part: "ion-adsorption", value: 18_150, unit: "t REO", basis: "actual"},
      {year: 2018, quota: "Mining", part: "total", value: 120_000, unit: "t REO", basis: "actual"},
      {year: 2019, quota: "Smelting and separation", part: "total", value: 127_000, unit: "t REO", basis: "actual"},
      {year: 2020, quota: "Smelting and separation", part: "total", value: 135_000, unit: "t REO", basis: "actual"},
      {year: 2025, quota: "Smelting and separation", part: "total", value: 340_000, unit: "t", basis: "estimate"}
    ], {width: 480}),
  "mine-production": () =>
    stackedTotalChart([
      {year: 2022, geography: "China", value: 210_000, is_latest_vintage: true},
      {year: 2022, geography: "United States", value: 42_000, is_latest_vintage: true},
      {year: 2022, geography: "World", value: 300_000, is_latest_vintage: true},
      {year: 2024, geography: "China", value: 270_000, is_latest_vintage: true},
      {year: 2024, geography: "World", value: 390_000, is_latest_vintage: true}
    ], {width: 480, height: 380, z: "geography", highlight: "China", others: "Other countries", yLabel: "Mine production (t REO)", padding: 0.15}),
  "annual-exports": () =>
    annualExportsChart([
      {year: 2010, period: "2010", coverage: "whole year", value: 39_813, unit: "t", kind: "flow"},
      {year: 2010, period: "2010", coverage: "whole year", value: 30_258, unit: "t", kind: "quota"},
      {year: 2024, period: "2024", coverage: "whole year", value: 55_431, unit: "t", kind: "flow"},
      {year: 2025, period: "2025-01/2025-04", coverage: "part of the year", value: 22_000, unit: "t", kind: "flow"},
      {year: 2025, period: "2025", coverage: "whole year", value: 62_585, unit: "t", kind: "flow"}
    ], {width: 480, isQuota: (d) => d.kind === "quota"}),
  "year-to-date": () =>
    yearToDateChart([
      {series: "2024", through_month: 3, value: 12_000, unit: "t"},
      {series: "2024", through_month: 6, value: 25_000, unit: "t"},
      {series: "2025", through_month: 3, value: 11_000, unit: "t"},
      {series: "2025", through_month: 4, value: 13_000, unit: "t"}
    ], {width: 390}),
  "partner-imports": () =>
    stackedTotalChart([
      {year: 2021, partner: "Myanmar", value: 20_000, unit: "t"},
      {year: 2021, partner: "World", value: 40_000, unit: "t"},
      {year: 2023, partner: "Myanmar", value: 30_000, unit: "t"},
      {year: 2023, partner: "World", value: 50_000, unit: "t"}
    ], {width: 480, height: 340, z: "partner", highlight: "Myanmar", totalLabel: "All partners (World)", yLabel: "Imports (t)"}),
  "yearly-series": () =>
    yearlySeriesChart([
      {series: "NEVs", date: year(2013), value: 0.2, basis: "actual", period: "2013", unit: "million"},
      {series: "NEVs", date: year(2021), value: 3.5, basis: "actual", period: "2021", unit: "million"},
      {series: "NEVs", date: year(2022), value: 6.9, basis: "actual", period: "2022", unit: "million"},
      {series: "NEVs", date: year(2025), value: 16, basis: "forecast", period: "2025", unit: "million", bound: "lower"}
    ], {width: 480, yLabel: "Vehicles (million)"}),
  "comparison-bar": () =>
    comparisonBarChart([
      {category: "NEVs", period: "2024", value: 30_000, basis: "actual", unit: "t"},
      {category: "NEVs", period: "2025E", value: 36_000, basis: "estimate", unit: "t"},
      {category: "Wind", period: "2024", value: 20_000, basis: "actual", unit: "t"}
    ], {width: 480, xLabel: "NdFeB demand (t)"}),
  "intensity-range": () =>
    intensityRangeChart([
      {label: "Battery electric car", value_low: 1, value_high: 2, unit: "kg"},
      {label: "Direct-drive wind turbine, per MW", value: 600, unit: "kg"},
      {label: "Derived: demand ÷ units", value: 1.4, derived: true, unit: "kg"}
    ], {width: 390, xLabel: "NdFeB per unit (kg)"}),
  "scenario": () =>
    scenarioChart([
      {label: "NEVs", kind: "Your assumption", tonnes: 40_000},
      {label: "NEVs", kind: "Published", tonnes: 36_000, basis: "estimate", period: "2025"}
    ], {width: 480, xLabel: "NdFeB demand (t)"})
};

describe("chart components on fixed inputs", () => {
  for (const [name, draw] of Object.entries(plots)) {
    it(`${name} draws the same SVG as its snapshot`, async () => {
      await expect(serialise(draw())).toMatchFileSnapshot(`./plots/${name}.svg`);
    });
  }
});
