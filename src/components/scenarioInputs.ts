// From published figures to the scenario's starting point: for each end use, the units and
// the NdFeB demand a source gives for one year, the kg per unit they imply (derived, not
// published), and slider ranges that hold the published figures. Pure, so it is unit-tested.
import {impliedKgPerUnit, niceCeiling, sliderRange, type EndUseAssumption, type SliderRange} from "./scenario.js";

/** How many intensity units one count unit holds, by the unit the count is published in. */
export const UNITS_PER_COUNT: Record<string, {unitsPerCount: number; intensityUnit: string}> = {
  "million vehicles": {unitsPerCount: 1e6, intensityUnit: "kg/vehicle"},
  vehicles: {unitsPerCount: 1, intensityUnit: "kg/vehicle"},
  "million units": {unitsPerCount: 1e6, intensityUnit: "kg/unit"},
  units: {unitsPerCount: 1, intensityUnit: "kg/unit"},
  GW: {unitsPerCount: 1000, intensityUnit: "kg/MW"}
};

export interface PublishedPair {
  end_use: string;
  category: string;
  period: string;
  /** Published NdFeB demand, t. */
  demand_t: number;
  demand_basis: string;
  demand_row_id: string;
  /** Published units made, in units_unit. */
  units: number;
  units_unit: string;
  units_row_id: string;
  source_id: string;
}

export interface EndUseStart {
  id: string;
  label: string;
  period: string;
  countUnit: string;
  unitsPerCount: number;
  intensityUnit: string;
  /** kg per unit implied by the published pair, unrounded. */
  derivedKg: number;
  /** The published pair the start comes from. */
  pair: PublishedPair;
  count: SliderRange;
  kg: SliderRange;
}

/** Rounds to the slider's step (and away from float noise), so a slider can hold the value. */
export function roundToStep(value: number, step: number): number {
  const places = Math.max(0, -Math.floor(Math.log10(step)));
  return Number((Math.round(value / step) * step).toFixed(places));
}

/**
 * The starting point for one end use: units at the published figure, kg per unit at the
 * derived figure rounded to 3 significant digits, kg range spanning the published per-unit
 * figures (when there are any) and the derived one, from 0.
 */
export function endUseStart(pair: PublishedPair, publishedKg: readonly number[] = []): EndUseStart {
  const units = UNITS_PER_COUNT[pair.units_unit];
  if (!units) throw new Error(`no intensity unit known for units published in "${pair.units_unit}"`);
  const derivedKg = impliedKgPerUnit(pair.demand_t, pair.units, units.unitsPerCount);
  if (derivedKg == null) throw new Error(`cannot derive kg per unit for ${pair.end_use} ${pair.period}`);
  const count = sliderRange(pair.units, [], {headroom: 2});
  const kgTop = Math.max(derivedKg, ...publishedKg);
  const kgStep = 10 ** (Math.floor(Math.log10(derivedKg)) - 2);
  const kgMax = publishedKg.length ? niceCeiling(kgTop) : niceCeiling(kgTop * 2);
  const kg: SliderRange = {min: 0, max: kgMax, step: Number(kgStep.toPrecision(1)), value: roundToStep(derivedKg, kgStep)};
  return {id: pair.end_use, label: pair.category, period: pair.period, countUnit: pair.units_unit, ...units, derivedKg, pair, count, kg};
}

/** The scenario's assumptions with the reader's slider values. */
export function assumptionsFrom(starts: readonly EndUseStart[], values: Record<string, {count: number; kg: number}>): EndUseAssumption[] {
  return starts.map((start) => ({
    id: start.id,
    label: start.label,
    count: values[start.id]?.count ?? start.count.value,
    countUnit: start.countUnit,
    unitsPerCount: start.unitsPerCount,
    kgPerUnit: values[start.id]?.kg ?? start.kg.value,
    intensityUnit: start.intensityUnit
  }));
}
