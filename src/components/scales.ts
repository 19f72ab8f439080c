// Scale options every chart shares, so time reads the same way everywhere: years on a band
// that keeps every year of the span (a missing year is a gap, not a squeezed neighbour),
// year ticks that never repeat and never crowd, and numbers in words people use ("1B", not "1G").
import {range, utcFormat, utcMonth} from "npm:d3";

/** Minimum pixels one year label needs on an axis ("2024" plus breathing room). */
const YEAR_LABEL_PX = 44;

/** Every integer year from the smallest to the largest in `years`. */
export function yearSpan(years: Iterable<unknown>): number[] {
  const known = [...years].map(Number).filter(Number.isFinite);
  if (!known.length) return [];
  return range(Math.min(...known), Math.max(...known) + 1);
}

/** Every how many years a label fits in `pixels` of axis for `count` years: 1, 2, 5, 10, … */
export function yearStep(count: number, pixels: number): number {
  const room = Math.max(1, Math.floor(pixels / YEAR_LABEL_PX));
  for (const step of [1, 2, 5, 10, 20, 25, 50]) if (Math.ceil(count / step) <= room) return step;
  return 100;
}

/** Band-scale options for years: every year of the span in the domain, labels every `step` years. */
export function yearBand(years: Iterable<unknown>, width: number, {padding = 0.2, margins = 80} = {}) {
  const domain = yearSpan(years);
  const step = yearStep(domain.length, width - margins);
  return {type: "band" as const, domain, padding, label: null, tickFormat: (year: number) => (year % step === 0 || step === 1 ? String(year) : "")};
}

/** Linear-scale options for years: integer ticks only, spaced so they fit, printed "2024". */
export function yearLinear(years: Iterable<unknown>, width: number, {margins = 80} = {}) {
  const domain = yearSpan(years);
  const step = yearStep(domain.length, width - margins);
  const first = domain.length ? Math.ceil(domain[0] / step) * step : 0;
  const ticks = domain.length ? range(first, domain[domain.length - 1] + 1, step) : [];
  return {type: "linear" as const, label: null, ticks, tickFormat: "d" as const};
}

/** Time-scale options for yearly dates (UTC 1 January): a tick per labelled year, printed "2024". */
export function yearTime(dates: Iterable<unknown>, width: number, {margins = 80} = {}) {
  const years = [...dates].map((d) => (d instanceof Date ? d.getUTCFullYear() : NaN)).filter(Number.isFinite);
  const {ticks} = yearLinear(years, width, {margins});
  return {type: "utc" as const, label: null, ticks: ticks.map((year) => new Date(Date.UTC(year, 0, 1))), tickFormat: "%Y"};
}

const COMPACT = new Intl.NumberFormat("en-US", {notation: "compact", maximumFractionDigits: 1});

/** "1.2K", "3M", "1B": a short number for axis ticks (d3's "~s" would print 1e9 as "1G"). */
export function compactNumber(value: number): string {
  return COMPACT.format(value);
}

/** "2,010" never: a year as four digits, anything else grouped. */
export function formatCell(value: unknown, column: string): string | undefined {
  if (typeof value === "number" && Number.isInteger(value) && /(^|_)(year|vintage|edition)(_|$)/i.test(column)) return String(value);
  return undefined;
}

/** Time-scale options for monthly data: ticks every 1, 2, 3, 6 or 12 months, so they fit, each
 * naming its year ("Apr 2025", "2025" for January), so no two ticks read the same. */
export function monthTime(start: Date, end: Date, width: number, {margins = 70, labelPx = 62} = {}) {
  const room = Math.max(2, Math.floor((width - margins) / labelPx));
  const months = Math.max(1, (end.getUTCFullYear() - start.getUTCFullYear()) * 12 + end.getUTCMonth() - start.getUTCMonth());
  const step = [1, 2, 3, 4, 6, 12, 24, 60].find((k) => months / k <= room) ?? 120;
  const first = utcMonth.ceil(start);
  const ticks = (step >= 12 ? utcMonth.every(step)!.range(first, end).filter((d) => d.getUTCMonth() === 0) : utcMonth.every(step)!.range(first, end));
  const year = utcFormat("%Y");
  const monthYear = utcFormat("%b %Y");
  return {type: "utc" as const, label: null, domain: [start, end], ticks, tickFormat: (d: Date) => (d.getUTCMonth() === 0 ? year(d) : monthYear(d))};
}
