/**
 * Periods are stored as published and parsed into a first and last day. Accepted forms:
 *   2024                      a year
 *   2024-05                   a month
 *   2024-05-24                a day
 *   2024-Q1, 2024-H1          a quarter or half year
 *   2025-01/2025-04           a span of months (also 2021/2025 for years, or days)
 *   2020-2023                 a span of years
 *   2025 (Jan-Sep)            months of one year, as some sources label year-to-date totals
 *   2026-2030 (per year)      a span with a label; the label is kept, the span is parsed
 *   c. 2023                   an approximate year
 * An empty period means the figure is not tied to a time (for example magnet mass per turbine).
 * Every year must lie within FIRST_YEAR–LAST_YEAR: `0000` or `2000-9999` is a typing slip, not a period.
 */
export interface ParsedPeriod {
  start: string;
  end: string;
}

export const FIRST_YEAR = 1900;
export const LAST_YEAR = 2100;

const MONTHS = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];

export function parsePeriod(text: string): ParsedPeriod | null {
  const parsed = parseAnyYear(text);
  if (!parsed) return null;
  return [parsed.start, parsed.end].every((date) => +date.slice(0, 4) >= FIRST_YEAR && +date.slice(0, 4) <= LAST_YEAR) ? parsed : null;
}

/** Why `text` is not a period, in a sentence, or null when it is one. */
export function periodProblem(text: string): string | null {
  if (parsePeriod(text)) return null;
  if (parseAnyYear(text)) return `period "${text}" lies outside ${FIRST_YEAR}–${LAST_YEAR}`;
  return `period "${text}" is not a recognised period (YYYY, YYYY-MM, YYYY-MM-DD, YYYY-Q1, YYYY-H1, YYYY-MM/YYYY-MM, YYYY-YYYY, "YYYY (Jan-Sep)", or empty)`;
}

function parseAnyYear(text: string): ParsedPeriod | null {
  const period = text.trim();
  let m: RegExpMatchArray | null;
  if ((m = period.match(/^(?:c\. )?(\d{4})$/))) return year(+m[1]);
  if ((m = period.match(/^(\d{4})-(\d{2})$/))) return month(+m[1], +m[2]);
  if ((m = period.match(/^(\d{4})-(\d{2})-(\d{2})$/))) return day(+m[1], +m[2], +m[3]);
  if ((m = period.match(/^(\d{4})-Q([1-4])$/))) return span(month(+m[1], +m[2] * 3 - 2), month(+m[1], +m[2] * 3));
  if ((m = period.match(/^(\d{4})-H([12])$/))) return span(month(+m[1], +m[2] * 6 - 5), month(+m[1], +m[2] * 6));
  if ((m = period.match(/^(\d{4})-(\d{4})(?: \([^)]*\))?$/))) return span(year(+m[1]), year(+m[2]));
  if ((m = period.match(/^(\d{4}) \(([A-Za-z]{3})-([A-Za-z]{3})\)$/))) {
    const from = MONTHS.indexOf(m[2].toLowerCase()) + 1;
    const to = MONTHS.indexOf(m[3].toLowerCase()) + 1;
    if (from === 0 || to === 0) return null;
    return span(month(+m[1], from), month(+m[1], to));
  }
  if ((m = period.match(/^([^/]+)\/([^/]+)$/))) {
    const first = parseAnyYear(m[1]);
    const last = parseAnyYear(m[2]);
    return first && last ? span(first, last) : null;
  }
  return null;
}

function span(first: ParsedPeriod | null, last: ParsedPeriod | null): ParsedPeriod | null {
  if (!first || !last || first.start > last.end) return null;
  return {start: first.start, end: last.end};
}

function year(y: number): ParsedPeriod {
  return {start: iso(y, 1, 1), end: iso(y, 12, 31)};
}

function month(y: number, m: number): ParsedPeriod | null {
  if (m < 1 || m > 12) return null;
  return {start: iso(y, m, 1), end: iso(y, m, daysIn(y, m))};
}

function day(y: number, m: number, d: number): ParsedPeriod | null {
  if (m < 1 || m > 12 || d < 1 || d > daysIn(y, m)) return null;
  return {start: iso(y, m, d), end: iso(y, m, d)};
}

function daysIn(y: number, m: number): number {
  return new Date(Date.UTC(y, m, 0)).getUTCDate();
}

function iso(y: number, m: number, d: number): string {
  return `${String(y).padStart(4, "0")}-${String(m).padStart(2, "0")}-${String(d).padStart(2, "0")}`;
}

/** The same period one year earlier, for year-on-year comparisons. */
export function shiftYears(period: ParsedPeriod, years: number): ParsedPeriod {
  const move = (date: string) => {
    const [y, m, d] = date.split("-").map(Number);
    // 29 February moves to 28 February; month ends stay month ends.
    const last = daysIn(y + years, m);
    return iso(y + years, m, d === daysIn(y, m) ? last : Math.min(d, last));
  };
  return {start: move(period.start), end: move(period.end)};
}
