// What each of a page's inputs can be set to, declared next to the page's queries: the page
// builds its inputs from it, and the build uses it to run the page's queries for every state
// one change away from the first (scripts/snapshot-set/precompute.ts). Those results ship in a
// second file that the page fetches only when the reader reaches for an input, so the first
// change is answered without starting DuckDB-WASM, by the same SQL run at build time.
import type {QueryDef} from "./query.js";

/** A year-range input (yearRangeInput): two selects over these years. */
export interface YearRangeChoice {
  yearRange: readonly number[];
}

/** An input whose options are the values of one column of a query's rows (run at its first state). */
export interface QueryChoice<S> {
  from: QueryDef<S>;
  column: string;
}

export type Choice<S> = readonly unknown[] | YearRangeChoice | QueryChoice<S>;

/** For each input (a key of the page's state), what it can be set to. */
export type Choices<S> = {[K in keyof S]?: Choice<S>};

/** Every year from `first` to `last`, for a year-range input. */
export function yearRange(first: number, last: number): YearRangeChoice {
  if (!(Number.isInteger(first) && Number.isInteger(last) && first <= last)) throw new Error(`yearRange: not a range of years: ${first}–${last}`);
  return {yearRange: Array.from({length: last - first + 1}, (_, i) => first + i)};
}

export function isYearRange(choice: unknown): choice is YearRangeChoice {
  return typeof choice === "object" && choice !== null && Array.isArray((choice as YearRangeChoice).yearRange);
}

export function isQueryChoice<S>(choice: unknown): choice is QueryChoice<S> {
  return typeof choice === "object" && choice !== null && "from" in choice && "column" in choice;
}

/** The values one input can take, with query choices already resolved to their values. */
export type ResolvedChoices<S> = {[K in keyof S]?: readonly unknown[] | YearRangeChoice};

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/**
 * The states one change away from `first`: each input set to each of its other values, the
 * rest as they are. A year range changes one end at a time, as its two selects do (the input
 * puts the ends in order). Each state once, in the order of the choices.
 */
export function statesOneChangeAway<S extends Record<string, unknown>>(first: S, choices: ResolvedChoices<S>): S[] {
  const states: S[] = [];
  const seen = new Set<string>([JSON.stringify(first)]);
  const add = (state: S) => {
    const key = JSON.stringify(state);
    if (!seen.has(key)) {
      seen.add(key);
      states.push(state);
    }
  };
  for (const [key, choice] of Object.entries(choices) as [keyof S & string, readonly unknown[] | YearRangeChoice][]) {
    if (!(key in first)) throw new Error(`choices name "${key}", which is not part of the page's state`);
    if (isYearRange(choice)) {
      const [from, to] = first[key] as [number, number];
      for (const year of choice.yearRange) {
        add({...first, [key]: [Math.min(year, to), Math.max(year, to)]});
        add({...first, [key]: [Math.min(from, year), Math.max(from, year)]});
      }
    } else {
      for (const value of choice) if (!same(value, first[key])) add({...first, [key]: value});
    }
  }
  return states;
}
