// Forecast against outcome, generated from the checks: every forecast_outcome finding pairs a
// forecast with a figure later published for the same measure, geography and period. The
// error is (forecast − outcome) ÷ outcome, on the measure's canonical unit, so 17.89 million
// vehicles and 16,626,000 vehicles compare as equals would.
import {defineQuery} from "../components/query.js";

export const forecastOutcomes = defineQuery({
  id: "forecast-outcomes",
  title: "The forum's 2025 forecasts against the outcomes",
  subtitle: "Forecast error in percent of the published outcome; one row per forecast and outcome source",
  chart: {mark: "bar", x: "measure", y: "error_pct", color: "outcome_source"},
  sql: () => `-- One row per finding; a forecast the report states twice (a heading and its paragraph) counts once per outcome.
SELECT f.indicator || ', ' || f.geography || ', ' || f.period AS measure, f.period,
  f.value AS forecast, f.bound AS forecast_bound, f.unit AS forecast_unit,
  o.value AS outcome, o.unit AS outcome_unit, (SELECT s.short_name FROM sources s WHERE s.source_id = o.source_id) AS outcome_source, o.confidence AS outcome_confidence,
  round(100 * (f.value_canonical - o.value_canonical) / o.value_canonical, 1) AS error_pct, f.canonical_unit,
  c.check_id, f.row_id || ',' || o.row_id AS row_ids, f.source_id || ',' || o.source_id AS source_ids
FROM checks c
JOIN observations f ON f.row_id = c.row_ids[1]
JOIN observations o ON o.row_id = c.row_ids[2]
WHERE c.kind = 'forecast_outcome' AND f.source_id = 'smm-forum-2025'
QUALIFY row_number() OVER (PARTITION BY f.series_id, f.period, f.value, o.row_id ORDER BY f.row_id) = 1
ORDER BY measure, outcome_source`
});
