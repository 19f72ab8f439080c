// The Sources page's queries: every source with the number of figures it gives, and every
// data-check finding with the rows it involves.
import {defineQuery} from "../components/query.js";

export {allChecks} from "./common.js";

export const defaults = {confidence: "all", search: ""};

export const sourceList = defineQuery({
  id: "source-list",
  title: "Every source, with the figures it gives",
  sql: () => `SELECT s.source_id, s.short_name, s.title, s.publisher, s.date, s.url, s.read_at, s.read_note,
  s.licence, s.confidence, s.notes,
  count(o.row_id) AS figures, string_agg(DISTINCT o.page, ', ' ORDER BY o.page) AS pages
FROM sources s
LEFT JOIN observations o ON o.source_id = s.source_id
GROUP BY ALL
ORDER BY s.source_id`
});

/** The data release this build's snapshots are stamped with (data-loaders/release.ts). */
export const release = defineQuery({
  id: "release",
  title: "The data release",
  sql: () => `SELECT release_id, as_of, content_hash, record_files FROM release`
});

export const figuresByConfidence = defineQuery({
  id: "figures-by-confidence",
  title: "Figures by page and source confidence",
  subtitle: "Number of figures; 'low' marks sources such as manufacturer blogs and unsourced notes",
  chart: {mark: "bar", x: "page", y: "figures", color: "confidence"},
  sql: () => `SELECT o.page, s.confidence, count(*) AS figures, count(DISTINCT s.source_id) AS sources
FROM observations o JOIN sources s ON s.source_id = o.source_id
GROUP BY o.page, s.confidence
ORDER BY o.page, s.confidence`
});
