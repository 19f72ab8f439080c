// The Supply page's queries: mine production (USGS, latest vintage unless revisions are asked
// for), a country's share of world production, China's quotas, reserves, China's ore and oxide
// imports, and the 2025 quota picture from the SMM forum.
import {yearRange, type Choices} from "../components/choices.js";
import {defineQuery, lit} from "../components/query.js";
import {headlineQuery} from "./common.js";

export {allChecks, sourceTitles} from "./common.js";

export interface SupplyState {
  /** First and last year shown. */
  years: [number, number];
  /** The country whose share of world mine production is drawn. */
  country: string;
  /** Overlay superseded USGS editions on the production charts. */
  revisions: boolean;
  /** Include estimates, forecasts and targets, not only reported figures. */
  projections: boolean;
}

export const defaults: SupplyState = {years: [2010, 2025], country: "China", revisions: false, projections: true};

const yearsIn = ({years}: SupplyState, column = "period_start") => `year(${column}) BETWEEN ${lit(years[0])} AND ${lit(years[1])}`;
const vintages = ({revisions}: SupplyState) => (revisions ? "TRUE" : "is_latest_vintage");
const bases = ({projections}: SupplyState) => (projections ? "TRUE" : "basis = 'actual'");

export const mineProduction = defineQuery({
  id: "mine-production",
  title: "World mine production by country",
  subtitle: ({country, revisions}: SupplyState) => `Tonnes of rare-earth oxide equivalent (t REO) per year, ${country} in colour; USGS, latest edition${revisions ? " with superseded editions as rings" : ""}`,
  chart: {mark: "line", x: "year", y: "value", color: "geography"},
  sql: (state: SupplyState) => `SELECT row_id, geography, year(period_start) AS year, value_canonical AS value, canonical_unit AS unit, basis,
  vintage, is_latest_vintage, source_id
FROM observations
WHERE measure = 'mine_production' AND is_preferred
  AND ${yearsIn(state)}
  AND ${vintages(state)}
ORDER BY year, geography, vintage`
});

export const productionShare = defineQuery({
  id: "production-share",
  title: ({country}: SupplyState) => `${country}'s share of world mine production`,
  subtitle: "Percent of the USGS world total, each year's country figure divided by the world figure of the same edition",
  // With revisions, one line per USGS edition rather than one line through every edition's figure.
  chart: ({revisions}: SupplyState) => ({mark: "line", x: "year", y: "share_pct", color: revisions ? "vintage" : null}),
  sql: (state: SupplyState) => `-- The share is computed only from a country figure and a world total of the same USGS edition.
SELECT year(c.period_start) AS year, c.geography, c.vintage, c.is_latest_vintage,
  c.value_canonical AS country_t, w.value_canonical AS world_t, round(100 * c.value_canonical / w.value_canonical, 1) AS share_pct,
  c.row_id || ',' || w.row_id AS row_ids, c.source_id
FROM observations c
JOIN observations w
  ON w.measure = c.measure AND w.is_preferred AND w.geography = 'World'
  AND w.period_start = c.period_start AND w.vintage = c.vintage
WHERE c.measure = 'mine_production' AND c.is_preferred
  AND c.geography = ${lit(state.country)}
  AND ${yearsIn(state, "c.period_start")}
  AND ${state.revisions ? "TRUE" : "c.is_latest_vintage"}
ORDER BY year, c.vintage`
});

export const productionCountries = defineQuery({
  id: "production-countries",
  title: "Countries with USGS mine production figures",
  sql: () => `SELECT geography, count(*) AS figures
FROM observations
WHERE measure = 'mine_production' AND is_preferred AND geography NOT IN ('World', 'Other countries')
GROUP BY geography
ORDER BY geography`
});

export const quotas = defineQuery({
  id: "quotas",
  title: "China's mining and smelting quotas by year",
  subtitle: "Tonnes REO; bars: mining quota split into its published parts, tick: stated mining total, line: smelting and separation quota",
  chart: {mark: "line", x: "year", y: "value", color: "part", facet: "quota"},
  sql: (state: SupplyState) => `-- Whole-year quotas only (first batches and half-years are left out); rock and
-- ion-adsorption parts where they were published. One measure each, in t REO: the announced
-- quotas and the SMM forum's 2025 forecast (its "mt" are the quota's REO tonnes, see the registry).
SELECT row_id, series_id, year(period_start) AS year,
  CASE measure WHEN 'china.quota.smelting' THEN 'Smelting and separation' ELSE 'Mining' END AS quota,
  part, value_canonical AS value, canonical_unit AS unit, basis, source_id
FROM observations
WHERE measure IN ('china.quota.mining', 'china.quota.smelting')
  AND part IN ('total', 'rock', 'ion-adsorption', 'light', 'medium and heavy')
  AND ${yearsIn(state)}
  AND ${bases(state)}
ORDER BY year, quota, part, row_id`
});

export const reserves = defineQuery({
  id: "reserves",
  title: "Rare-earth reserves by country",
  subtitle: "Tonnes REO, each country's latest year in the latest USGS edition",
  chart: {mark: "bar", x: "geography", y: "value"},
  sql: () => `-- The most recent year each country has in the latest USGS edition (the preferred series).
SELECT row_id, geography, period, value_canonical AS value, bound, canonical_unit AS unit, vintage, source_id
FROM observations
WHERE measure = 'reserves' AND is_preferred AND is_latest_vintage
  AND geography NOT IN ('World', 'Other countries')
QUALIFY row_number() OVER (PARTITION BY geography ORDER BY period_start DESC, vintage DESC) = 1
ORDER BY value DESC, geography`
});

export const worldReserves = defineQuery({
  id: "world-reserves",
  title: "World rare-earth reserves (USGS, latest edition)",
  sql: () => `SELECT row_id, period, value_canonical AS value, bound, qualifier, canonical_unit AS unit, basis, vintage, source_id, change_pct, change_basis, geography
FROM observations
WHERE measure = 'reserves' AND is_preferred AND geography = 'World' AND is_latest_vintage
ORDER BY period_start DESC, vintage DESC
LIMIT 1`
});

export const chinaImports = defineQuery({
  id: "china-ore-oxide-imports",
  title: "China's imports of rare-earth ore and unlisted oxide",
  subtitle: "Tonnes (t) by period as stated at the SMM forum; hollow bars are forecasts",
  chart: {mark: "bar", x: "item", y: "value", color: "partner"},
  sql: (state: SupplyState) => `SELECT row_id, indicator, coalesce(partner, 'all partners') AS partner, period,
  indicator || ' — ' || coalesce(partner, 'all partners') || ', ' || period AS item,
  value_canonical AS value, qualifier, canonical_unit AS unit, basis, change_pct, change_basis, source_id
FROM observations
WHERE measure IN ('imports.re_metal_ore', 'imports.unlisted_oxide')
  AND ${bases(state)}
ORDER BY indicator, partner, period_start, period_end`
});

export const oxideImportShares = defineQuery({
  id: "oxide-import-shares",
  title: "Partners' shares of China's unlisted oxide imports (SMM forum)",
  sql: () => `SELECT row_id, partner, period, value, unit, basis, source_id
FROM observations
WHERE measure = 'imports.unlisted_oxide.partner_share'
ORDER BY period_start, partner`
});

export const quota2025 = defineQuery({
  id: "quota-2025",
  title: "The 2025 mining quota: stated parts against the stated total",
  subtitle: "Tonnes REO (t REO), SMM forecasts; the last bar is the sum of the two parts, computed by this site",
  chart: {mark: "bar", x: "item", y: "value"},
  sql: () => `-- The forum gave a total and two parts 'included in' it (part_of); the parts are drawn next to their sum.
WITH total AS (
  SELECT * FROM observations
  WHERE measure = 'china.quota.mining' AND part = 'total' AND period = '2025' AND basis = 'forecast'
), parts AS (
  SELECT o.* FROM observations o JOIN total t ON o.part_of = t.row_id
)
SELECT row_id, indicator AS item, value_canonical AS value, canonical_unit AS unit, basis, source_id, 1 AS ord FROM total
UNION ALL
SELECT row_id, indicator, value_canonical, canonical_unit, basis, source_id, 2 FROM parts
UNION ALL
SELECT string_agg(row_id, ',' ORDER BY row_id), 'Sum of the stated parts (computed here)', sum(value_canonical), any_value(canonical_unit),
  any_value(basis), any_value(source_id), 3
FROM parts
ORDER BY ord, item`
});

export const supplyHeadlines = headlineQuery({
  id: "supply-headlines",
  title: "Supply headline figures",
  latest: true,
  where: `(measure, geography) IN (('mine_production', 'World'), ('mine_production', 'China'), ('china.quota.mining', 'China'), ('china.quota.smelting', 'China'))
  AND part = 'total' AND is_preferred AND is_latest_vintage AND basis IN ('actual', 'estimate') AND period_end - period_start > 300`
});

/** What each input can be set to (src/components/choices.ts); the page's inputs are built from it. */
export const choices: Choices<SupplyState> = {years: yearRange(2005, 2025), country: {from: productionCountries, column: "geography"}, revisions: [false, true], projections: [true, false]};
