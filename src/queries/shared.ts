// Queries every Magnets, Wind and Robotics page runs: the source titles the figures link to.
import {defineQuery} from "../components/query.js";

export const sourceList = defineQuery({
  id: "source-list",
  title: "Sources",
  sql: () => `SELECT source_id, title FROM sources ORDER BY source_id`
});

export const checkList = defineQuery({
  id: "check-list",
  title: "Data-check findings",
  sql: () => `-- Every data-check finding; a chart shows those that name one of its rows.
SELECT check_id, kind, severity, message, array_to_string(row_ids, ',') AS row_ids
FROM checks
ORDER BY check_id`
});
