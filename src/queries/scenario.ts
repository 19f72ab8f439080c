// The SQL behind the scenario figures (Magnets, Robotics). The page computes a scenario's rows
// in JavaScript as the sliders move (src/components/scenario.ts); these queries compute the same
// rows in SQL from the same slider values, so the SQL a scenario figure shows — and opens in the
// workbench — returns exactly the rows it draws (tests/components/scenarioSql.test.ts checks it).
// Not a page's query file: the pages define their scenario figures with these (queries/magnets.ts,
// robotics.ts); they take the sliders' state, so none is precomputed (precompute: false).
import {defineQuery, lit, type ForState, type QueryDef} from "../components/query.js";
import type {EndUseAssumption, PublishedDemand} from "../components/scenario.js";

export interface ScenarioState {
  assumptions: readonly EndUseAssumption[];
  published: readonly PublishedDemand[];
}

const double = (value: number) => `CAST(${lit(value)} AS DOUBLE)`;

/** What a page's scenario figure is called: the figure's id, title and subtitle. */
export interface FigureNames<S> {
  id: string;
  title: ForState<S, string>;
  subtitle?: ForState<S, string>;
}

/** Your assumption (units × kg per unit ÷ 1,000) and the published figure, per end use: compareWithPublished in SQL. */
export const scenarioComparison = (figure: FigureNames<ScenarioState>) => defineQuery({
  ...figure,
  precompute: false,
  // As the figure draws them: per end use a panel, your assumption's bar and the published one.
  chart: {mark: "bar", x: "kind", y: "tonnes", color: "kind", facet: "label"},
  sql: ({assumptions, published}: ScenarioState) => {
    const byId = new Map(published.map((p) => [p.id, p]));
    const values = assumptions
      .map((a, i) => `(${i + 1}, ${lit(a.id)}, ${lit(a.label)}, ${double(a.count)}, ${double(a.unitsPerCount)}, ${double(a.kgPerUnit)}, ${lit(byId.get(a.id)?.row_id ?? null)})`)
      .join(",\n  ");
    return `-- Your assumption: the sliders' units and kg per unit (the VALUES below), demand = units × kg ÷ 1,000.
-- Published: the figure each end use is set against, read from the observations by its row id.
WITH assumption(ord, id, label, units, units_per_count, kg_per_unit, published_row_id) AS (VALUES
  ${values}
)
SELECT id, label, kind, tonnes, basis, period, source_id, bound, row_id FROM (
  SELECT ord, 1 AS k, id, label, 'Your assumption' AS kind, units * units_per_count * kg_per_unit / 1000 AS tonnes,
    'scenario' AS basis, '' AS period, NULL AS source_id, NULL AS bound, NULL AS row_id
  FROM assumption
  UNION ALL
  SELECT a.ord, 2, a.id, a.label, 'Published', o.value, o.basis, o.period, o.source_id, o.bound, o.row_id
  FROM assumption a JOIN observations o ON o.row_id = a.published_row_id
)
ORDER BY ord, k`;
  }
});

/** Each forecast's shipments × the reader's kg per robot ÷ 1,000, ranges at both ends. */
export function impliedDemand<S>(forecasts: QueryDef<S>, figure: FigureNames<S & {kg: number}>): QueryDef<S & {kg: number}> {
  return defineQuery({
    ...figure,
    precompute: false,
    // A line per forecaster, as the forecasts' own figure draws them.
    chart: {mark: "line", x: "date", y: "value", color: "series"},
    sql: (state: S & {kg: number}) => `-- Forecast shipments × your kg per robot (${state.kg}) ÷ 1,000 = tonnes of NdFeB.
SELECT row_id, series, period, date, basis, source_id, 't' AS unit,
  value * 1 * ${double(state.kg)} / 1000 AS value,
  value_low * 1 * ${double(state.kg)} / 1000 AS value_low,
  value_high * 1 * ${double(state.kg)} / 1000 AS value_high,
  ${double(state.kg)} AS kg_per_robot
FROM (
${forecasts.sql(state).replace(/^--.*\n/gm, "").trim()}
)
ORDER BY series, date, row_id`
  });
}
