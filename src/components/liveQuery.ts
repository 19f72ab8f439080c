// A page's queries: answered at once from the results computed at build time when the SQL
// is one of those (the page's first state), otherwise by DuckDB-WASM, which is loaded and
// started only then — so a page that is just read never downloads the database.
import type {Rows} from "./arrowRows.js";
import {showDatabaseProgress} from "./dbProgress.js";
import {lit, queryKey, unpack, type PrecomputedResults, type QueryDef} from "./query.js";

export interface PageQueries {
  /** Runs SQL text: the shipped result when there is one, else DuckDB-WASM. */
  run(text: string): Promise<Rows>;
  /** Runs a named query for a state of the page's inputs. */
  query<S>(def: QueryDef<S>, state: S): Promise<Rows>;
  /** The tag SQL code blocks use; interpolated values are inlined as escaped literals. */
  sql(strings: TemplateStringsArray, ...values: unknown[]): Promise<Rows>;
}

export function interpolate(strings: readonly string[], values: unknown[]): string {
  return strings.reduce((text, part, i) => text + part + (i < values.length ? lit(values[i]) : ""), "");
}

export function pageQueries(precomputed: PrecomputedResults | null): PageQueries {
  const shipped = precomputed?.results ?? {};
  const run = async (text: string): Promise<Rows> => {
    const hit = shipped[queryKey(text)];
    if (hit) return unpack(hit) as Rows;
    showDatabaseProgress();
    const db = await import("./db.js");
    return db.query(text);
  };
  return {
    run,
    query: (def, state) => run(def.sql(state)),
    sql: (strings, ...values) => run(interpolate(strings, values))
  };
}

/** Starts DuckDB-WASM now (e.g. on the reader's first interaction) so the next query is quick. */
export function warmUpDatabase(): void {
  showDatabaseProgress();
  import("./db.js").then((db) => db.getDatabase()).catch(() => {});
}
