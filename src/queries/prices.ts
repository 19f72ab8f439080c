// The Prices page's queries: one element's prices in one currency across markets, the China vs
// ex-China spread where both were quoted for the same date, dysprosium and terbium in China,
// Pr-Nd oxide against Pr-Nd metal, company prices, and the latest price on cards. Prices are
// selected by measure and market (the registry's part) and read in the measure's canonical unit.
import {yearRange, type Choices} from "../components/choices.js";
import {defineQuery, lit} from "../components/query.js";
import {CHINA_MARKETS, CURRENCIES, ELEMENTS, EX_CHINA_MARKETS, PRICE_TYPE_SQL, type Currency, type Element} from "./priceSeries.js";

export {allChecks, sourceTitles} from "./common.js";

export interface PricesState {
  element: Element;
  /** The currency of the market chart (no exchange rate is cited, so no conversion); the spread is always in US dollars. */
  currency: Currency;
  years: [number, number];
}

export const defaults: PricesState = {element: "prnd-oxide", currency: "CNY", years: [2022, 2026]};

export const allowed = {element: Object.keys(ELEMENTS), currency: [...CURRENCIES]};

/** What each input can be set to (src/components/choices.ts); the page's inputs are built from it. */
export const choices: Choices<PricesState> = {element: allowed.element, currency: allowed.currency, years: yearRange(2022, 2026)};

/** Every price row with its market, side and type, in its measure's canonical unit. */
const PRICES = `WITH prices AS (
  SELECT o.row_id, o.series_id, o.measure, o.part AS market,
    CASE WHEN o.part IN ${lit(CHINA_MARKETS)} THEN 'China' WHEN o.part IN ${lit(EX_CHINA_MARKETS)} THEN 'ex-China' ELSE 'neither' END AS side,
    ${PRICE_TYPE_SQL} AS price_type, o.period, o.period_start, o.period_end,
    o.value_canonical AS price, o.value_low_canonical AS price_low, o.value_high_canonical AS price_high,
    coalesce(o.value_canonical, (o.value_low_canonical + o.value_high_canonical) / 2) AS price_mid,
    o.canonical_unit AS unit, o.value AS published_value, o.value_low AS published_low, o.value_high AS published_high,
    o.unit AS published_unit, o.basis, o.confidence, o.source_id
  FROM observations o
  WHERE starts_with(o.measure, 'price.')
)`;

const measureOf = (element: Element, currency: Currency) => ELEMENTS[element].measures[currency];

const inYears = ([from, to]: [number, number], column = "period_start") => `year(${column}) BETWEEN ${lit(from)} AND ${lit(to)}`;

/**
 * The prices `where` selects, as rows of kind 'price' named by `label` (SQL over the prices CTE),
 * and the trade events inside the years as rows of kind 'event' for the markers on the time axis.
 * UNION ALL BY NAME leaves an event's price columns empty. `midpoint` is the price, or for a
 * published range its middle, where the chart puts a range's dot: the workbench draws it as a line.
 */
const pricesWithEvents = ({label, where, years, columns = ""}: {label: string; where: string; years: [number, number]; columns?: string}) => `${PRICES}
SELECT 'price' AS kind, row_id AS id, ${label} AS label, ${columns}price_type, period, period_start AS date, period_end AS date_end,
  price AS value, price_low AS value_low, price_high AS value_high, price_mid AS midpoint, unit, published_value, published_low, published_high,
  published_unit, basis, confidence, source_id
FROM prices
WHERE ${where} AND ${inYears(years)}
UNION ALL BY NAME
SELECT 'event' AS kind, event_id AS id, title AS label, date AS period, date_start AS date, date_end, source_id
FROM events
WHERE theme = 'trade' AND ${inYears(years, "date_start")}
ORDER BY kind DESC, label, date, id`;

export const priceHistory = defineQuery({
  id: "price-history",
  title: ({currency, element}: PricesState) => `${ELEMENTS[element].name}: prices by market, in ${currency === "CNY" ? "yuan" : "US dollars"}`,
  subtitle: ({currency}: PricesState) => `${currency === "CNY" ? "Yuan per tonne" : "US dollars per kilogram"} (${currency === "CNY" ? "CNY/t" : "USD/kg"}); bands are quotation ranges, lines averages, steps listing prices, dots single quotes`,
  chart: {mark: "line", x: "date", y: "midpoint", color: "label"},
  sql: ({element, currency, years}: PricesState) =>
    pricesWithEvents({label: "market || ' (' || price_type || ')'", where: `measure = ${lit(measureOf(element, currency))}`, years})
});

export const priceSpread = defineQuery({
  id: "price-spread",
  title: ({element}: PricesState) => `${ELEMENTS[element].name}: ex-China price minus China price`,
  subtitle: "US dollars per kilogram (USD/kg), for periods quoted on both sides; the label gives the spread in percent of the China price",
  chart: {mark: "dot", x: "date", y: "spread", color: "ex_china_market"},
  // Prices outside China are quoted only in US dollars, so the spread is in dollars whatever the page's currency.
  sql: ({element}: PricesState) => `${PRICES}
-- A pair needs the same measure (element, in US dollars) and period (same first and last day); ranges count at their midpoint.
SELECT c.period, c.period_start AS date, c.market AS china_market, x.market AS ex_china_market,
  c.price_mid AS china_price, x.price_mid AS ex_china_price, x.price_mid - c.price_mid AS spread,
  round(100 * (x.price_mid - c.price_mid) / c.price_mid, 1) AS spread_pct, c.unit,
  c.row_id || ',' || x.row_id AS row_ids, c.source_id || ',' || x.source_id AS source_ids
FROM prices c
JOIN prices x ON x.measure = c.measure
  AND x.period_start = c.period_start AND x.period_end = c.period_end AND x.side = 'ex-China'
WHERE c.side = 'China' AND c.measure = ${lit(measureOf(element, "USD"))}
ORDER BY date, china_market, ex_china_market`
});

const HEAVY_ELEMENT = `CASE measure WHEN ${lit(measureOf("dy-oxide", "CNY"))} THEN 'Dysprosium oxide' ELSE 'Terbium oxide' END`;

export const heavyRareEarths = defineQuery({
  id: "heavy-rare-earths",
  title: "Dysprosium and terbium oxide in China",
  subtitle: "Yuan per tonne (CNY/t), China domestic spot",
  // One panel per element, as the figure gives each its own scale.
  chart: {mark: "line", x: "date", y: "midpoint", color: "label", facet: "element"},
  sql: ({years}: PricesState) =>
    pricesWithEvents({
      label: `${HEAVY_ELEMENT} || ' (' || price_type || ')'`,
      columns: `${HEAVY_ELEMENT} AS element, `,
      where: `measure IN (${lit(measureOf("dy-oxide", "CNY"))}, ${lit(measureOf("tb-oxide", "CNY"))}) AND market = 'China domestic spot'`,
      years
    })
});

export const oxideAndMetal = defineQuery({
  id: "prnd-oxide-and-metal",
  title: "Pr-Nd oxide and Pr-Nd metal in China",
  subtitle: "Yuan per tonne (CNY/t), China domestic spot",
  chart: {mark: "line", x: "date", y: "midpoint", color: "label"},
  sql: ({years}: PricesState) =>
    pricesWithEvents({
      label: `CASE measure WHEN ${lit(measureOf("prnd-oxide", "CNY"))} THEN 'Pr-Nd oxide' ELSE 'Pr-Nd metal' END || ' (' || price_type || ')'`,
      where: `measure IN (${lit(measureOf("prnd-oxide", "CNY"))}, ${lit(measureOf("prnd-metal", "CNY"))}) AND market = 'China domestic spot'`,
      years
    })
});

export const companyPrices = defineQuery({
  id: "company-prices",
  title: "Producers' realised and average selling prices",
  subtitle: "Per kilogram, each in its own currency; quarterly, dated to the quarter's end",
  // A panel per company: the two are in different currencies.
  chart: {mark: "line", x: "date", y: "value", facet: "label"},
  sql: ({years}: PricesState) => `${PRICES}
-- MP Materials' realised NdPr price (US$) and Lynas's average selling price over all its products (A$):
-- quarterly, dated to the quarter's end; Lynas's is not an NdPr price.
SELECT row_id, CASE market WHEN 'Lynas (all products)' THEN 'Lynas (A$ per kg, all products)' ELSE 'MP Materials (US$ per kg of NdPr)' END AS label,
  period, period_start AS date, price AS value, unit, basis, confidence, source_id
FROM prices
WHERE (market = 'Lynas (all products)' OR (market = 'Ex-China' AND price_type = 'realised')) AND ${inYears(years)}
ORDER BY label, date, row_id`
});

/**
 * The latest China spot price per element with the price about one month (± 7 days) and one
 * year (± 15 days) before it, nearest first; a change is given only where such a price exists.
 */
export const latestPrices = defineQuery({
  id: "latest-prices",
  title: "Latest China spot prices, with the change on a month and a year before",
  sql: () => `${PRICES},
spot AS (
  SELECT p.*, e.element FROM prices p
  JOIN (VALUES ${(["prnd-oxide", "prnd-metal", "dy-oxide", "tb-oxide"] as Element[]).map((e) => `(${lit(e)}, ${lit(measureOf(e, "CNY"))})`).join(", ")}) AS e(element, measure) ON e.measure = p.measure
  WHERE p.market = 'China domestic spot'
),
latest AS (SELECT * FROM spot QUALIFY row_number() OVER (PARTITION BY element ORDER BY period_start DESC, row_id) = 1),
earlier AS (
  SELECT l.element, w.span, s.price_mid, s.period, s.row_id
  FROM latest l
  CROSS JOIN (VALUES ('month', INTERVAL 1 MONTH, 7), ('year', INTERVAL 1 YEAR, 15)) AS w(span, step, tolerance)
  JOIN spot s ON s.element = l.element AND abs(date_diff('day', s.period_start, CAST(l.period_start - w.step AS DATE))) <= w.tolerance
  QUALIFY row_number() OVER (PARTITION BY l.element, w.span ORDER BY abs(date_diff('day', s.period_start, CAST(l.period_start - w.step AS DATE))), s.row_id) = 1
)
SELECT l.element, l.row_id, l.period, l.price_type, l.price AS value, l.price_low AS value_low, l.price_high AS value_high, l.price_mid AS midpoint,
  l.unit, l.basis, l.confidence, l.source_id,
  m.period AS month_before_period, round(100 * (l.price_mid - m.price_mid) / m.price_mid, 1) AS change_1m_pct,
  y.period AS year_before_period, round(100 * (l.price_mid - y.price_mid) / y.price_mid, 1) AS change_1y_pct,
  concat_ws(',', l.row_id, m.row_id, y.row_id) AS row_ids
FROM latest l
LEFT JOIN earlier m ON m.element = l.element AND m.span = 'month'
LEFT JOIN earlier y ON y.element = l.element AND y.span = 'year'
ORDER BY l.element`
});
