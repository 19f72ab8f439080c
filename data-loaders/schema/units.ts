/**
 * The fixed list of units a figure may be published in. Values are stored in the published
 * unit; `base` and `factor` let the checks compare figures written in different units
 * (for example 12.888 million vehicles and 12,890,000 vehicles). Units with different bases
 * are never compared.
 */
export const UNITS = {
  "t": {base: "t", factor: 1, label: "metric tonnes (gross weight or as published)"},
  "t REO": {base: "t REO", factor: 1, label: "metric tonnes of rare-earth oxide equivalent"},
  "kg": {base: "t", factor: 0.001, label: "kilograms (1 kg = 0.001 t)"},
  "kg/vehicle": {base: "kg/vehicle", factor: 1, label: "kilograms per vehicle"},
  "kg/turbine": {base: "kg/turbine", factor: 1, label: "kilograms per wind turbine"},
  "t/turbine": {base: "kg/turbine", factor: 1000, label: "tonnes per wind turbine"},
  "kg/robot": {base: "kg/robot", factor: 1, label: "kilograms per robot"},
  "kg/MW": {base: "kg/MW", factor: 1, label: "kilograms per megawatt of capacity"},
  "t/MW": {base: "kg/MW", factor: 1000, label: "tonnes per megawatt of capacity"},
  "g/actuator": {base: "g/actuator", factor: 1, label: "grams per actuator"},
  "motors/robot": {base: "motors/robot", factor: 1, label: "motors per robot"},
  "GW": {base: "GW", factor: 1, label: "gigawatts"},
  "million kW": {base: "GW", factor: 1, label: "million kilowatts (= GW)"},
  "billion kW": {base: "GW", factor: 1000, label: "billion kilowatts (= TW)"},
  "GW/yr": {base: "GW/yr", factor: 1, label: "gigawatts per year"},
  "billion kWh": {base: "billion kWh", factor: 1, label: "billion kilowatt-hours"},
  "%": {base: "%", factor: 1, label: "percent (a share)"},
  "% y/y": {base: "% y/y", factor: 1, label: "percent change on the same period a year earlier"},
  "% m/m": {base: "% m/m", factor: 1, label: "percent change on the previous month"},
  "% CAGR": {base: "% CAGR", factor: 1, label: "compound annual growth rate, percent"},
  "vehicles": {base: "vehicles", factor: 1, label: "vehicles"},
  "million vehicles": {base: "vehicles", factor: 1e6, label: "million vehicles"},
  "cars": {base: "cars", factor: 1, label: "passenger cars"},
  "units": {base: "units", factor: 1, label: "units (robots, appliances)"},
  "million units": {base: "units", factor: 1e6, label: "million units"},
  "units/yr": {base: "units/yr", factor: 1, label: "units per year"},
  "million persons": {base: "persons", factor: 1e6, label: "million people"},
  "days": {base: "days", factor: 1, label: "days"},
  "USD/kg": {base: "USD/kg", factor: 1, label: "US dollars per kilogram"},
  "CNY/t": {base: "CNY/t", factor: 1, label: "yuan per tonne"},
  "CNY/kg": {base: "CNY/t", factor: 1000, label: "yuan per kilogram (1 t = 1,000 kg)"},
  "10k CNY/t": {base: "CNY/t", factor: 1e4, label: "ten thousand yuan per tonne (万元/吨)"},
  "million CNY/t": {base: "CNY/t", factor: 1e6, label: "million yuan per tonne"},
  "USD/t": {base: "USD/kg", factor: 0.001, label: "US dollars per tonne (1 t = 1,000 kg)"},
  "AUD/kg": {base: "AUD/kg", factor: 1, label: "Australian dollars per kilogram"},
  "million kg": {base: "t", factor: 1000, label: "million kilograms (= thousand tonnes)"},
  "announcements": {base: "announcements", factor: 1, label: "official announcements (a count)"},
  "billion USD": {base: "USD", factor: 1e9, label: "billion US dollars"},
  "billion CNY": {base: "CNY", factor: 1e9, label: "billion yuan"}
} as const satisfies Record<string, {base: string; factor: number; label: string}>;

export type Unit = keyof typeof UNITS;

export const UNIT_NAMES = Object.keys(UNITS) as Unit[];

export function isUnit(text: string): text is Unit {
  return Object.hasOwn(UNITS, text);
}

/** The value expressed in the unit's base, for comparisons across units. */
export function toBase(value: number, unit: Unit): number {
  return value * UNITS[unit].factor;
}
