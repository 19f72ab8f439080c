// Which price datasets belong to which element and market, and the stated factors that turn a
// published price unit into one canonical unit per currency (yuan per kg, US dollars per kg,
// Australian dollars per kg). No exchange rate is cited in the records, so currencies are never
// converted into each other: each chart stays in one currency, and the page offers two axes.
import {lit} from "../components/query.js";

export const CURRENCIES = ["CNY", "USD"] as const;
export type Currency = (typeof CURRENCIES)[number];

/** Per-kg factors: price in the canonical unit = published value × factor (1 t = 1,000 kg, 万 = 10,000). */
export const PRICE_UNITS: Record<string, {currency: string; perKg: number; canonical: string}> = {
  "CNY/t": {currency: "CNY", perKg: 0.001, canonical: "CNY/kg"},
  "CNY/kg": {currency: "CNY", perKg: 1, canonical: "CNY/kg"},
  "10k CNY/t": {currency: "CNY", perKg: 10, canonical: "CNY/kg"},
  "million CNY/t": {currency: "CNY", perKg: 1000, canonical: "CNY/kg"},
  "USD/kg": {currency: "USD", perKg: 1, canonical: "USD/kg"},
  "USD/t": {currency: "USD", perKg: 0.001, canonical: "USD/kg"},
  "AUD/kg": {currency: "AUD", perKg: 1, canonical: "AUD/kg"}
};

/** The factors as an SQL table, so every query that converts shows the factor it used. */
export function priceUnitsTable(): string {
  const rows = Object.entries(PRICE_UNITS).map(([unit, u]) => `(${lit(unit)}, ${lit(u.currency)}, ${u.perKg}, ${lit(u.canonical)})`);
  return `price_units(unit, currency, per_kg, canonical_unit) AS (VALUES ${rows.join(", ")})`;
}

export const ELEMENTS = {
  "prnd-oxide": "Pr-Nd oxide",
  "prnd-metal": "Pr-Nd metal",
  "dy-oxide": "Dysprosium oxide",
  "tb-oxide": "Terbium oxide",
  "nd-oxide": "Neodymium oxide"
} as const;
export type Element = keyof typeof ELEMENTS;

/** Market of each price dataset; `side` is China or ex-China for the spread. */
interface Market {
  dataset: string;
  element: Element;
  market: string;
  side: "China" | "ex-China" | "neither";
  /** Where one dataset holds several elements (USGS), the series that is this element's. */
  series?: string;
}

const m = (dataset: string, element: Element, market: string, side: Market["side"], series?: string): Market => ({dataset, element, market, side, series});

export const MARKETS: readonly Market[] = [
  m("prnd_oxide_price_china", "prnd-oxide", "China domestic spot", "China"),
  m("northern_re_listing_prnd_oxide", "prnd-oxide", "China Northern Rare Earth listing", "neither"),
  m("prnd_oxide_price_fob_china", "prnd-oxide", "FOB China (Fastmarkets)", "China"),
  m("prnd_price_china_usd", "prnd-oxide", "China domestic, in USD (as reported by Lynas)", "China"),
  m("prnd_oxide_price_china_usd", "prnd-oxide", "China domestic, in USD (MetalMiner)", "China"),
  m("prnd_price_ex_china", "prnd-oxide", "Outside China (MP Materials realised; Argus Europe)", "ex-China"),
  m("prnd_price_floor_us_dod", "prnd-oxide", "US DoD price floor for MP Materials (not a market price)", "neither"),
  m("prnd_price_market_usd_unspecified", "prnd-oxide", "Market price, basis not stated", "neither"),
  m("prnd_metal_price_china", "prnd-metal", "China domestic spot", "China"),
  m("northern_re_listing_prnd_metal", "prnd-metal", "China Northern Rare Earth listing", "neither"),
  m("prnd_metal_price_fob_china", "prnd-metal", "FOB China (Fastmarkets)", "China"),
  m("dy_oxide_price_china", "dy-oxide", "China domestic spot", "China"),
  m("southern_re_listing_dy_oxide", "dy-oxide", "China Southern Rare Earth listing", "neither"),
  m("dy_oxide_price_fob_china", "dy-oxide", "FOB China", "China"),
  m("dy_oxide_price_europe", "dy-oxide", "Europe (Argus)", "ex-China"),
  m("dy_price_europe", "dy-oxide", "Europe (Nikkei Asia; form not stated)", "ex-China"),
  m("dy_oxide_price_usgs_annual", "dy-oxide", "USGS annual average", "neither"),
  m("usgs_price", "dy-oxide", "USGS annual average (MCS 2026)", "neither", "usgs_price.dysprosium-oxide"),
  m("usgs_price", "tb-oxide", "USGS annual average (MCS 2026)", "neither", "usgs_price.terbium-oxide"),
  m("usgs_price", "nd-oxide", "USGS annual average (MCS 2026)", "neither", "usgs_price.neodymium-oxide"),
  m("usgs_price", "prnd-oxide", "USGS annual average (MCS 2026)", "neither", "usgs_price.neodymium-praseodymium-oxide"),
  m("dy_oxide_price_global_volume_weighted", "dy-oxide", "Global volume-weighted average (Adamas)", "neither"),
  m("dy_oxide_price_global_avg", "dy-oxide", "Global average", "neither"),
  m("tb_oxide_price_china", "tb-oxide", "China domestic spot", "China"),
  m("southern_re_listing_tb_oxide", "tb-oxide", "China Southern Rare Earth listing", "neither"),
  m("tb_oxide_price_fob_china", "tb-oxide", "FOB China", "China"),
  m("tb_oxide_price_europe", "tb-oxide", "Europe (Argus)", "ex-China"),
  m("tb_oxide_price_usgs_annual", "tb-oxide", "USGS annual average", "neither"),
  m("nd_oxide_price_china", "nd-oxide", "China domestic spot", "China"),
  m("nd_oxide_price_cif_rotterdam", "nd-oxide", "CIF Rotterdam (SMM)", "ex-China"),
  m("nd_oxide_price_europe", "nd-oxide", "Europe (Argus)", "ex-China"),
  m("nd_oxide_price_usgs_annual", "nd-oxide", "USGS annual average", "neither")
];

/** The markets as an SQL table: (dataset, series or NULL for every series, element, market, side). */
export function marketsTable(): string {
  const rows = MARKETS.map((x) => `(${lit(x.dataset)}, ${lit(x.series ?? null)}, ${lit(x.element)}, ${lit(x.market)}, ${lit(x.side)})`);
  return `markets(dataset, series_id, element, market, side) AS (VALUES ${rows.join(", ")})`;
}

/**
 * How each row is drawn, decided by its shape and its series: a published range is a band, a
 * listing price a step, an average (over a day, month, quarter or year) a line, a realised or
 * floor price its own mark, and any other single quote a dot. Different types never share a line.
 */
export const PRICE_TYPE_SQL = `CASE
    WHEN o.value IS NULL THEN 'range'
    WHEN split_part(o.series_id, '.', 2) IN ('listing', 'average', 'realised', 'floor') THEN split_part(o.series_id, '.', 2)
    WHEN o.dataset = 'usgs_price' THEN 'average'
    ELSE 'single'
  END`;
