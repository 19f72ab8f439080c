// The Overview page's queries: China's place at each stage of the chain, from the shares the
// tables publish (IEA, WWEA) and the shares computed here from a China figure and a world figure
// of the same year, edition and basis; and the theme pages' headline figures.
import {defineQuery} from "../components/query.js";
import {headlineQuery} from "./common.js";

export {allChecks, sourceTitles} from "./common.js";
export {forecastOutcomes} from "./forecasts.js";

export const defaults = {};

/**
 * The latest year in which China and the world both have a latest-edition figure of the same
 * preferred measure and part, actual or estimated; the share is an estimate if either figure is.
 */
function computedShare(step: number, stage: string, label: string, measure: string): string {
  return `SELECT * FROM (
  SELECT ${step} AS step, '${stage}' AS stage, '${stage} · ${label}, ' || c.period AS measure, c.period,
    round(100 * c.value_canonical / w.value_canonical, 1) AS value, '%' AS unit,
    CASE WHEN 'estimate' IN (c.basis, w.basis) THEN 'estimate' ELSE 'actual' END AS basis, 'computed here' AS how,
    c.row_id || ',' || w.row_id AS row_ids, c.source_id || ',' || w.source_id AS source_ids,
    CASE WHEN 'low' IN (c.confidence, w.confidence) THEN 'low' ELSE 'normal' END AS confidence
  FROM observations c
  JOIN observations w ON w.measure = c.measure AND w.part = c.part AND w.geography = 'World' AND w.is_preferred
    AND w.period_start = c.period_start AND w.period_end = c.period_end
    AND w.is_latest_vintage AND w.basis IN ('actual', 'estimate')
  WHERE c.measure = '${measure}' AND c.part = 'total' AND c.geography = 'China' AND c.is_preferred
    AND c.is_latest_vintage AND c.basis IN ('actual', 'estimate')
  ORDER BY c.period_start DESC
  LIMIT 1
)`;
}

/** The latest published share of China in a measure of shares. */
function publishedShare(step: number, stage: string, label: string, measure: string): string {
  return `SELECT * FROM (
  SELECT ${step}, '${stage}', '${stage} · ${label}, ' || period, period, value_canonical, canonical_unit, basis, 'published', row_id, source_id, confidence
  FROM observations WHERE measure = '${measure}' AND geography = 'China' AND is_preferred AND is_latest_vintage
  ORDER BY period_start DESC
  LIMIT 1
)`;
}

export const chinaByStage = defineQuery({
  id: "china-by-stage",
  title: "China's share at each stage, mine to end use",
  subtitle: "Percent of the world total; hollow bars are forecasts",
  chart: {mark: "bar", x: "measure", y: "value", color: "how"},
  sql: () => `-- Published shares as given; computed shares divide a China figure by a world figure of the same period.
${[
  computedShare(1, "Mining", "Mine production (USGS)", "mine_production"),
  publishedShare(2, "Mining", "Mining (IEA)", "world_share.mining"),
  publishedShare(3, "Separation and refining", "Refining (IEA)", "world_share.refining"),
  publishedShare(4, "Separation and refining", "Refining capacity (IEA outlook)", "world_share.refining_capacity"),
  computedShare(5, "Magnets", "NdFeB magnet production", "ndfeb.production"),
  computedShare(6, "End use", "Electric car sales (IEA)", "ev.car_sales"),
  publishedShare(7, "End use", "New wind capacity (WWEA)", "power.capacity.world_share_of_new"),
  computedShare(8, "End use", "Industrial robot installations (IFR)", "robots.industrial.installations")
].join("\nUNION ALL\n")}
ORDER BY step`
});

export const overviewHeadlines = headlineQuery({
  id: "overview-headlines",
  title: "Overview headline figures",
  latest: true,
  where: `((measure = 'mine_production' AND geography = 'World' AND is_preferred)
    OR (measure = 'exports.magnets' AND counting_basis = 'permanent magnets and magnet alloys (Adamas)')
    OR (measure = 'ndfeb.production' AND geography = 'China' AND part = 'total' AND is_preferred))
  AND is_latest_vintage AND period_end - period_start > 300`
});
