// The Wind page's queries: capacity added each year (two counting bases), cumulative capacity
// against thermal power, the 2030 and 2060 targets, NdFeB per MW and wind's NdFeB demand.
import {yearRange, type Choices} from "../components/choices.js";
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
  /** "preferred" draws the series the site stands behind for each area; "all" adds the alternatives. */
  series: "preferred" | "all";
}

export const defaults: WindState = {years: [2014, 2025], area: "both", basis: "all", unit: "GW", series: "preferred"};

export const allowed = {area: ["both", "China", "World"], basis: ["all", "actual"], unit: ["GW", "MW"], series: ["preferred", "all"]} as const;

/** What each input can be set to (src/components/choices.ts); the page's inputs are built from it. */
export const choices: Choices<WindState> = {years: yearRange(2014, 2025), ...allowed};

const perGW = (unit: WindState["unit"]) => (unit === "MW" ? 1000 : 1);

const basisFilter = (basis: WindState["basis"]) => (basis === "actual" ? "\n  AND basis = 'actual'" : "");

const areaFilter = (area: WindState["area"]) => (area === "both" ? "" : `\n  AND geography = ${lit(area)}`);

const seriesFilter = (series: WindState["series"]) => (series === "all" ? "" : "\n  AND is_preferred");

export const newInstallations = defineQuery({
  id: "wind-new-installations",
  title: "Wind capacity added each year, by counting basis",
  subtitle: ({unit}: WindState) => `${unit} per year; pale points are estimates or forecasts`,
  chart: {mark: "line", x: "date", y: "value", color: "series"},
  sql: ({years, area, basis, unit, series}: WindState) => `-- Wind capacity added per calendar year, named by its counting basis and who states it:
-- GWEC counts turbines installed, China's NEA counts capacity connected to the grid.
-- Part-year figures (year to date) are left out so every point is a whole year.
SELECT row_id, geography || ', ' || counting_basis || CASE WHEN is_preferred THEN '' ELSE ', ' || stated_by END AS series,
  period, period_start AS date, value_canonical * ${lit(perGW(unit))} AS value, bound, qualifier, ${lit(unit)} AS unit, basis, is_preferred, source_id
FROM observations
WHERE measure = 'power.capacity.added' AND part = 'wind'
  AND date_diff('day', period_start, period_end) BETWEEN 364 AND 365
  AND year(period_start) BETWEEN ${lit(years[0])} AND ${lit(years[1])}${areaFilter(area)}${basisFilter(basis)}${seriesFilter(series)}
ORDER BY series, date, row_id`
});

export const countingBases2020 = defineQuery({
  id: "wind-counting-bases-2020",
  title: "China's 2020 wind additions on the two counting bases",
  sql: () => `-- The same year counted twice: NEA grid connections and GWEC installations (each basis's own series).
SELECT row_id, counting_basis, value_canonical AS value, canonical_unit AS unit, basis, source_id
FROM observations
WHERE measure = 'power.capacity.added' AND part = 'wind' AND geography = 'China' AND period = '2020'
  AND counting_basis IN ('NEA (grid-connected)', 'GWEC (installed)')
ORDER BY counting_basis`
});

export const capacityVsThermal = defineQuery({
  id: "wind-capacity-vs-thermal",
  title: "China's installed power capacity by source, end of Q1 2025",
  subtitle: ({unit}: WindState) => `${unit} installed; wind and solar together is the sum of the two bars below it`,
  // One period, so a bar per category is the figure's bars.
  chart: {mark: "bar", x: "category", y: "value"},
  sql: ({unit}: WindState) => `-- China's cumulative installed capacity by technology at the end of the first quarter of 2025
-- (Goldwind at the SMM forum), in one unit.
SELECT row_id, upper(part[1]) || part[2:] AS category,
  period, value_canonical * ${lit(perGW(unit))} AS value, bound, qualifier, ${lit(unit)} AS unit, basis, source_id
FROM observations
WHERE measure = 'power.capacity.cumulative' AND geography = 'China'
  AND period = '2025-Q1'
ORDER BY value DESC, row_id`
});

export const cumulativeAndTargets = defineQuery({
  id: "wind-cumulative-and-targets",
  title: "Installed wind capacity and the forum's outlook for China (at least)",
  subtitle: ({unit}: WindState) => `${unit} installed at the end of each period; "≥" marks a lower bound`,
  chart: {mark: "line", x: "date", y: "value", color: "series"},
  sql: ({area, basis, unit}: WindState) => `-- Installed wind capacity over time, and the forum speaker's outlook for China in 2030 and 2060
-- (lower bounds: "at least"). Points sit at the end of the period they describe.
SELECT row_id, geography AS series,
  period, period_end AS date, value_canonical * ${lit(perGW(unit))} AS value, bound, qualifier, ${lit(unit)} AS unit, basis, source_id
FROM observations
WHERE measure = 'power.capacity.cumulative' AND part = 'wind'${areaFilter(area)}${basisFilter(basis)}
ORDER BY series, date, row_id`
});

export const intensityPerMW = defineQuery({
  id: "wind-ndfeb-per-mw",
  title: "NdFeB magnet per MW of wind capacity",
  subtitle: "kg of NdFeB per MW; bars are published ranges, dots published figures, diamonds derived here",
  chart: {mark: "dot", x: "label", y: "value", color: "derived"},
  sql: () => `-- kg of NdFeB per MW: published figures for permanent-magnet turbines, and China's fleet
-- average derived here as the SMM report's wind NdFeB demand ÷ the GW it is stated with.
SELECT row_id, stated_by AS label,
  value_canonical AS value, value_low_canonical AS value_low, value_high_canonical AS value_high, canonical_unit AS unit, basis, source_id, FALSE AS derived
FROM observations
WHERE measure = 'ndfeb.intensity.wind_mw'
UNION ALL
SELECT d.row_id || ',' || u.row_id, 'China, all new turbines, ' || d.period || ' (derived: demand ÷ GW added)',
  d.value_canonical / u.value_canonical AS value, NULL, NULL, 'kg/MW', d.basis, d.source_id, TRUE
FROM observations d
JOIN observations u ON u.row_id = d.stated_with AND u.measure = 'power.capacity.added'
WHERE d.measure = 'ndfeb.demand' AND d.part = 'wind power'
ORDER BY derived, label, row_id`
});

export const ndfebDemand = defineQuery({
  id: "wind-ndfeb-demand",
  title: "NdFeB demand from new wind installations in China, 2024 and 2025",
  subtitle: "Tonnes of NdFeB; pale bars are estimates or forecasts, as each source labels them",
  chart: {mark: "bar", x: "period", y: "value", facet: "category"},
  sql: () => `-- NdFeB demand from new wind installations in China (SMM forum report): 2024 and the 2025 forecast.
SELECT row_id, 'Wind power, China' AS category, period, value_canonical AS value, bound, qualifier, canonical_unit AS unit, basis, source_id, change_pct, change_basis
FROM observations
WHERE measure = 'ndfeb.demand' AND part = 'wind power' AND geography = 'China'
ORDER BY period, row_id`
});

export const headlines = headlineQuery({
  id: "wind-headlines",
  title: "Headline figures",
  where: `(measure, part, geography, period) IN (
  ('power.capacity.added', 'wind', 'China', '2024'), ('power.capacity.added', 'wind', 'World', '2024'),
  ('power.capacity.cumulative', 'wind', 'China', '2025-Q1'), ('ndfeb.demand', 'wind power', 'China', '2025'),
  ('power.capacity.cumulative', 'wind', 'China', '2030'))`
});

export {allChecks, sourceTitles} from "./common.js";
