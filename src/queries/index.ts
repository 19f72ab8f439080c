// The Overview page's queries: China's place at each stage of the chain, from the shares the
// tables publish (IEA, WWEA) and the shares computed here from a China figure and a world figure
// of the same year, edition and basis; and the theme pages' headline figures.
import {defineQuery} from "../components/query.js";
import {headlineQuery} from "./common.js";

export {allChecks, sourceTitles} from "./common.js";
export {forecastOutcomes} from "./forecasts.js";

export const defaults = {};

/** The latest year in which a China series and a world series both have an actual, latest-edition figure. */
function computedShare(step: number, stage: string, measure: string, china: string, world: string): string {
  return `SELECT * FROM (
  SELECT ${step} AS step, '${stage}' AS stage, '${stage} · ${measure}, ' || c.period AS measure, c.period,
    round(100 * c.value / w.value, 1) AS value, '%' AS unit, 'actual' AS basis, 'computed here' AS how,
    c.row_id || ',' || w.row_id AS row_ids, c.source_id || ',' || w.source_id AS source_ids,
    CASE WHEN 'low' IN (c.confidence, w.confidence) THEN 'low' ELSE 'normal' END AS confidence
  FROM observations c
  JOIN observations w ON w.series_id = '${world}' AND w.period_start = c.period_start AND w.period_end = c.period_end
    AND w.is_latest_vintage AND w.basis = 'actual'
  WHERE c.series_id = '${china}' AND c.is_latest_vintage AND c.basis = 'actual'
  ORDER BY c.period_start DESC
  LIMIT 1
)`;
}

function publishedShare(step: number, stage: string, measure: string, series: string): string {
  return `SELECT * FROM (
  SELECT ${step}, '${stage}', '${stage} · ${measure}, ' || period, period, value, unit, basis, 'published', row_id, source_id, confidence
  FROM observations WHERE series_id = '${series}' AND is_latest_vintage
  ORDER BY period_start DESC
  LIMIT 1
)`;
}

export const chinaByStage = defineQuery({
  id: "china-by-stage",
  title: "China's share at each stage of the rare-earth chain",
  sql: () => `-- Published shares as given; computed shares divide a China figure by a world figure of the same period.
${[
  computedShare(1, "Mining", "Mine production (USGS)", "usgs_mine_production.china", "usgs_mine_production.world"),
  publishedShare(2, "Mining", "Mining (IEA)", "ree_supply_share_iea.rare-earth-mining"),
  publishedShare(3, "Separation and refining", "Refining (IEA)", "ree_supply_share_iea.rare-earth-refining"),
  publishedShare(4, "Separation and refining", "Refining capacity (IEA outlook)", "ree_supply_share_iea.rare-earth-refining-capacity"),
  computedShare(5, "Magnets", "NdFeB magnet production", "ndfeb_production_china.ndfeb", "ndfeb_production_global.world"),
  computedShare(6, "End use", "Electric car sales (IEA)", "ev_global_sales.china", "ev_global_sales.world"),
  publishedShare(7, "End use", "New wind capacity (WWEA)", "wind_china_share_of_global_new.wwea"),
  computedShare(8, "End use", "Industrial robot installations (IFR)", "robots_installations.china", "robots_installations.world")
].join("\nUNION ALL\n")}
ORDER BY step`
});

export const overviewHeadlines = headlineQuery({
  id: "overview-headlines",
  title: "Overview headline figures",
  where: `row_id IN (
  SELECT row_id FROM observations
  WHERE series_id IN ('usgs_mine_production.world', 'china_magnet_exports.magnets-and-alloys', 'smm.ndfeb_production')
    AND is_latest_vintage AND period_end - period_start > 300
  QUALIFY row_number() OVER (PARTITION BY series_id ORDER BY period_start DESC) = 1
)`
});
