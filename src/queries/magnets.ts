// The Magnets page's queries: NdFeB output, demand by end use, the units behind the demand,
// NdFeB per unit, and the published figures the scenario starts from. Each is a function of
// the page's inputs; the SQL is complete so it can be shown, shared and run anywhere.
import {yearRange, type Choices} from "../components/choices.js";
import {defineQuery, lit} from "../components/query.js";
import {headlineQuery} from "./common.js";
import {scenarioComparison} from "./scenario.js";

export interface MagnetsState {
  /** First and last year shown on the time-series charts. */
  years: [number, number];
  /** "all" shows estimates and forecasts next to actuals; "actual" hides them. */
  basis: "all" | "actual";
  /** Tonnes or thousand tonnes for NdFeB masses. */
  unit: "t" | "kt";
  /** Whose vehicles: China's NEV production (CAAM) or the world's electric car sales (IEA). */
  area: "China" | "World";
  /** "preferred" draws the NdFeB series the site stands behind for each area and part; "all" adds the alternatives. */
  series: "preferred" | "all";
}

export const defaults: MagnetsState = {years: [2013, 2025], basis: "all", unit: "t", area: "China", series: "preferred"};

export const allowed = {basis: ["all", "actual"], unit: ["t", "kt"], area: ["China", "World"], series: ["preferred", "all"]} as const;

/** What each input can be set to (src/components/choices.ts); the page's inputs are built from it. */
export const choices: Choices<MagnetsState> = {years: yearRange(2013, 2025), ...allowed};

const scale = (unit: MagnetsState["unit"]) => (unit === "kt" ? 1000 : 1);

const basisFilter = (basis: MagnetsState["basis"], column = "basis") => (basis === "actual" ? `\n  AND ${column} = 'actual'` : "");

const yearFilter = ([from, to]: [number, number]) => `year(period_start) BETWEEN ${lit(from)} AND ${lit(to)}`;

export const ndfebOutput = defineQuery({
  id: "magnets-ndfeb-output",
  title: "NdFeB magnet production, as each source counts it",
  subtitle: ({unit}: MagnetsState) => `${unit === "kt" ? "Thousand tonnes" : "Tonnes"} per year; pale points are estimates, "≥" marks a lower bound`,
  chart: {mark: "line", x: "date", y: "value", color: "series"},
  sql: ({years, basis, unit, series}: MagnetsState) => `-- NdFeB magnet output: China by part (sintered, bonded, total) and the world; the preferred
-- series unless all are asked for (finished magnets over blanks, see the registry).
SELECT row_id, geography || ': ' || indicator AS series, period, period_start AS date,
  value_canonical / ${lit(scale(unit))} AS value, bound, qualifier, ${lit(unit)} AS unit, basis, is_preferred, source_id
FROM observations
WHERE measure = 'ndfeb.production'${series === "all" ? "" : "\n  AND is_preferred"}
  AND ${yearFilter(years)}${basisFilter(basis)}
ORDER BY series, date, row_id`
});

/** The end uses China's NdFeB demand is given for (parts of ndfeb.demand), as the scenario names them. */
// Each demand figure names, in stated_with, the units figure its source states it with (the SMM report
// gives 2025 wind and air-conditioner output twice; the demand goes with the paragraph's figure).
const END_USES = `(VALUES
    ('nev', 'NEVs', 'NEVs'),
    ('wind', 'Wind power', 'wind power'),
    ('ac', 'Air conditioners', 'air conditioners')
  ) AS e(end_use, category, demand_part)`;

export const demandByEndUse = defineQuery({
  id: "magnets-demand-by-end-use",
  title: "NdFeB demand by end use, 2024 and 2025",
  subtitle: ({unit}: MagnetsState) => `${unit === "kt" ? "Thousand tonnes" : "Tonnes"} of NdFeB by end use; pale bars are estimates or forecasts, as each source labels them`,
  // The figure's bars: one per period, in a panel per end use.
  chart: {mark: "bar", x: "period", y: "value", facet: "category"},
  sql: ({basis, unit}: MagnetsState) => `-- China's NdFeB demand by end use (SMM forum report), and Argus's world figure for NEVs.
SELECT o.row_id, e.category || CASE o.geography WHEN 'China' THEN '' ELSE ', ' || lower(o.geography) || ' (' || o.stated_by || ')' END AS category,
  o.period, o.value_canonical / ${lit(scale(unit))} AS value, o.bound, o.qualifier,
  ${lit(unit)} AS unit, o.basis, o.geography, o.source_id, o.change_pct, o.change_basis
FROM observations o
JOIN ${END_USES} ON o.measure = 'ndfeb.demand' AND o.part = e.demand_part
WHERE o.period IN ('2024', '2025')${basisFilter(basis, "o.basis")}
ORDER BY category, period, row_id`
});

export const vehicles = defineQuery({
  id: "magnets-vehicles",
  title: ({area}: MagnetsState) => area === "China" ? "New energy vehicles in China" : "Electric cars sold worldwide",
  subtitle: "Million vehicles per year; CAAM counts NEVs made (including exports and commercial vehicles), the IEA counts electric passenger cars sold",
  chart: {mark: "line", x: "date", y: "value", color: "series"},
  sql: ({years, basis, area}: MagnetsState) => `-- The vehicles NEV magnet demand scales with, in million vehicles:
-- China: NEV production (CAAM, and as cited in the SMM forum report); World: IEA electric car sales.
SELECT row_id, indicator || CASE WHEN is_preferred THEN '' ELSE ', ' || stated_by END AS series,
  period, period_start AS date, value_canonical / 1e6 AS value,
  bound, qualifier, 'million vehicles' AS unit, basis, source_id
FROM observations
WHERE geography = ${lit(area)}
  AND measure IN ('nev.production', 'ev.car_sales')
  AND date_diff('day', period_start, period_end) >= 364
  AND ${yearFilter(years)}${basisFilter(basis)}
ORDER BY series, date, row_id`
});

/** A demand figure (ndfeb.demand) joined to the units figure its source states it with. */
const DEMAND_WITH_UNITS = `observations d
JOIN ${END_USES} ON d.measure = 'ndfeb.demand' AND d.part = e.demand_part
JOIN observations u ON u.row_id = d.stated_with`;

export const perUnit = defineQuery({
  id: "magnets-ndfeb-per-unit",
  title: "NdFeB magnet per vehicle, robot and air conditioner",
  subtitle: "kg of NdFeB per unit; bars are published ranges, dots published figures, diamonds derived here as demand ÷ units",
  chart: {mark: "dot", x: "label", y: "value", color: "derived"},
  sql: () => `-- kg of NdFeB per unit: figures as published, and figures derived here as
-- published NdFeB demand ÷ the units made it is stated with (same source, same year).
SELECT row_id, CASE measure WHEN 'ndfeb.intensity.vehicle' THEN 'Per electric vehicle' ELSE 'Per humanoid robot (' || stated_by || ')' END AS label,
  value_canonical AS value, value_low_canonical AS value_low, value_high_canonical AS value_high, canonical_unit AS unit, basis, source_id, FALSE AS derived
FROM observations
WHERE measure IN ('ndfeb.intensity.vehicle', 'ndfeb.intensity.humanoid')
UNION ALL
SELECT d.row_id || ',' || u.row_id AS row_id,
  'Per ' || CASE e.end_use WHEN 'nev' THEN 'NEV' ELSE 'air conditioner' END || ', ' || d.period || ' (derived)' AS label,
  d.value_canonical * 1000 / u.value_canonical AS value,
  NULL AS value_low, NULL AS value_high,
  CASE e.end_use WHEN 'nev' THEN 'kg/vehicle' ELSE 'kg/unit' END AS unit,
  d.basis, d.source_id, TRUE AS derived
FROM ${DEMAND_WITH_UNITS}
WHERE e.end_use IN ('nev', 'ac')
ORDER BY derived, label, row_id`
});

export const scenarioInputs = defineQuery({
  id: "magnets-scenario-inputs",
  title: "Published figures the scenario starts from",
  sql: () => `-- For each end use, the SMM forum report's 2024 and 2025 units and NdFeB demand. The page
-- derives kg per unit from them and starts its sliders at the 2025 figures.
SELECT e.end_use, e.category, d.period, d.value_canonical AS demand_t, d.basis AS demand_basis, d.row_id AS demand_row_id,
  u.value AS units, u.unit AS units_unit, u.basis AS units_basis, u.row_id AS units_row_id, d.source_id
FROM ${DEMAND_WITH_UNITS}
WHERE d.geography = 'China'
ORDER BY e.end_use, d.period`
});

export const publishedPerUnit = defineQuery({
  id: "magnets-published-per-unit",
  title: "Published NdFeB per unit, for the slider ranges",
  sql: () => `-- Published NdFeB per unit, in kg per vehicle, per MW or per robot, to set the sliders' ranges.
SELECT row_id, CASE measure WHEN 'ndfeb.intensity.vehicle' THEN 'nev' WHEN 'ndfeb.intensity.wind_mw' THEN 'wind' ELSE 'humanoid' END AS end_use,
  value_canonical AS value, value_low_canonical AS value_low, value_high_canonical AS value_high, source_id
FROM observations
WHERE measure IN ('ndfeb.intensity.vehicle', 'ndfeb.intensity.humanoid', 'ndfeb.intensity.wind_mw')
ORDER BY end_use, row_id`
});

/** Humanoid shipment forecasts, and the humanoid part of NdFeB demand. */
const SHIPMENTS = `measure = 'robots.humanoid.shipments' AND basis = 'forecast'`;
const HUMANOID_DEMAND = `measure = 'ndfeb.demand' AND part = 'humanoid robots'`;

export const humanoidStart = defineQuery({
  id: "magnets-humanoid-start",
  title: "Humanoid robots: published shipments and magnet demand",
  sql: () => `-- Humanoid robots in the scenario: 2025 shipments as forecast, and the NdFeB demand figures
-- published for 2025 and 2030 with the shipments the same source gives for that year.
SELECT 'shipments' AS figure, row_id, indicator, period, value, value_low, value_high, bound, unit, basis, source_id
FROM observations
WHERE ${SHIPMENTS} AND period = '2025' AND value IS NOT NULL
UNION ALL
SELECT 'demand', row_id, indicator, period, value, value_low, value_high, bound, unit, basis, source_id
FROM observations WHERE ${HUMANOID_DEMAND}
UNION ALL
SELECT 'shipments for demand', s.row_id, s.indicator, s.period, s.value, s.value_low, s.value_high, s.bound, s.unit, s.basis, s.source_id
FROM (SELECT * FROM observations WHERE ${SHIPMENTS} AND value IS NOT NULL) s
JOIN (SELECT * FROM observations WHERE ${HUMANOID_DEMAND}) d ON s.source_id = d.source_id AND s.period = d.period
ORDER BY figure, period, row_id`
});

export const headlines = headlineQuery({
  id: "magnets-headlines",
  title: "Headline figures",
  where: `(measure, part, geography, period) IN (
  ('ndfeb.production', 'total', 'China', '2024'), ('ndfeb.demand', 'NEVs', 'China', '2025'),
  ('nev.production', 'total', 'China', '2025'), ('exports.magnets.yoy', 'total', 'China', '2025-04'))`
});

export {allChecks, sourceTitles} from "./common.js";

/**
 * The NdFeB balance: for each year where one source gives both a production total and demand by
 * end use, the end uses it itemises and "other (not itemised)", the total less the items. Only
 * the same year and the same source are combined; the remainder is computed, not published.
 */
export const ndfebBalance = defineQuery({
  id: "magnets-ndfeb-balance",
  title: "China's NdFeB output by end use, and what is not itemised",
  subtitle: ({unit}: MagnetsState) => `NdFeB magnets (${unit}); the tick is the production total of the same source and year`,
  chart: {mark: "line", x: "period", y: "value", color: "end_use"},
  sql: ({unit}: MagnetsState) => `WITH total AS (
  SELECT row_id, geography, period, value_canonical AS value, qualifier, basis, source_id FROM observations
  WHERE measure = 'ndfeb.production' AND part = 'total' AND period_end - period_start BETWEEN 364 AND 365
),
items AS (
  SELECT o.row_id, o.part AS category, o.period, o.value_canonical AS value, o.basis, o.source_id
  FROM observations o
  JOIN total t ON t.geography = o.geography AND t.period = o.period AND t.source_id = o.source_id
  WHERE o.measure = 'ndfeb.demand'
)
SELECT row_id, category AS end_use, 0 AS part_order, period, value / ${lit(scale(unit))} AS value, ${lit(unit)} AS unit, basis, 'published' AS how, row_id AS row_ids, source_id
FROM items
UNION ALL
SELECT NULL, 'Other (not itemised)', 1, t.period, (t.value - sum(i.value)) / ${lit(scale(unit))}, ${lit(unit)}, t.basis,
  'computed: total less the items', t.row_id || ',' || string_agg(i.row_id, ',' ORDER BY i.row_id), t.source_id
FROM total t JOIN items i ON i.period = t.period AND i.source_id = t.source_id
GROUP BY t.row_id, t.period, t.value, t.basis, t.source_id
UNION ALL
SELECT row_id, 'Production (total)', 2, period, value / ${lit(scale(unit))}, ${lit(unit)}, basis, 'published' || CASE WHEN qualifier IS NULL THEN '' ELSE ' (' || qualifier || ')' END, row_id, source_id
FROM total t WHERE EXISTS (SELECT 1 FROM items i WHERE i.period = t.period AND i.source_id = t.source_id)
ORDER BY period, part_order, value DESC`
});

/** The year the scenario is set in: the year of the published demand and unit figures it starts from. */
export const SCENARIO_YEAR = "2025";

/** The scenario figure: your assumptions against the published demand, computed in SQL from the sliders. */
export const scenario = scenarioComparison({
  id: "magnets-scenario",
  title: `NdFeB demand in ${SCENARIO_YEAR}: your assumption against the published figures`,
  subtitle: "Tonnes of NdFeB; orange bars follow your sliders, grey bars are the published figures"
});
