// The demand scenario: magnet demand = units made × NdFeB per unit. Pure functions, no DOM,
// so the arithmetic a reader's sliders drive is the arithmetic the unit tests check.
//
// Counts are kept in the unit they are published in (million vehicles, GW, units) and
// `unitsPerCount` says how many intensity units one count is (1 million vehicles = 1e6
// vehicles; 1 GW = 1,000 MW), so kg per vehicle or kg per MW apply directly.

export interface EndUseAssumption {
  id: string;
  label: string;
  /** Units made in the scenario year, in countUnit (e.g. 17.89 million vehicles). */
  count: number;
  countUnit: string;
  /** How many intensity units one count unit holds (1e6 vehicles per million vehicles, 1000 MW per GW). */
  unitsPerCount: number;
  /** NdFeB magnet per unit, in kg per intensity unit (kg/vehicle, kg/MW, kg/robot). */
  kgPerUnit: number;
  intensityUnit: string;
}

export interface EndUseDemand {
  id: string;
  label: string;
  tonnes: number;
}

/** Tonnes of NdFeB: count × units per count × kg per unit ÷ 1,000. */
export function demandTonnes(count: number, unitsPerCount: number, kgPerUnit: number): number {
  for (const [name, value] of [["count", count], ["unitsPerCount", unitsPerCount], ["kgPerUnit", kgPerUnit]] as const) {
    if (!Number.isFinite(value) || value < 0) throw new RangeError(`${name} must be a finite number ≥ 0, not ${value}`);
  }
  // Multiply the large factors first and divide once, so exact inputs give exact tonnes.
  return (count * unitsPerCount * kgPerUnit) / 1000;
}

/** The kg per unit a published demand implies: tonnes × 1,000 ÷ (count × units per count). */
export function impliedKgPerUnit(tonnes: number, count: number, unitsPerCount: number): number | null {
  const units = count * unitsPerCount;
  if (!Number.isFinite(tonnes) || !Number.isFinite(units) || units <= 0) return null;
  return (tonnes * 1000) / units;
}

/** Each end use's demand and the total, in tonnes of NdFeB. */
export function scenarioDemand(assumptions: readonly EndUseAssumption[]): {rows: EndUseDemand[]; total: number} {
  const rows = assumptions.map(({id, label, count, unitsPerCount, kgPerUnit}) => ({id, label, tonnes: demandTonnes(count, unitsPerCount, kgPerUnit)}));
  return {rows, total: rows.reduce((sum, row) => sum + row.tonnes, 0)};
}

export interface PublishedDemand {
  id: string;
  label: string;
  tonnes: number;
  /** The published figure's basis and period, e.g. "forecast" and "2025". */
  basis: string;
  period: string;
  source_id: string;
  /** "upper" when the figure was published as "below", "lower" for "at least". */
  bound?: string | null;
  row_id?: string | null;
}

export interface ComparisonRow {
  id: string;
  label: string;
  kind: "Your assumption" | "Published";
  tonnes: number;
  basis: string;
  period: string;
  source_id: string | null;
  bound?: string | null;
  row_id?: string | null;
}

export const SCENARIO_KIND = "Your assumption" as const;
export const PUBLISHED_KIND = "Published" as const;

/**
 * The reader's scenario next to the published estimates, one row per end use and kind, in the
 * order of the assumptions. End uses with no published figure get only the scenario row.
 */
export function compareWithPublished(assumptions: readonly EndUseAssumption[], published: readonly PublishedDemand[]): ComparisonRow[] {
  const byId = new Map(published.map((p) => [p.id, p]));
  return scenarioDemand(assumptions).rows.flatMap((row) => {
    const mine: ComparisonRow = {...row, kind: SCENARIO_KIND, basis: "scenario", period: "", source_id: null};
    const theirs = byId.get(row.id);
    return theirs ? [mine, {id: row.id, label: row.label, kind: PUBLISHED_KIND, tonnes: theirs.tonnes, basis: theirs.basis, period: theirs.period, source_id: theirs.source_id, bound: theirs.bound ?? null, row_id: theirs.row_id ?? null}] : [mine];
  });
}

/** The percentage by which the scenario differs from a published figure (null when there is none to compare). */
export function differencePct(scenario: number, published: number | null | undefined): number | null {
  if (published == null || !Number.isFinite(published) || published === 0) return null;
  return ((scenario - published) / published) * 100;
}

/** The smallest 1, 2 or 5 × 10^k at or above x (x > 0): a round top for a slider. */
export function niceCeiling(x: number): number {
  if (!(x > 0) || !Number.isFinite(x)) throw new RangeError(`niceCeiling needs a positive number, not ${x}`);
  const power = 10 ** Math.floor(Math.log10(x));
  for (const step of [1, 2, 5, 10]) {
    const candidate = step * power;
    // Round away the float noise of step × 10^k before comparing (0.1 × 3 and friends).
    if (Number(candidate.toPrecision(12)) >= x) return Number(candidate.toPrecision(12));
  }
  return 10 * power;
}

export interface SliderRange {
  min: number;
  max: number;
  step: number;
  value: number;
}

/** Digits after the decimal point of a number as written (0.125 → 3). */
export function decimals(x: number): number {
  const text = String(x);
  if (text.includes("e-")) return Number(text.split("e-")[1]) + (text.split("e-")[0].split(".")[1]?.length ?? 0);
  return text.split(".")[1]?.length ?? 0;
}

/** The power of ten of a number's last significant place: 0.125 → -3, 17 → 0, 18000 → 3 (0 → +∞). */
export function placeExponent(x: number): number {
  if (x === 0) return Infinity;
  const places = decimals(x);
  if (places > 0) return -places;
  let exponent = 0;
  while (Math.abs(x) % 10 ** (exponent + 1) === 0) exponent++;
  return exponent;
}

/**
 * A slider around published values: from `min` (0 unless given) to a round number at least
 * `headroom` times the largest published value, starting at `value`. The step is a power of
 * ten about a thousandth of the span, made finer when the starting value has more decimals,
 * so a slider never rounds the published figure it starts at.
 */
export function sliderRange(value: number, published: readonly number[] = [], {min = 0, headroom = 2}: {min?: number; headroom?: number} = {}): SliderRange {
  const positive = [value, ...published].filter((v) => Number.isFinite(v) && v > 0);
  if (!positive.length) throw new RangeError("sliderRange needs at least one positive value");
  const max = niceCeiling(Math.max(...positive) * headroom);
  const coarse = Math.floor(Math.log10((max - min) / 1000));
  const exact = [value, ...published].filter(Number.isFinite).map(placeExponent);
  const exponent = Math.max(coarse - 3, Math.min(coarse, ...exact));
  const step = exponent < 0 ? Number((10 ** exponent).toFixed(-exponent)) : 10 ** exponent;
  return {min, max, step, value};
}
