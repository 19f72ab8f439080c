// A page's one way to place a figure: `const place = figurePlacer({q, sources, checks})` once,
// then `display(await place(S.quotas, {years, projections}, {plot, invalidation}))` per figure,
// passing only the inputs the figure's query reads (so a change of another input leaves the
// figure as drawn; query.ts, givenInputs). It runs the
// figure's query for the state (the shipped first-state rows, or DuckDB-WASM) and draws exactly
// those rows; the figure's id, title and subtitle are its query's (QueryDef), so the id, the
// title, the SQL shown and the rows drawn have one home. Figures whose rows a page computes (the scenarios) call
// chartFigure themselves with SQL that computes the same rows.
import {chartFigure, type ChartFigureOptions} from "./chartFigure.js";
import type {PageQueries} from "./liveQuery.js";
import type {QueryDef} from "./query.js";

export type Placement<S> = Omit<ChartFigureOptions<S>, "query" | "state" | "rows" | "sources" | "checks">;

export function figurePlacer({q, sources, checks}: {q: PageQueries; sources: ChartFigureOptions<unknown>["sources"]; checks: ChartFigureOptions<unknown>["checks"]}) {
  return async function place<S>(query: QueryDef<S>, state: S, options: Placement<S>): Promise<HTMLElement> {
    const given = q.given(query, state);
    const rows = await q.query(query, given);
    return chartFigure({...options, query, state: given, rows, sources, checks});
  };
}
