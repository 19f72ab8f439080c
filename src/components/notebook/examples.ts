// Example notebooks, one per theme page: a few cells that build on each other by name, an
// input that a query uses as a parameter, and a chart. A browser test opens every one and
// checks that every cell runs and every chart draws.
import {AUTO_CHART, type Cell, type ChartSettings, type InputSettings, type Notebook} from "./format.js";

export interface ExampleNotebook {
  theme: string;
  notebook: Notebook;
}

const sql = (name: string, text: string, chart: Partial<ChartSettings> = {}): Cell => ({kind: "sql", name, text: text.trim(), collapsed: false, chart: {...AUTO_CHART, ...chart}});
const note = (text: string): Cell => ({kind: "markdown", text: text.trim(), collapsed: false});
const input = (name: string, settings: InputSettings): Cell => ({kind: "input", name, collapsed: false, input: settings});

export const EXAMPLE_NOTEBOOKS: readonly ExampleNotebook[] = [
  {
    theme: "Supply",
    notebook: {
      title: "China's share of world mine production",
      cells: [
        note("Mine production by country, as the sources publish it (newest vintage of each figure), then China's share of the world total in each year both are published. Change **since** to move the start."),
        input("since", {control: "number", value: 2010}),
        sql(
          "mine",
          `
SELECT geography, year(period_start) AS year, value AS tonnes_reo, basis, source_id
FROM observations
WHERE indicator = 'Mine production' AND is_latest_vintage AND unit = 't REO'
  AND geography IN ('China', 'United States', 'Australia', 'Burma', 'World')
  AND year(period_start) >= $since
ORDER BY geography, year`,
          {mark: "line", x: "year", y: "tonnes_reo", color: "geography"}
        ),
        sql(
          "china_share",
          `
SELECT c.year, round(100 * c.tonnes_reo / w.tonnes_reo, 1) AS china_share_pct
FROM mine c JOIN mine w USING (year)
WHERE c.geography = 'China' AND w.geography = 'World'
ORDER BY c.year`,
          {mark: "line", x: "year", y: "china_share_pct"}
        )
      ]
    }
  },
  {
    theme: "Trade",
    notebook: {
      title: "Where China's imports of rare-earth compounds come from",
      cells: [
        note("China's imports of rare-earth compounds (HS 2846, net weight, UN Comtrade) by partner, and one partner's share of the world total each year. The drop-down's choices come from the first cell."),
        sql(
          "china_imports",
          `
SELECT partner, year(period_start) AS year, value AS tonnes, basis, source_id
FROM observations
WHERE indicator = 'Imports of rare-earth compounds (HS 2846), net weight' AND is_latest_vintage
ORDER BY partner, year`,
          {mark: "line", x: "year", y: "tonnes", color: "partner"}
        ),
        input("partner", {control: "select", table: "china_imports", column: "partner", value: "Malaysia"}),
        sql(
          "partner_share",
          `
SELECT p.year, p.tonnes, round(100 * p.tonnes / w.tonnes, 1) AS share_of_china_imports_pct
FROM china_imports p JOIN china_imports w USING (year)
WHERE p.partner = $partner AND w.partner = 'World'
ORDER BY p.year`,
          {mark: "bar", x: "year", y: "share_of_china_imports_pct"}
        )
      ]
    }
  },
  {
    theme: "Prices",
    notebook: {
      title: "One price series in a period",
      cells: [
        note("China's domestic prices in yuan per tonne, each row as its source quoted it. Pick a series and a period; rows published only as a range (no single value) are left out, not averaged."),
        sql(
          "cny_prices",
          `
SELECT indicator, period_start, value, value_low, value_high, unit, basis, source_id
FROM observations
WHERE page = 'prices' AND unit = 'CNY/t' AND is_latest_vintage
ORDER BY indicator, period_start`,
          {mark: "none"}
        ),
        input("series", {control: "select", table: "cny_prices", column: "indicator", value: "Pr-Nd oxide price, China domestic (single quoted price)"}),
        input("period", {control: "daterange", start: "2023-01-01", end: null}),
        sql(
          "one_series",
          `
SELECT period_start, value AS cny_per_t, value_low, value_high, basis, source_id
FROM cny_prices
WHERE indicator = $series AND value IS NOT NULL
  AND period_start >= coalesce($period.start, DATE '1900-01-01')
  AND period_start <= coalesce($period.end, DATE '2100-12-31')
ORDER BY period_start`,
          {mark: "line", x: "period_start", y: "cny_per_t"}
        )
      ]
    }
  },
  {
    theme: "Magnets",
    notebook: {
      title: "Magnet exports, month by month",
      cells: [
        note("China's exports of rare-earth permanent magnets in the months the sources publish, then the sum of those months per year. A year's sum covers only its published months: the **months** column says how many."),
        sql(
          "monthly",
          `
SELECT period_start, value AS tonnes, basis, source_id
FROM observations
WHERE indicator = 'Rare earth permanent magnet exports' AND is_latest_vintage
  AND regexp_matches(period, '^\\d{4}-\\d{2}$')
ORDER BY period_start`,
          {mark: "dot", x: "period_start", y: "tonnes"}
        ),
        sql(
          "by_year",
          `
SELECT year(period_start) AS year, count(*) AS months, sum(tonnes) AS tonnes_in_published_months
FROM monthly
GROUP BY ALL
ORDER BY year`,
          {mark: "bar", x: "year", y: "tonnes_in_published_months"}
        ),
        input("destination", {control: "select", table: "observations", column: "partner", value: "United States"}),
        sql(
          "to_destination",
          `
SELECT period, period_start, value AS tonnes, basis, source_id
FROM observations
WHERE indicator = 'Rare earth permanent magnet exports, by destination' AND unit = 't'
  AND partner = $destination
ORDER BY period_start`,
          {mark: "dot", x: "period_start", y: "tonnes"}
        )
      ]
    }
  },
  {
    theme: "Wind",
    notebook: {
      title: "New wind capacity, by who counted it",
      cells: [
        note("New wind installations in gigawatts, as each counter (GWEC, NEA, IHS) publishes them, then one counter's figures alone."),
        sql(
          "installs",
          `
SELECT indicator, geography, year(period_start) AS year, value AS gw, basis, source_id
FROM observations
WHERE page = 'wind' AND indicator LIKE 'Wind power new installations%' AND unit = 'GW'
ORDER BY indicator, geography, year`,
          {mark: "dot", x: "year", y: "gw", color: "indicator"}
        ),
        input("counter", {control: "select", table: "installs", column: "indicator", value: "Wind power new installations (GWEC)"}),
        sql(
          "one_counter",
          `
SELECT geography, year, gw, basis
FROM installs
WHERE indicator = $counter
ORDER BY geography, year`,
          {mark: "line", x: "year", y: "gw", color: "geography"}
        )
      ]
    }
  },
  {
    theme: "Robotics",
    notebook: {
      title: "China's share of industrial robot installations",
      cells: [
        note("Industrial robots installed each year (IFR), in China and worldwide, then China's share of the world's installations."),
        sql(
          "installations",
          `
SELECT geography, year(period_start) AS year, value AS robots, basis, source_id
FROM observations
WHERE indicator = 'Industrial robot installations (IFR)' AND is_latest_vintage
ORDER BY geography, year`,
          {mark: "line", x: "year", y: "robots", color: "geography"}
        ),
        sql(
          "china_share",
          `
SELECT c.year, round(100 * c.robots / w.robots, 1) AS china_share_pct
FROM installations c JOIN installations w USING (year)
WHERE c.geography = 'China' AND w.geography = 'World'
ORDER BY c.year`,
          {mark: "bar", x: "year", y: "china_share_pct"}
        )
      ]
    }
  }
];
