// A page's queries: answered at once from the results computed at build time when the SQL
// is one of those (the page's first state), then from the results for every state one change
// away (a second file, fetched when the reader reaches for an input: pointer over it, focus,
// touch — or at the change itself), otherwise by DuckDB-WASM. The database is started after
// the first change has been answered, so a page that is just read never downloads it and the
// first change does not wait for it.
import type {Rows} from "./arrowRows.js";
import {showDatabaseProgress} from "./dbProgress.js";
import {givenInputs, lit, matches, queryKey, unpack, type PrecomputedResults, type QueryDef} from "./query.js";
import {embeddedId} from "./embed.js";

export interface PageQueries {
  /** Runs SQL text: the shipped result when there is one, else DuckDB-WASM. */
  run(text: string): Promise<Rows>;
  /**
   * Runs a named query for a state of the page's inputs: the inputs its cell passes, which
   * must be all those the query reads (see `given`).
   */
  query<S>(def: QueryDef<S>, state: S): Promise<Rows>;
  /** The state as the query and its figure should read it: guarded against an input the cell did not pass (query.ts, givenInputs). */
  given<S>(def: QueryDef<S>, state: S): S;
  /** The tag SQL code blocks use; interpolated values are inlined as escaped literals. */
  sql(strings: TemplateStringsArray, ...values: unknown[]): Promise<Rows>;
}

export function interpolate(strings: readonly string[], values: unknown[]): string {
  return strings.reduce((text, part, i) => text + part + (i < values.length ? lit(values[i]) : ""), "");
}

/** How many database results a page keeps for cells that ask for the same SQL again. */
const RECENT_RESULTS = 64;

/** A file of results fetched only when asked (a FileAttachment). */
export interface LazyResults {
  json(): Promise<PrecomputedResults>;
}

/** How a query was answered; counted per page so tests and the benchmark can tell. */
export interface AnswerCounts {
  first: number;
  next: number;
  database: number;
}

/**
 * `inputs`: the page's inputs with their first values (the queries module's `defaults`), so that
 * a query reading an input its cell did not pass fails loudly (query.ts, givenInputs).
 */
export function pageQueries(precomputed: PrecomputedResults | null, {next, inputs = {}}: {next?: LazyResults; inputs?: object} = {}): PageQueries & {answered: AnswerCounts; fetchNext(): Promise<void>; warmUp(): void} {
  const shipped = precomputed?.results ?? {};
  const answered: AnswerCounts = {first: 0, next: 0, database: 0};
  let nextResults: Promise<PrecomputedResults["results"]> | undefined;
  // A failed fetch (offline, a host's error page) only means the database answers instead.
  const none: PrecomputedResults["results"] = {};
  const fetchNext = () => (nextResults ??= next ? next.json().then((file) => file.results, () => none) : Promise.resolve(none));
  const recent = new Map<string, Promise<Rows>>();
  let warming = false;
  // Start the database once the next-state file is in (they would share the reader's bandwidth), when the page is idle.
  // An embedded figure (?embed=…) has no inputs to change: it never needs the database later.
  const warmUp = () => {
    if (warming || embeddedId() !== null) return;
    warming = true;
    fetchNext().then(() => whenIdle(() => warmUpDatabase(Object.values(shipped).flatMap((result) => (result.sql ? [result.sql] : [])))));
  };
  if (next && typeof document !== "undefined") reachForInputs(() => void fetchNext());
  const run = async (text: string): Promise<Rows> => {
    const key = queryKey(text);
    const hit = shipped[key];
    if (matches(hit, text)) {
      answered.first++;
      return unpack(hit) as Rows;
    }
    if (next) {
      const near = (await fetchNext())[key];
      if (matches(near, text)) {
        answered.next++;
        warmUp();
        return unpack(near) as Rows;
      }
    }
    // Cells that draw from the same SQL (a figure and the prose beside it) share one run.
    const ran = recent.get(key);
    if (ran) return ran;
    answered.database++;
    showDatabaseProgress();
    const result = import("./db.js").then((db) => db.query(text));
    recent.set(key, result);
    if (recent.size > RECENT_RESULTS) recent.delete(recent.keys().next().value!);
    result.catch(() => recent.delete(key));
    return result;
  };
  return {
    answered,
    fetchNext: () => fetchNext().then(() => {}),
    warmUp,
    run,
    given: (def, state) => givenInputs(state, inputs, `The query "${def.id}"`),
    query: (def, state) => run(def.sql(givenInputs(state, inputs, `The query "${def.id}"`))),
    sql: (strings, ...values) => run(interpolate(strings, values))
  };
}

/** Calls `then` once, the first time the reader points at, touches or focuses an input or a form. */
function reachForInputs(then: () => void): void {
  const events = ["pointerover", "touchstart", "focusin"] as const;
  const listener = (event: Event) => {
    if (!(event.target instanceof Element) || !event.target.closest("input, select, textarea, form")) return;
    for (const type of events) document.removeEventListener(type, listener, true);
    then();
  };
  for (const type of events) document.addEventListener(type, listener, {capture: true, passive: true});
}

function whenIdle(then: () => void): void {
  if (typeof requestIdleCallback === "function") requestIdleCallback(then, {timeout: 1000});
  else setTimeout(then, 100);
}

/**
 * Starts DuckDB-WASM in the background (after the reader's first change) so the next query is
 * quick. It shows no status line: nobody is waiting for it yet. A query that does wait shows one.
 *
 * Then it runs `queries` (the page's first-state SQL), one at a time when the page is idle, and
 * drops their results: the engine's first run of a kind of query is several times slower than
 * the next (WebAssembly compiled on first use; on /trade its ten queries took 628 ms the first
 * time, 250 ms the second, and another state's afterwards 206 ms), and a reader's later change
 * should not pay for that.
 */
export function warmUpDatabase(queries: readonly string[] = []): void {
  import("./db.js")
    .then(async (db) => {
      await db.getDatabase();
      for (const text of queries) {
        await new Promise<void>((done) => whenIdle(done));
        await db.query(text).catch(() => {});
      }
    })
    .catch(() => {});
}
