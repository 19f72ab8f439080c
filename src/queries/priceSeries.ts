// The price measures of the series registry by element and currency, the markets (the series'
// part) on each side of the China / ex-China spread, and how each price type is drawn. Prices
// are read in their measure's canonical unit (value_canonical): yuan per tonne or US dollars per
// kilogram. No exchange rate is cited in the records, so a measure never mixes currencies.
export const CURRENCIES = ["CNY", "USD"] as const;
export type Currency = (typeof CURRENCIES)[number];

export const ELEMENTS = {
  "prnd-oxide": {name: "Pr-Nd oxide", measures: {CNY: "price.ndpr_oxide.cny", USD: "price.ndpr_oxide.usd"}},
  "prnd-metal": {name: "Pr-Nd metal", measures: {CNY: "price.ndpr_metal.cny", USD: "price.ndpr_metal.usd"}},
  "dy-oxide": {name: "Dysprosium oxide", measures: {CNY: "price.dysprosium_oxide.cny", USD: "price.dysprosium_oxide.usd"}},
  "tb-oxide": {name: "Terbium oxide", measures: {CNY: "price.terbium_oxide.cny", USD: "price.terbium_oxide.usd"}},
  "nd-oxide": {name: "Neodymium oxide", measures: {CNY: "price.neodymium_oxide.cny", USD: "price.neodymium_oxide.usd"}}
} as const;
export type Element = keyof typeof ELEMENTS;

/** Markets (the registry's part) quoted inside China and outside it; the rest take no side. */
export const CHINA_MARKETS = ["China domestic spot", "FOB China", "China domestic, reported by Lynas", "China domestic (MetalMiner)"];
export const EX_CHINA_MARKETS = ["Europe", "CIF Rotterdam", "Ex-China"];

/**
 * How each row is drawn, from its series' counting basis (the price type) and its shape: a
 * published range is a band, a listing price a step, an average (over a day, month, quarter or
 * year) a line, a realised or floor price its own mark, any other single quote a dot.
 */
export const PRICE_TYPE_SQL = `CASE
    WHEN o.value IS NULL THEN 'range'
    WHEN o.counting_basis IN ('average', 'US market average') THEN 'average'
    WHEN o.counting_basis = 'listing price' THEN 'listing'
    WHEN o.counting_basis = 'realised price' THEN 'realised'
    WHEN o.counting_basis = 'contractual price floor' THEN 'floor'
    ELSE 'single'
  END`;
