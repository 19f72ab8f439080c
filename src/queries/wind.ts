// The Wind page's queries: capacity added each year (two counting bases), cumulative capacity
// against thermal power, the 2030 and 2060 targets, NdFeB per MW and wind's NdFeB demand.
import {defineQuery, lit} from "../components/query.js";
import {headlineQuery} from "./common.js";

export interface WindState {
  /** First and last year shown on the time-series charts. */
  years: [number, number];
  /** Whose installations: "both", "China" or "World". */
  area: "both" | "China" | "World";
  /** "all" shows estimates, forecasts and targets next to actuals; "actual" hides them. */
  basis: "all" | "actual";
  /** Capacity in gigawatts or megawatts. */
  unit: "GW" | "MW";
}

export const defaults: WindState = {years: [2014, 2025], area: "both", basis: "all", unit: "GW"};

export const allowed = {area: ["both", "China", "World"], basis: ["all", "actual"], unit: ["GW", "MW"]} as const;

const perGW = (unit: WindState["unit"]) => (unit === "MW" ? 1000 : 1);

const basisFilter = (basis: WindState["basis"]) => (basis === "actual" ? "\n  AND basis = 'actual'" : "");

const areaFilter = (area: WindState["area"]) => (area === "both" ? "" : `\n  AND geography = ${lit(area)}`);

/** Capacity in GW whatever unit it was published in (million kW = GW; billion kW = 1,000 GW). */
const GW = `value * CASE unit WHEN 'billion kW' THEN 1000 ELSE 1 END`;

export const newInstallations = defineQuery({
  id: "wind-new-installations",
  title: "Wind power added each year",
  sql: ({years, area, basis, unit}: WindState) => `-- Wind capacity added per calendar year. Each series keeps its counting basis in its name:
-- GWEC counts turbines installed, China's NEA counts capacity connected to the grid.
-- Part-year figures (year to date) are left out so every point is a whole year.
SELECT row_id, geography || ', ' || CASE regexp_extract(indicator, '\\(([^)]*)\\)', 1)
      WHEN 'NEA' THEN 'NEA (grid-connected)' WHEN 'GWEC' THEN 'GWEC (installed)' WHEN '' THEN 'grid-connected'
      ELSE regexp_extract(indicator, '\\(([^)]*)\\)', 1) END ||
    CASE WHEN source_id = 'smm-forum-2025' THEN ', as cited by SMM' ELSE '' END AS series,
  period, period_start AS date, value * ${lit(perGW(unit))} AS value, bound, qualifier, ${lit(unit)} AS unit, basis, source_id
FROM observations
WHERE (dataset IN ('wind_new_installations_global', 'wind_new_installations_china') OR series_id = 'smm.wind_new_installations')
  AND indicator ILIKE 'Wind power new%' AND unit = 'GW'
  AND date_diff('day', period_start, period_end) BETWEEN 364 AND 365
  -- The SMM report states its 2025 forecast twice with the same 87 GW; the paragraph's row is kept.
  AND row_id <> 'smm25-wind-new-2025-heading'
  AND year(period_start) BETWEEN ${lit(years[0])} AND ${lit(years[1])}${areaFilter(area)}${basisFilter(basis)}
ORDER BY series, date, row_id`
});

export const capacityVsThermal = defineQuery({
  id: "wind-capacity-vs-thermal",
  title: "China's installed capacity at the end of Q1 2025",
  sql: ({unit}: WindState) => `-- China's cumulative installed capacity by technology at the end of the first quarter of 2025
-- (Goldwind at the SMM forum), in one unit.
SELECT row_id, replace(replace(indicator, ' cumulative installed capacity', ''), ' power', '') AS category,
  period, ${GW} * ${lit(perGW(unit))} AS value, bound, qualifier, ${lit(unit)} AS unit, basis, source_id
FROM observations
WHERE series_id IN ('smm.wind_cumulative', 'smm.solar_cumulative', 'smm.wind_solar_cumulative', 'smm.thermal_cumulative')
  AND period = '2025-Q1'
ORDER BY value DESC, row_id`
});

export const cumulativeAndTargets = defineQuery({
  id: "wind-cumulative-and-targets",
  title: "Cumulative wind capacity and China's targets",
  sql: ({area, basis, unit}: WindState) => `-- Installed wind capacity over time, and China's targets for 2030 and 2060 (lower bounds: "at least").
-- Points sit at the end of the period they describe.
SELECT row_id, geography AS series,
  period, period_end AS date, ${GW} * ${lit(perGW(unit))} AS value, bound, qualifier, ${lit(unit)} AS unit, basis, source_id
FROM observations
WHERE (dataset IN ('wind_cumulative_china', 'wind_cumulative_global') OR series_id = 'smm.wind_cumulative')${areaFilter(area)}${basisFilter(basis)}
ORDER BY series, date, row_id`
});

export const intensityPerMW = defineQuery({
  id: "wind-ndfeb-per-mw",
  title: "NdFeB magnet per MW of wind capacity",
  sql: () => `-- kg of NdFeB per MW: published figures for permanent-magnet turbines, and China's fleet
-- average derived here as the SMM report's wind NdFeB demand ÷ the GW it expects to be installed.
SELECT row_id, regexp_replace(indicator, '^NdFeB magnet mass per MW, ', '') AS label,
  value * 1000 AS value, value_low * 1000 AS value_low, value_high * 1000 AS value_high, 'kg/MW' AS unit, basis, source_id, FALSE AS derived
FROM observations
WHERE dataset = 'wind_ndfeb_intensity' AND unit = 't/MW' AND indicator ILIKE '%NdFeB%'
UNION ALL
SELECT d.row_id || ',' || u.row_id, 'China, all new turbines, ' || d.period || ' (derived: demand ÷ GW added)',
  d.value / u.value AS value, NULL, NULL, 'kg/MW', d.basis, d.source_id, TRUE
FROM observations d
JOIN observations u ON u.series_id = 'smm.wind_new_installations' AND u.period = d.period AND u.row_id <> 'smm25-wind-new-2025-heading'
WHERE d.series_id = 'smm.wind_ndfeb_demand'
ORDER BY derived, label, row_id`
});

export const ndfebDemand = defineQuery({
  id: "wind-ndfeb-demand",
  title: "NdFeB demand from wind power in China",
  sql: () => `-- NdFeB demand from new wind installations in China (SMM forum report): 2024 estimate, 2025 forecast.
SELECT row_id, 'Wind power, China' AS category, period, value, bound, qualifier, unit, basis, source_id, change_pct, change_basis
FROM observations
WHERE series_id = 'smm.wind_ndfeb_demand'
ORDER BY period, row_id`
});

export const headlines = headlineQuery({
  id: "wind-headlines",
  title: "Headline figures",
  where: `(series_id, period) IN (
  ('smm.wind_new_installations', '2024'), ('wind_new_installations_global.world', '2024'),
  ('smm.wind_cumulative', '2025-Q1'), ('smm.wind_ndfeb_demand', '2025'), ('smm.wind_cumulative', '2030'))`
});

export {allChecks, sourceTitles} from "./common.js";
