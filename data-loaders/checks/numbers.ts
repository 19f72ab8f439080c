import {UNITS, type Unit} from "../schema/units.ts";
import type {Observation} from "../schema/observation.ts";

/**
 * Half the last published digit: the rounding a figure may carry. Trailing zeros of whole
 * numbers are read as rounding down to two significant digits (270,000 t may be anything from
 * 265,000 to 275,000; 100 t from 95 to 105), because sources round large figures; percentages
 * are read literally (a stated 25% means 24.5-25.5).
 */
export function halfStep(value: number, literal = false): number {
  const text = String(Math.abs(value));
  if (text.includes("e")) return 0;
  const dot = text.indexOf(".");
  if (dot >= 0) return 0.5 * 10 ** -(text.length - dot - 1);
  if (literal || value === 0) return 0.5;
  const zeros = text.length - text.replace(/0+$/, "").length;
  return 0.5 * 10 ** Math.max(0, Math.min(zeros, text.length - 2));
}

export interface Interval {
  low: number;
  high: number;
}

/** The values a row's figure is consistent with, in its unit's base, allowing for rounding and bounds. */
export function intervalOf(row: Observation): Interval | null {
  const factor = UNITS[row.unit as Unit].factor;
  if (row.value !== null) {
    const h = halfStep(row.value);
    const low = row.bound === "upper" ? -Infinity : row.value - h;
    const high = row.bound === "lower" ? Infinity : row.value + h;
    return {low: low * factor, high: high * factor};
  }
  if (row.value_low !== null && row.value_high !== null) {
    return {low: (row.value_low - halfStep(row.value_low)) * factor, high: (row.value_high + halfStep(row.value_high)) * factor};
  }
  return null;
}

export function overlaps(a: Interval, b: Interval): boolean {
  return a.low <= b.high && b.low <= a.high;
}

export function baseUnit(row: Observation): string {
  return UNITS[row.unit as Unit].base;
}

/** Mass bases that no factor converts: tonnes as published (gross or product weight) and tonnes of REO. */
const MASS_BASES = new Set(["t", "t REO"]);

/** Two figures both in mass, one in t and one in t REO: never compared silently, reported as not comparable. */
export function notComparableMass(a: Observation, b: Observation): boolean {
  return MASS_BASES.has(baseUnit(a)) && MASS_BASES.has(baseUnit(b)) && baseUnit(a) !== baseUnit(b);
}

/** Writes a number the way the sources do: thousands separated by commas. */
export function formatNumber(value: number): string {
  const [whole, fraction] = String(value).split(".");
  const sign = whole.startsWith("-") ? "-" : "";
  const digits = whole.replace("-", "").replace(/\B(?=(\d{3})+(?!\d))/g, ",");
  return sign + digits + (fraction ? `.${fraction}` : "");
}

/** A row's figure as a person would read it: "270,000 t", ">55 %", "2-5 kg/vehicle". */
export function describeValue(row: Observation): string {
  const unit = row.unit.startsWith("%") ? row.unit : ` ${row.unit}`;
  if (row.value === null) return `${formatNumber(row.value_low ?? NaN)}-${formatNumber(row.value_high ?? NaN)}${unit}`;
  const prefix = row.bound === "lower" ? ">" : row.bound === "upper" ? "<" : "";
  return `${prefix}${formatNumber(row.value)}${unit}`;
}

export function round(value: number, digits = 1): number {
  const f = 10 ** digits;
  return Math.round(value * f) / f;
}

export function unique<T>(values: readonly T[]): T[] {
  return [...new Set(values)];
}
