// The values a figure may take, by unit: a share lies within 0–100, a change cannot fall below
// −100 %, a quantity, capacity, count, price or money amount is never negative — unless its
// series is one that may be (a balance, a net figure), listed in NEGATIVE_SERIES. The unit list
// itself is data-loaders/schema/units.ts; a unit missing here has no range and fails the test.
import type {Unit} from "./units.ts";

export interface ValueRange {
  min: number;
  max: number;
}

const SHARE: ValueRange = {min: 0, max: 100};
const CHANGE: ValueRange = {min: -100, max: Infinity};
const GROWTH: ValueRange = {min: -Infinity, max: Infinity};
const AMOUNT: ValueRange = {min: 0, max: Infinity};

export const VALUE_RANGES: Record<Unit, ValueRange> = {
  "t": AMOUNT,
  "t REO": AMOUNT,
  "kg": AMOUNT,
  "kg/vehicle": AMOUNT,
  "kg/turbine": AMOUNT,
  "t/turbine": AMOUNT,
  "kg/robot": AMOUNT,
  "kg/MW": AMOUNT,
  "t/MW": AMOUNT,
  "g/actuator": AMOUNT,
  "motors/robot": AMOUNT,
  "GW": AMOUNT,
  "million kW": AMOUNT,
  "billion kW": AMOUNT,
  "GW/yr": AMOUNT,
  "billion kWh": AMOUNT,
  "%": SHARE,
  "% y/y": CHANGE,
  "% m/m": CHANGE,
  // A compound rate can be below −100 % only in theory, but is stated as the source wrote it.
  "% CAGR": GROWTH,
  "vehicles": AMOUNT,
  "million vehicles": AMOUNT,
  "cars": AMOUNT,
  "units": AMOUNT,
  "million units": AMOUNT,
  "units/yr": AMOUNT,
  "million persons": AMOUNT,
  "days": AMOUNT,
  "USD/kg": AMOUNT,
  "CNY/t": AMOUNT,
  "CNY/kg": AMOUNT,
  "10k CNY/t": AMOUNT,
  "million CNY/t": AMOUNT,
  "USD/t": AMOUNT,
  "AUD/kg": AMOUNT,
  "million kg": AMOUNT,
  "announcements": AMOUNT,
  "billion USD": AMOUNT,
  "billion CNY": AMOUNT
};

/** Series whose values may be negative although their unit is an amount (balances, net figures): id prefixes. */
export const NEGATIVE_SERIES: readonly string[] = ["balance.", "net."];

function allowsNegative(seriesId: string): boolean {
  return NEGATIVE_SERIES.some((prefix) => seriesId.startsWith(prefix) || seriesId.includes(`.${prefix}`));
}

/** The range a value of `unit` in series `seriesId` must lie within; unknown units have none. */
export function valueRange(unit: string, seriesId = ""): ValueRange | null {
  const range = (VALUE_RANGES as Record<string, ValueRange | undefined>)[unit];
  if (!range) return null;
  return range.min === 0 && allowsNegative(seriesId) ? {min: -Infinity, max: range.max} : range;
}

/** A sentence for each of the named values that lies outside its unit's range. */
export function rangeProblems(values: Record<string, number | null>, unit: string, seriesId = ""): string[] {
  const range = valueRange(unit, seriesId);
  if (!range) return [];
  const messages: string[] = [];
  for (const [column, value] of Object.entries(values)) {
    if (value === null) continue;
    if (value < range.min || value > range.max) {
      const allowed = range.max === Infinity ? `at least ${range.min}` : `within ${range.min}–${range.max}`;
      const hint = value < 0 && range.min === 0 && range.max === Infinity ? "; a series that may be negative is listed in data-loaders/schema/valueRanges.ts" : "";
      messages.push(`${column} ${value} is outside the range for unit "${unit}" (${allowed}${hint})`);
    }
  }
  return messages;
}
