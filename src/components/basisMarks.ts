// Helpers that turn the site's basis convention (basisStyle.ts: actuals solid, the rest
// hollow and dashed) into Plot options, shared by the Magnets, Wind and Robotics charts.
import {BASIS_DASH, BASIS_FILL_OPACITY, basisOf, type Basis} from "./basisStyle.js";

import type {Row} from "./rows.js";

export type {Row} from "./rows.js";

/** The rows grouped by basis, actuals first, so each group can be drawn with its own dash. */
export function byBasis<T extends Row>(rows: readonly T[]): [Basis, T[]][] {
  const groups = new Map<Basis, T[]>();
  for (const row of rows) {
    const basis = basisOf(row);
    if (!groups.has(basis)) groups.set(basis, []);
    groups.get(basis)!.push(row);
  }
  return [...groups].sort(([a], [b]) => order(a) - order(b));
}

function order(basis: Basis): number {
  return ["actual", "estimate", "forecast", "target"].indexOf(basis);
}

export function dashOf(basis: Basis): string | undefined {
  return BASIS_DASH[basis] === "none" ? undefined : BASIS_DASH[basis];
}

export function fillOpacityOf(basis: Basis): number {
  return BASIS_FILL_OPACITY[basis];
}

/** "≥ 800" for a lower bound, "≤ 35" for an upper one, the number alone otherwise. */
export function boundPrefix(row: Row): string {
  return row.bound === "lower" ? "≥ " : row.bound === "upper" ? "≤ " : "";
}

/** A number for people: grouped thousands, at most `digits` decimals. */
export function formatNumber(value: unknown, digits = 2): string {
  if (typeof value !== "number" || !Number.isFinite(value)) return "–";
  return numberFormat(digits).format(value);
}

// One formatter per number of digits: `toLocaleString` with options builds a new one per call,
// which was most of the tooltips' cost when a change redraws a page's figures.
const formats = new Map<number, Intl.NumberFormat>();
export function numberFormat(digits: number): Intl.NumberFormat {
  let format = formats.get(digits);
  if (!format) formats.set(digits, (format = new Intl.NumberFormat("en-US", {maximumFractionDigits: digits})));
  return format;
}

/** A row's value as text, with its bound and range: "≥ 800", "2–5", "17.89". */
export function valueText(row: Row, digits = 2): string {
  if (row.value == null && row.value_low != null && row.value_high != null) {
    return `${formatNumber(row.value_low, digits)}–${formatNumber(row.value_high, digits)}`;
  }
  return boundPrefix(row) + formatNumber(row.value, digits);
}
