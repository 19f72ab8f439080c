// Queries every page shares: the source titles its captions cite, and the data-check findings
// that touch the page's figures. Page query files re-export them so they are precomputed too.
import {defineQuery} from "../components/query.js";

/** Every source's id and title: the lookup a figure's caption takes its source titles from. */
export const sourceTitles = defineQuery({
  id: "source-titles",
  title: "Source titles",
  sql: () => `SELECT source_id, title FROM sources ORDER BY source_id`
});

/** Every data-check finding, row ids as one comma-separated string (the same text in both engines). */
export const allChecks = defineQuery({
  id: "all-checks",
  title: "Data-check findings",
  sql: () => `SELECT check_id, kind, severity, page, message, array_to_string(row_ids, ',') AS row_ids
FROM checks
ORDER BY CASE severity WHEN 'warning' THEN 0 ELSE 1 END, page, check_id`
});
