// Trade's monthly panel: China's rare-earth and magnet exports on a continuous month axis from
// January 2023 to the latest month held (a month with no figure is a gap, never a zero), the
// running totals from January as their own series, magnet exports by destination, dysprosium
// and terbium exports, year totals with their stated changes, and the export-control timeline.
import {defineQuery} from "../components/query.js";

/** The monthly series, each on its own counting basis; Bloomberg's aggregate is not the customs one. */
const MONTHLY = `(VALUES
    ('exports.rare_earths', 'customs aggregate of 17 elements', 'Rare-earth exports (customs aggregate, 17 elements)'),
    ('exports.rare_earth_products', 'Bloomberg''s rare earth products category', 'Rare-earth products (Bloomberg''s own aggregate)'),
    ('exports.magnets', 'all permanent magnets', 'Permanent-magnet exports (customs)'),
    ('exports.magnets', 'HS 85051110 (sintered NdFeB)', 'Permanent-magnet exports, HS 85051110 only')
  ) AS s(measure, counting_basis, label)`;

/**
 * Where several copies report one month of a series (`series`, a column of `f`), one figure is
 * drawn: normal confidence before low, then the value most copies give (`agreeing`), then the
 * first row id. The others stay in the table.
 */
const onePerMonth = (series: string) => `QUALIFY row_number() OVER (PARTITION BY f.${series}, f.period_start
    ORDER BY f.confidence = 'low', agreeing DESC, f.row_id) = 1`;

export const monthlyExports = defineQuery({
  id: "monthly-exports",
  title: "China's rare-earth and magnet exports by month",
  subtitle: "Tonnes (t) per month, January 2023 to the latest month held; gaps are months with no published figure",
  chart: {mark: "line", x: "date", y: "value", color: "measure"},
  sql: () => `WITH figures AS (
  SELECT o.*, s.label, count(*) OVER (PARTITION BY s.label, o.period_start, o.value_canonical) AS agreeing,
    count(*) OVER (PARTITION BY s.label, o.period_start) AS copies
  FROM observations o JOIN ${MONTHLY} ON o.measure = s.measure AND o.counting_basis = s.counting_basis
  WHERE o.partner IS NULL AND o.period_end - o.period_start < 31 AND o.period_start >= DATE '2023-01-01'
),
chosen AS (SELECT * FROM figures f ${onePerMonth("label")}),
months AS (
  SELECT CAST(m AS DATE) AS month
  FROM range(DATE '2023-01-01', (SELECT max(period_start) FROM chosen) + INTERVAL 1 MONTH, INTERVAL 1 MONTH) AS t(m)
)
-- Every month of the axis for every series; value is NULL where no figure was published.
SELECT s.label AS measure, strftime(m.month, '%Y-%m') AS period, m.month AS date, c.value_canonical AS value, 't' AS unit, c.copies, c.row_id,
  c.confidence, c.basis, c.source_id
FROM ${MONTHLY} CROSS JOIN months m
LEFT JOIN chosen c ON c.label = s.label AND c.period_start = m.month
ORDER BY s.label, m.month`
});

export const exportsYearToDate = defineQuery({
  id: "exports-year-to-date",
  title: "Rare-earth exports since January, as published",
  subtitle: "Tonnes (t), cumulative from 1 January to the end of the month shown",
  chart: {mark: "line", x: "through_month", y: "value", color: "series"},
  sql: () => `-- Published running totals (January to a later month); never differenced into single months.
SELECT row_id, year(period_start) || ', ' || counting_basis AS series, year(period_start) AS year, period, period_end AS date, month(period_end) AS through_month, value_canonical AS value, canonical_unit AS unit,
  confidence, basis, source_id
FROM observations
WHERE measure = 'exports.rare_earths' AND partner IS NULL AND month(period_start) = 1 AND period_end - period_start BETWEEN 31 AND 363
  AND year(period_start) >= 2023
QUALIFY row_number() OVER (PARTITION BY period_start, period_end ORDER BY confidence = 'low', row_id) = 1
ORDER BY period_start, period_end`
});

/**
 * Single months of the rows `where` selects, one figure per `series` and month (onePerMonth).
 * `series` is a SQL expression over `o` naming what the chart draws as one series.
 */
const oneFigurePerMonth = ({where, series, columns}: {where: string; series: string; columns: string}) => `WITH figures AS (
  SELECT o.*, ${series} AS series, count(*) OVER (PARTITION BY ${series}, o.period_start, o.value_canonical) AS agreeing
  FROM observations o
  WHERE ${where} AND o.period_end - o.period_start BETWEEN 27 AND 30
)
SELECT ${columns}, period, period_start AS date, value_canonical AS value, canonical_unit AS unit, bound, confidence, row_id, source_id
FROM figures f
${onePerMonth("series")}`;

export const magnetExportsByDestination = defineQuery({
  id: "magnet-exports-by-destination",
  title: "Permanent-magnet exports by destination",
  subtitle: "Tonnes (t) per month, for the months a figure was published",
  chart: {mark: "line", x: "date", y: "value", color: "destination"},
  sql: () => `${oneFigurePerMonth({
    where: "o.measure = 'exports.magnets' AND o.partner IN ('United States', 'Germany', 'Japan', 'South Korea', 'Vietnam', 'European Union')",
    series: "o.partner",
    columns: "series AS destination"
  })}
ORDER BY destination, date`
});

export const heavyExportsByMonth = defineQuery({
  id: "dy-tb-exports-by-month",
  title: "Dysprosium and terbium exports by month",
  subtitle: "Kilograms (kg) per month; both need an export licence since 4 April 2025",
  chart: {mark: "line", x: "date", y: "value", color: "element"},
  sql: () => `-- Published in kilograms or tonnes, read in kg (value_canonical). A published zero is a zero.
${oneFigurePerMonth({
    where: "o.measure IN ('exports.dysprosium', 'exports.terbium') AND o.partner IS NULL",
    series: "CASE o.measure WHEN 'exports.dysprosium' THEN 'Dysprosium' ELSE 'Terbium' END",
    columns: "series AS element"
  })}
ORDER BY element, date`
});

export const yearTotals = defineQuery({
  id: "trade-year-totals",
  title: "Whole years, with the change each source states",
  subtitle: "Tonnes (t) per year; labels are the change on the previous year as published",
  chart: {mark: "bar", x: "year", y: "value", facet: "measure"},
  sql: () => `SELECT CASE measure WHEN 'exports.rare_earths' THEN 'Rare-earth exports'
    WHEN 'imports.rare_earths' THEN 'Rare-earth imports'
    WHEN 'exports.magnets' THEN 'Permanent-magnet exports, ' || counting_basis END AS measure,
  year(period_start) AS year, value_canonical AS value, canonical_unit AS unit, change_pct AS stated_change_pct, change_basis, confidence, row_id, source_id
FROM observations
WHERE measure IN ('exports.rare_earths', 'imports.rare_earths', 'exports.magnets') AND partner IS NULL
  AND counting_basis IS DISTINCT FROM 'HS 85051110 (sintered NdFeB)'
  AND period_end - period_start BETWEEN 364 AND 365 AND year(period_start) >= 2022
QUALIFY row_number() OVER (PARTITION BY measure, counting_basis, period_start ORDER BY change_pct IS NULL, confidence = 'low', row_id) = 1
ORDER BY measure, year`
});

export const exportControlTimeline = defineQuery({
  id: "export-control-timeline",
  title: "Export controls and tariffs, dated",
  subtitle: "One row per measure, by the date it was announced or took effect",
  // Each event on a row of its own, as the figure draws them: event_number is that row.
  chart: {mark: "dot", x: "date_start", y: "event_number", color: null},
  sql: () => `SELECT event_id, date, date_start, date_end, title, description, source_id,
  row_number() OVER (ORDER BY date_start, event_id) AS event_number
FROM events
WHERE theme = 'trade'
ORDER BY date_start, event_id`
});
