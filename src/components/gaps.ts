// Lines are drawn only across real data: where a series skips a period (2013 to 2021, say),
// the line breaks, so a reader never sees a straight segment over years nobody measured.
import {groups} from "npm:d3";

import type {Row} from "./rows.js";
type Accessor = string | ((row: Row) => unknown);

const read = (accessor: Accessor, row: Row) => (typeof accessor === "function" ? accessor(row) : row[accessor]);
const numeric = (value: unknown) => (value instanceof Date ? +value : Number(value));

/**
 * The rows with a `segment` key: the series (`z`) and a counter that grows after each gap of
 * more than one period. The period is `step` (in x units; ms for dates) or, when not given,
 * the smallest distance between two points of the series; two points further apart than
 * `maxGap` (default 1.5 periods) are not joined. Draw lines with `z: "segment"`.
 */
export function breakAtGaps<T extends Row>(rows: readonly T[], {x = "date", z = "series", step, maxGap}: {x?: Accessor; z?: Accessor; step?: number; maxGap?: number} = {}): (T & {segment: string})[] {
  const out: (T & {segment: string})[] = [];
  for (const [key, group] of groups(rows, (row) => read(z, row))) {
    const sorted = [...group].sort((a, b) => numeric(read(x, a)) - numeric(read(x, b)));
    const distances = sorted.slice(1).map((row, i) => numeric(read(x, row)) - numeric(read(x, sorted[i]))).filter((d) => d > 0);
    const limit = maxGap ?? (step ?? (distances.length ? Math.min(...distances) : Infinity)) * 1.5;
    let segment = 0;
    sorted.forEach((row, i) => {
      if (i > 0 && numeric(read(x, row)) - numeric(read(x, sorted[i - 1])) > limit) segment++;
      out.push({...row, segment: `${key}#${segment}`});
    });
  }
  return out;
}

/** One year in milliseconds, a little over, so 365- and 366-day steps both count as one period. */
export const YEAR_MS = 366 * 86_400_000;
