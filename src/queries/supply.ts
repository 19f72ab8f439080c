// The Supply page's queries: mine production (USGS, latest vintage unless revisions are asked
// for), a country's share of world production, China's quotas, reserves, China's ore and oxide
// imports, and the 2025 quota picture from the SMM forum.
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
  title: "World mine production by country (USGS)",
  sql: (state: SupplyState) => `SELECT row_id, geography, year(period_start) AS year, value, unit, basis,
  vintage, is_latest_vintage, source_id
FROM observations
WHERE dataset = 'usgs_mine_production'
  AND ${yearsIn(state)}
  AND ${vintages(state)}
ORDER BY year, geography, vintage`
});

export const productionShare = defineQuery({
  id: "production-share",
  title: "A country's share of world mine production (USGS)",
  sql: (state: SupplyState) => `-- The share is computed only from a country figure and a world total of the same USGS edition.
SELECT year(c.period_start) AS year, c.geography, c.vintage, c.is_latest_vintage,
  c.value AS country_t, w.value AS world_t, round(100 * c.value / w.value, 1) AS share_pct,
  c.row_id || ',' || w.row_id AS row_ids, c.source_id
FROM observations c
JOIN observations w
  ON w.dataset = c.dataset AND w.geography = 'World'
  AND w.period_start = c.period_start AND w.vintage = c.vintage
WHERE c.dataset = 'usgs_mine_production'
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
WHERE dataset = 'usgs_mine_production' AND geography NOT IN ('World', 'Other countries')
GROUP BY geography
ORDER BY geography`
});

export const quotas = defineQuery({
  id: "quotas",
  title: "China's mining and smelting/separation quotas by year",
  sql: (state: SupplyState) => `-- Whole-year quotas only (first batches and half-years are left out); rock and
-- ion-adsorption parts where they were published.
SELECT row_id, series_id, year(period_start) AS year,
  CASE WHEN series_id IN ('china_quota_smelting.total', 'smm.smelting_quota') THEN 'Smelting and separation'
       ELSE 'Mining' END AS quota,
  CASE WHEN series_id IN ('china_quota_mining.rock', 'smm.mining_quota_rock') THEN 'rock'
       WHEN series_id IN ('china_quota_mining.ion', 'smm.mining_quota_ion') THEN 'ion-adsorption'
       WHEN series_id IN ('china_quota_mining.light') THEN 'light'
       WHEN series_id IN ('china_quota_mining.medium-heavy') THEN 'medium and heavy'
       ELSE 'total' END AS part,
  value, unit, basis, source_id
FROM observations
WHERE series_id IN ('china_quota_mining.total', 'china_quota_mining.rock', 'china_quota_mining.ion',
    'china_quota_mining.light', 'china_quota_mining.medium-heavy', 'china_quota_smelting.total',
    'smm.mining_quota', 'smm.mining_quota_rock', 'smm.mining_quota_ion', 'smm.smelting_quota')
  AND ${yearsIn(state)}
  AND ${bases(state)}
ORDER BY year, quota, part, row_id`
});

export const reserves = defineQuery({
  id: "reserves",
  title: "Rare-earth reserves by country (USGS, latest edition)",
  sql: () => `-- The most recent year each country has in the latest USGS edition; 't REO' rows only.
SELECT row_id, geography, period, value, bound, unit, vintage, source_id
FROM observations
WHERE dataset = 'usgs_reserves' AND unit = 't REO' AND is_latest_vintage
  AND geography NOT IN ('World')
QUALIFY row_number() OVER (PARTITION BY geography ORDER BY period_start DESC, vintage DESC) = 1
ORDER BY value DESC, geography`
});

export const worldReserves = defineQuery({
  id: "world-reserves",
  title: "World rare-earth reserves (USGS, latest edition)",
  sql: () => `SELECT row_id, period, value, bound, qualifier, unit, basis, vintage, source_id, change_pct, change_basis, geography
FROM observations
WHERE dataset = 'usgs_reserves' AND geography = 'World' AND is_latest_vintage
ORDER BY period_start DESC, vintage DESC
LIMIT 1`
});

export const chinaImports = defineQuery({
  id: "china-ore-oxide-imports",
  title: "China's imports of rare-earth ore and unlisted oxide (SMM forum, 2024–2025)",
  sql: (state: SupplyState) => `SELECT row_id, indicator, coalesce(partner, 'all partners') AS partner, period,
  indicator || ' — ' || coalesce(partner, 'all partners') || ', ' || period AS item,
  value, qualifier, unit, basis, change_pct, change_basis, source_id
FROM observations
WHERE series_id IN ('smm.ore_imports', 'smm.ore_imports_from_us', 'smm.ore_imports_from_us_mp', 'smm.unlisted_oxide_imports')
  AND unit = 't'
  AND ${bases(state)}
ORDER BY indicator, partner, period_start, period_end`
});

export const oxideImportShares = defineQuery({
  id: "oxide-import-shares",
  title: "Partners' shares of China's unlisted oxide imports (SMM forum)",
  sql: () => `SELECT row_id, partner, period, value, unit, basis, source_id
FROM observations
WHERE series_id = 'smm.unlisted_oxide_imports_share'
ORDER BY period_start, partner`
});

export const quota2025 = defineQuery({
  id: "quota-2025",
  title: "China's 2025 mining quota as the SMM forum put it: parts and stated total",
  sql: () => `-- The forum gave a total and two parts 'included in' it; the parts are drawn next to their sum.
SELECT row_id, indicator AS item, value, unit, basis, source_id, 1 AS ord
FROM observations WHERE series_id = 'smm.mining_quota'
UNION ALL
SELECT row_id, indicator, value, unit, basis, source_id, 2
FROM observations WHERE series_id IN ('smm.mining_quota_rock', 'smm.mining_quota_ion')
UNION ALL
SELECT string_agg(row_id, ',' ORDER BY row_id), 'Sum of the stated parts (computed here)', sum(value), any_value(unit), 'estimate',
  any_value(source_id), 3
FROM observations WHERE series_id IN ('smm.mining_quota_rock', 'smm.mining_quota_ion')
ORDER BY ord, item`
});

export const supplyHeadlines = headlineQuery({
  id: "supply-headlines",
  title: "Supply headline figures",
  where: `row_id IN (
  SELECT row_id FROM observations
  WHERE series_id IN ('usgs_mine_production.world', 'usgs_mine_production.china', 'china_quota_mining.total', 'china_quota_smelting.total')
    AND is_latest_vintage AND basis = 'actual' AND period_end - period_start > 300
  QUALIFY row_number() OVER (PARTITION BY series_id ORDER BY period_start DESC) = 1
)`
});
