// Queries every page shares: the source titles its captions cite, and the data-check findings
// that touch the page's figures. Page query files re-export them so they are precomputed too.
import {defineQuery} from "../components/query.js";

/**
 * Every source's id, full title and short name: the lookup a figure's caption takes its source
 * line from (`short_name`, e.g. "USGS MCS 2026 data release", "SMM, May 2025").
 */
export const sourceTitles = defineQuery({
  id: "source-titles",
  title: "Source titles",
  sql: () => `SELECT source_id, short_name, title FROM sources ORDER BY source_id`
});

/** Every data-check finding, row ids as one comma-separated string (the same text in both engines). */
export const allChecks = defineQuery({
  id: "all-checks",
  title: "Data-check findings",
  sql: () => `SELECT check_id, kind, severity, page, message, array_to_string(row_ids, ',') AS row_ids
FROM checks
ORDER BY CASE severity WHEN 'warning' THEN 0 ELSE 1 END, page, check_id`
});

/** The columns a headline card reads (src/components/headlineCard.ts). */
const HEADLINE_COLUMNS = `row_id, series_id, indicator, geography, period, value, value_low, value_high, bound, qualifier,
  unit, basis, change_pct, change_basis, source_id`;

/**
 * A page's headline figures: the card columns of the observations matching `where`. With
 * `latest`, each series' most recent matching figure; otherwise one figure per measure, part,
 * geography and period, the preferred series' where it has one.
 */
export function headlineQuery(options: {id: string; title: string; where: string; latest?: boolean}) {
  const pick = options.latest
    ? "PARTITION BY series_id ORDER BY period_end DESC, period_start DESC"
    : "PARTITION BY measure, part, geography, period ORDER BY is_preferred DESC, is_latest_vintage DESC, row_id";
  return defineQuery({
    id: options.id,
    title: options.title,
    sql: () => `-- The figures in the cards at the top of the page.
SELECT ${HEADLINE_COLUMNS}
FROM observations
WHERE ${options.where}
QUALIFY row_number() OVER (${pick}) = 1
ORDER BY series_id, period, row_id`
  });
}
