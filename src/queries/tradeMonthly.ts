// Trade's monthly panel: China's rare-earth and magnet exports on a continuous month axis from
// January 2023 to the latest month held (a month with no figure is a gap, never a zero), the
// running totals from January as their own series, magnet exports by destination, dysprosium
// and terbium exports, year totals with their stated changes, and the export-control timeline.
import {defineQuery} from "../components/query.js";

/** The monthly series, each on its own counting basis; Bloomberg's aggregate is not the customs one. */
const MONTHLY = `(VALUES
    ('china_exports_rare_earths.china', 'Rare-earth exports (customs aggregate, 17 elements)'),
    ('china_exports_rare_earth_products_bloomberg.china', 'Rare-earth products (Bloomberg''s own aggregate)'),
    ('china_magnet_exports.total', 'Permanent-magnet exports (customs)'),
    ('china_magnet_exports.hs85051110', 'Permanent-magnet exports, HS 85051110 only')
  ) AS s(series_id, measure)`;

/**
 * Where several copies report one month, one figure is drawn: normal confidence before low,
 * then the value most copies give, then the first row id. The others stay in the table.
 */
const ONE_PER_MONTH = `QUALIFY row_number() OVER (PARTITION BY f.series_id, f.period_start
    ORDER BY f.confidence = 'low', agreeing DESC, f.row_id) = 1`;

export const monthlyExports = defineQuery({
  id: "monthly-exports",
  title: "China's rare-earth and magnet exports by month, January 2023 to the latest month held",
  sql: () => `WITH figures AS (
  SELECT o.*, s.measure, count(*) OVER (PARTITION BY o.series_id, o.period_start, o.value) AS agreeing,
    count(*) OVER (PARTITION BY o.series_id, o.period_start) AS copies
  FROM observations o JOIN ${MONTHLY} ON o.series_id = s.series_id
  WHERE o.unit = 't' AND o.period ~ '^\\d{4}-\\d{2}$' AND o.period_start >= DATE '2023-01-01'
),
chosen AS (SELECT * FROM figures f ${ONE_PER_MONTH}),
months AS (
  SELECT CAST(m AS DATE) AS month
  FROM range(DATE '2023-01-01', (SELECT max(period_start) FROM chosen) + INTERVAL 1 MONTH, INTERVAL 1 MONTH) AS t(m)
)
-- Every month of the axis for every series; value is NULL where no figure was published.
SELECT s.measure, strftime(m.month, '%Y-%m') AS period, m.month AS date, c.value, 't' AS unit, c.copies, c.row_id,
  c.confidence, c.basis, c.source_id
FROM ${MONTHLY} CROSS JOIN months m
LEFT JOIN chosen c ON c.series_id = s.series_id AND c.period_start = m.month
ORDER BY s.measure, m.month`
});

export const exportsYearToDate = defineQuery({
  id: "exports-year-to-date",
  title: "China's rare-earth exports from January to the month shown, as published",
  sql: () => `-- Published running totals (January to a later month); never differenced into single months.
SELECT row_id, series_id, year(period_start) AS year, period, period_end AS date, month(period_end) AS through_month, value, unit,
  confidence, basis, source_id
FROM observations
WHERE series_id = 'china_exports_rare_earths.china' AND month(period_start) = 1 AND period_end - period_start BETWEEN 31 AND 363
  AND year(period_start) >= 2023
QUALIFY row_number() OVER (PARTITION BY period_start, period_end ORDER BY confidence = 'low', row_id) = 1
ORDER BY period_start, period_end`
});

export const magnetExportsByDestination = defineQuery({
  id: "magnet-exports-by-destination",
  title: "China's permanent-magnet exports by destination, for the months held",
  sql: () => `WITH figures AS (
  SELECT o.*, o.partner AS destination, count(*) OVER (PARTITION BY o.partner, o.period_start, o.value) AS agreeing
  FROM observations o
  WHERE o.dataset = 'china_magnet_exports_by_partner' AND o.period ~ '^\\d{4}-\\d{2}$' AND o.unit = 't'
    AND o.partner IN ('United States', 'Germany', 'Japan', 'South Korea', 'Vietnam', 'European Union')
)
SELECT destination, period, period_start AS date, value, unit, confidence, row_id, source_id
FROM figures f
QUALIFY row_number() OVER (PARTITION BY f.partner, f.period_start ORDER BY f.confidence = 'low', agreeing DESC, f.row_id) = 1
ORDER BY destination, date`
});

export const heavyExportsByMonth = defineQuery({
  id: "dy-tb-exports-by-month",
  title: "China's dysprosium and terbium exports by month",
  sql: () => `-- Published in kilograms or tonnes; tonnes are converted at 1 t = 1,000 kg. A published zero is a zero.
WITH figures AS (
  SELECT o.*, CASE o.dataset WHEN 'china_exports_dysprosium' THEN 'Dysprosium' ELSE 'Terbium' END AS element,
    o.value * CASE o.unit WHEN 't' THEN 1000 ELSE 1 END AS kg,
    count(*) OVER (PARTITION BY o.dataset, o.period_start, o.value * CASE o.unit WHEN 't' THEN 1000 ELSE 1 END) AS agreeing
  FROM observations o
  WHERE o.dataset IN ('china_exports_dysprosium', 'china_exports_terbium') AND o.period ~ '^\\d{4}-\\d{2}$'
)
SELECT element, period, period_start AS date, kg AS value, 'kg' AS unit, bound, confidence, row_id, source_id
FROM figures f
QUALIFY row_number() OVER (PARTITION BY f.dataset, f.period_start ORDER BY f.confidence = 'low', agreeing DESC, f.row_id) = 1
ORDER BY element, date`
});

export const yearTotals = defineQuery({
  id: "trade-year-totals",
  title: "China's trade in rare earths and magnets by whole year, with the change each source states",
  sql: () => `SELECT CASE series_id WHEN 'china_exports_rare_earths.china' THEN 'Rare-earth exports'
    WHEN 'china_imports_rare_earths.china' THEN 'Rare-earth imports'
    WHEN 'china_magnet_exports.total' THEN 'Permanent-magnet exports'
    ELSE 'Permanent-magnet and alloy exports (Adamas basis)' END AS measure,
  year(period_start) AS year, value, unit, change_pct AS stated_change_pct, change_basis, confidence, row_id, source_id
FROM observations
WHERE series_id IN ('china_exports_rare_earths.china', 'china_imports_rare_earths.china', 'china_magnet_exports.total', 'china_magnet_exports.magnets-and-alloys')
  AND period ~ '^\\d{4}$' AND year(period_start) >= 2022
QUALIFY row_number() OVER (PARTITION BY series_id, period_start ORDER BY change_pct IS NULL, confidence = 'low', row_id) = 1
ORDER BY measure, year`
});

export const exportControlTimeline = defineQuery({
  id: "export-control-timeline",
  title: "Export controls, tariffs and the events around them",
  sql: () => `SELECT event_id, date, date_start, date_end, title, description, source_id
FROM events
WHERE theme = 'trade'
ORDER BY date_start, event_id`
});
