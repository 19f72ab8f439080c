// The Magnets page's queries: NdFeB output, demand by end use, the units behind the demand,
// NdFeB per unit, and the published figures the scenario starts from. Each is a function of
// the page's inputs; the SQL is complete so it can be shown, shared and run anywhere.
import {defineQuery, lit} from "../components/query.js";
import {headlineQuery} from "./common.js";

export interface MagnetsState {
  /** First and last year shown on the time-series charts. */
  years: [number, number];
  /** "all" shows estimates and forecasts next to actuals; "actual" hides them. */
  basis: "all" | "actual";
  /** Tonnes or thousand tonnes for NdFeB masses. */
  unit: "t" | "kt";
  /** Whose vehicles: China's NEV production (CAAM) or the world's electric car sales (IEA). */
  area: "China" | "World";
}

export const defaults: MagnetsState = {years: [2013, 2025], basis: "all", unit: "t", area: "China"};

export const allowed = {basis: ["all", "actual"], unit: ["t", "kt"], area: ["China", "World"]} as const;

const scale = (unit: MagnetsState["unit"]) => (unit === "kt" ? 1000 : 1);

const basisFilter = (basis: MagnetsState["basis"], column = "basis") => (basis === "actual" ? `\n  AND ${column} = 'actual'` : "");

const yearFilter = ([from, to]: [number, number]) => `year(period_start) BETWEEN ${lit(from)} AND ${lit(to)}`;

export const ndfebOutput = defineQuery({
  id: "magnets-ndfeb-output",
  title: "NdFeB magnet production",
  sql: ({years, basis, unit}: MagnetsState) => `-- NdFeB magnet output as published: China by product (sintered, bonded, total) and the world.
SELECT row_id, geography || ': ' || indicator AS series, period, period_start AS date,
  value / ${lit(scale(unit))} AS value, bound, qualifier, ${lit(unit)} AS unit, basis, source_id
FROM observations
WHERE (dataset IN ('ndfeb_production_china', 'ndfeb_production_global') OR series_id = 'smm.ndfeb_production')
  AND indicator ILIKE '%NdFeB%' AND unit = 't'
  AND ${yearFilter(years)}${basisFilter(basis)}
ORDER BY series, date, row_id`
});

/** The end uses the SMM forum report gives NdFeB demand for, with the units behind each. */
// The report states 2025 wind and air-conditioner output twice, in a heading and in the paragraph
// under it; its demand figures are stated for the paragraph's figures, so the headings are left out.
const UNITS_STATED_TWICE = `u.row_id NOT IN ('smm25-wind-new-2025-heading', 'smm25-ac-production-2025-heading')`;

const END_USES = `(VALUES
    ('nev', 'NEVs', 'smm.nev_ndfeb_demand', 'smm.nev_production'),
    ('wind', 'Wind power', 'smm.wind_ndfeb_demand', 'smm.wind_new_installations'),
    ('ac', 'Air conditioners', 'smm.ac_ndfeb_demand', 'smm.ac_production')
  ) AS e(end_use, category, demand_series, units_series)`;

export const demandByEndUse = defineQuery({
  id: "magnets-demand-by-end-use",
  title: "NdFeB demand by end use, 2024 and 2025",
  sql: ({basis, unit}: MagnetsState) => `-- China's NdFeB demand by end use (SMM forum report), and Argus's world figure for NEVs.
SELECT o.row_id, e.category, o.period, o.value / ${lit(scale(unit))} AS value, o.bound, o.qualifier,
  ${lit(unit)} AS unit, o.basis, o.geography, o.source_id, o.change_pct, o.change_basis
FROM observations o
JOIN ${END_USES} ON o.series_id = e.demand_series
WHERE o.period IN ('2024', '2025')${basisFilter(basis, "o.basis")}
UNION ALL
SELECT row_id, 'NEVs, world (Argus)' AS category, period, value / ${lit(scale(unit))}, bound, qualifier,
  ${lit(unit)}, basis, geography, source_id, change_pct, change_basis
FROM observations
WHERE series_id = 'ndfeb_demand_by_end_use.nev'${basisFilter(basis)}
ORDER BY category, period, row_id`
});

export const vehicles = defineQuery({
  id: "magnets-vehicles",
  title: "Electric vehicles made or sold",
  sql: ({years, basis, area}: MagnetsState) => `-- The vehicles NEV magnet demand scales with, in million vehicles:
-- China: NEV production (CAAM, and as cited in the SMM forum report); World: IEA electric car sales.
SELECT row_id, indicator || CASE WHEN source_id = 'smm-forum-2025' THEN ' (SMM forum report)' ELSE '' END AS series,
  period, period_start AS date,
  value / CASE unit WHEN 'million vehicles' THEN 1 ELSE 1e6 END AS value,
  bound, qualifier, 'million vehicles' AS unit, basis, source_id
FROM observations
WHERE geography = ${lit(area)}
  AND (series_id IN ('nev_china_production.china', 'smm.nev_production') OR dataset = 'ev_global_sales')
  AND date_diff('day', period_start, period_end) >= 364
  AND ${yearFilter(years)}${basisFilter(basis)}
ORDER BY series, date, row_id`
});

export const perUnit = defineQuery({
  id: "magnets-ndfeb-per-unit",
  title: "NdFeB magnet per unit",
  sql: () => `-- kg of NdFeB per unit: figures as published, and figures derived here as
-- published NdFeB demand ÷ published units made (same source, same year).
SELECT row_id, 'Per ' || regexp_replace(indicator, '^NdFeB magnet mass per ', '') AS label,
  value, value_low, value_high, unit, basis, source_id, FALSE AS derived
FROM observations
WHERE series_id = 'smm.ndfeb_per_vehicle' OR dataset = 'humanoid_ndfeb_per_unit'
UNION ALL
SELECT d.row_id || ',' || u.row_id AS row_id,
  'Per ' || CASE e.end_use WHEN 'nev' THEN 'NEV' ELSE 'air conditioner' END || ', ' || d.period || ' (derived)' AS label,
  d.value * 1000 / (u.value * CASE u.unit WHEN 'million vehicles' THEN 1e6 WHEN 'million units' THEN 1e6 ELSE 1 END) AS value,
  NULL AS value_low, NULL AS value_high,
  CASE e.end_use WHEN 'nev' THEN 'kg/vehicle' ELSE 'kg/unit' END AS unit,
  d.basis, d.source_id, TRUE AS derived
FROM observations d
JOIN ${END_USES} ON d.series_id = e.demand_series
JOIN observations u ON u.series_id = e.units_series AND u.period = d.period
WHERE e.end_use IN ('nev', 'ac')
  AND ${UNITS_STATED_TWICE}
ORDER BY derived, label, row_id`
});

export const scenarioInputs = defineQuery({
  id: "magnets-scenario-inputs",
  title: "Published figures the scenario starts from",
  sql: () => `-- For each end use, the SMM forum report's 2024 and 2025 units and NdFeB demand. The page
-- derives kg per unit from them and starts its sliders at the 2025 figures.
SELECT e.end_use, e.category, d.period, d.value AS demand_t, d.basis AS demand_basis, d.row_id AS demand_row_id,
  u.value AS units, u.unit AS units_unit, u.basis AS units_basis, u.row_id AS units_row_id, d.source_id
FROM observations d
JOIN ${END_USES} ON d.series_id = e.demand_series
JOIN observations u ON u.series_id = e.units_series AND u.period = d.period
WHERE ${UNITS_STATED_TWICE}
ORDER BY e.end_use, d.period`
});

export const publishedPerUnit = defineQuery({
  id: "magnets-published-per-unit",
  title: "Published NdFeB per unit, for the slider ranges",
  sql: () => `-- Published NdFeB per unit, in kg per vehicle, per MW or per robot, to set the sliders' ranges.
SELECT row_id, CASE WHEN unit = 'kg/vehicle' THEN 'nev' WHEN unit IN ('t/MW', 'kg/MW') THEN 'wind' ELSE 'humanoid' END AS end_use,
  value * CASE unit WHEN 't/MW' THEN 1000 ELSE 1 END AS value,
  value_low * CASE unit WHEN 't/MW' THEN 1000 ELSE 1 END AS value_low,
  value_high * CASE unit WHEN 't/MW' THEN 1000 ELSE 1 END AS value_high, source_id
FROM observations
WHERE series_id = 'smm.ndfeb_per_vehicle' OR dataset = 'humanoid_ndfeb_per_unit'
  OR (dataset = 'wind_ndfeb_intensity' AND unit IN ('t/MW', 'kg/MW') AND indicator ILIKE '%NdFeB%')
ORDER BY end_use, row_id`
});

export const humanoidStart = defineQuery({
  id: "magnets-humanoid-start",
  title: "Humanoid robots: published shipments and magnet demand",
  sql: () => `-- Humanoid robots in the scenario: 2025 shipments as forecast, and the NdFeB demand figures
-- published for 2025 and 2030 with the shipments the same source gives for that year.
SELECT 'shipments' AS figure, row_id, indicator, period, value, value_low, value_high, bound, unit, basis, source_id
FROM observations
WHERE dataset = 'humanoid_shipments_forecast' AND period = '2025' AND value IS NOT NULL
UNION ALL
SELECT 'demand', d.row_id, d.indicator, d.period, d.value, d.value_low, d.value_high, d.bound, d.unit, d.basis, d.source_id
FROM observations d WHERE d.dataset = 'humanoid_ndfeb_demand'
UNION ALL
SELECT 'shipments for demand', s.row_id, s.indicator, s.period, s.value, s.value_low, s.value_high, s.bound, s.unit, s.basis, s.source_id
FROM observations s JOIN observations d ON d.dataset = 'humanoid_ndfeb_demand' AND s.source_id = d.source_id AND s.period = d.period
WHERE s.dataset = 'humanoid_shipments_forecast' AND s.value IS NOT NULL
ORDER BY figure, period, row_id`
});

export const headlines = headlineQuery({
  id: "magnets-headlines",
  title: "Headline figures",
  where: `(series_id, period) IN (
  ('smm.ndfeb_production', '2024'), ('smm.nev_ndfeb_demand', '2025'),
  ('nev_china_production.china', '2025'), ('smm.magnet_exports_yoy', '2025-04'))`
});

export {allChecks, sourceTitles} from "./common.js";

/**
 * The NdFeB balance: for each year where one source gives both a production total and demand by
 * end use, the end uses it itemises and "other (not itemised)", the total less the items. Only
 * the same year and the same source are combined; the remainder is computed, not published.
 */
export const ndfebBalance = defineQuery({
  id: "magnets-ndfeb-balance",
  title: "NdFeB production by end use, with what the source does not itemise",
  sql: ({unit}: MagnetsState) => `WITH total AS (
  SELECT row_id, geography, period, value_canonical AS value, qualifier, basis, source_id FROM observations
  WHERE measure = 'ndfeb.production' AND part = 'total' AND period ~ '^\\d{4}$'
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
