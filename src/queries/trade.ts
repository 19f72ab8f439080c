// The Trade page's queries: China's rare-earth exports by year and in 2025, permanent-magnet
// exports by month around the 2025 export controls (with the dated events that explain them),
// magnet exports year to date, and China's HS 2846 imports by partner.
import {yearRange, type Choices} from "../components/choices.js";
import {defineQuery, lit} from "../components/query.js";
import {headlineQuery} from "./common.js";

export {allChecks, sourceTitles} from "./common.js";
export * from "./tradeMonthly.js";

export interface TradeState {
  years: [number, number];
  /** The HS 2846 trading partner whose share of China's imports is drawn. */
  partner: string;
}

export const defaults: TradeState = {years: [2010, 2025], partner: "Myanmar"};

const yearsIn = ({years}: TradeState, column = "period_start") => `year(${column}) BETWEEN ${lit(years[0])} AND ${lit(years[1])}`;

export const exportsByYear = defineQuery({
  id: "exports-by-year",
  title: "China's rare-earth exports by year",
  subtitle: "Tonnes (t); solid bars are whole years, hollow bars the part of a year reported so far",
  // Coloured by measure, so the 2010–2012 export quotas (ticks in the figure) are told from the exports.
  chart: {mark: "dot", x: "year", y: "value", color: "measure"},
  sql: (state: TradeState) => `-- Whole years, and for a year with no whole-year figure its latest total from January (periods
-- starting in January); single months are in the monthly panel. Where several copies give one
-- period, one is drawn: the preferred series, a normal-confidence copy, then the first row id.
WITH figures AS (
  SELECT row_id, series_id, measure, period, period_start, period_end, year(period_start) AS year,
    CASE WHEN period_end - period_start >= 364 THEN 'whole year' ELSE 'part of the year' END AS coverage,
    value_canonical AS value, canonical_unit AS unit, basis, change_pct, change_basis, source_id, is_preferred, confidence
  FROM observations
  WHERE measure IN ('exports.rare_earths', 'china.quota.export') AND partner IS NULL
    AND month(period_start) = 1 AND period_end - period_start > 60
    AND ${yearsIn(state)}
), whole AS (SELECT DISTINCT measure, year FROM figures WHERE coverage = 'whole year')
SELECT row_id, series_id, measure, period, period_start, period_end, year, coverage, value, unit, basis, change_pct, change_basis, source_id
FROM figures f
WHERE coverage = 'whole year' OR NOT EXISTS (SELECT 1 FROM whole w WHERE w.measure = f.measure AND w.year = f.year)
QUALIFY row_number() OVER (PARTITION BY measure, year, coverage ORDER BY period_end DESC, is_preferred DESC, confidence = 'low', row_id) = 1
ORDER BY period_start, period_end, measure`
});

export const magnetExportsYearToDate = defineQuery({
  id: "magnet-exports-ytd",
  title: "Permanent-magnet exports since January",
  subtitle: "Tonnes (t), cumulative from 1 January to the end of the month shown",
  chart: {mark: "line", x: "through_month", y: "value", color: "series"},
  sql: () => `-- One line per year and counting basis (the registry's name for what the total covers).
SELECT row_id, year(period_start) || ', ' || counting_basis AS series, period, period_start, period_end, year(period_start) AS year,
  month(period_end) AS through_month, value_canonical AS value, canonical_unit AS unit, basis, source_id
FROM observations
WHERE measure = 'exports.magnets' AND partner IS NULL
  AND month(period_start) = 1 AND period_end - period_start > 31
ORDER BY period_start, period_end`
});

export const importsByPartner = defineQuery({
  id: "imports-by-partner",
  title: "China's imports of rare-earth compounds by partner",
  subtitle: ({partner}: TradeState) => `Tonnes (t) per year, HS 2846, ${partner} highlighted; the line is the total from all partners`,
  chart: {mark: "line", x: "year", y: "value", color: "partner"},
  sql: (state: TradeState) => `SELECT row_id, partner, year(period_start) AS year, value, unit, basis, source_id
FROM observations
WHERE measure = 'imports.hs2846'
  AND ${yearsIn(state)}
ORDER BY year, partner`
});

export const partnerShare = defineQuery({
  id: "partner-share",
  title: ({partner}: TradeState) => `${partner}'s share of China's HS 2846 imports`,
  subtitle: "Percent of the tonnage from all partners",
  chart: {mark: "line", x: "year", y: "share_pct"},
  sql: (state: TradeState) => `SELECT year(p.period_start) AS year, p.partner, p.value AS partner_t, w.value AS world_t,
  round(100 * p.value / w.value, 1) AS share_pct, p.row_id || ',' || w.row_id AS row_ids, p.source_id
FROM observations p
JOIN observations w
  ON w.measure = p.measure AND w.is_preferred AND w.partner = 'World' AND w.period_start = p.period_start
WHERE p.measure = 'imports.hs2846' AND p.is_preferred
  AND p.partner = ${lit(state.partner)}
  AND ${yearsIn(state, "p.period_start")}
ORDER BY year`
});

export const partners = defineQuery({
  id: "hs2846-partners",
  title: "Partners in the HS 2846 import figures",
  sql: () => `SELECT DISTINCT partner FROM observations
WHERE measure = 'imports.hs2846' AND partner <> 'World'
ORDER BY partner`
});

export const tradeHeadlines = headlineQuery({
  id: "trade-headlines",
  title: "Trade headline figures",
  latest: true,
  where: `(measure = 'exports.rare_earths' AND is_preferred AND period_end - period_start >= 364)
  OR (measure = 'exports.magnets' AND counting_basis = 'permanent magnets and magnet alloys (Adamas)')
  OR (measure = 'exports.magnets' AND partner IS NULL AND is_preferred AND month(period_start) = 1 AND period_end - period_start > 31)
  OR (measure = 'exports.magnets.yoy' AND period_end - period_start < 31)`
});

/** What each input can be set to (src/components/choices.ts); the page's inputs are built from it. */
export const choices: Choices<TradeState> = {years: yearRange(2010, 2025), partner: {from: partners, column: "partner"}};
