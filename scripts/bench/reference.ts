// The SQL behind the benchmark's Plot-only reference page: one real series (USGS world mine
// production, latest edition). The snapshot-set step (scripts/snapshot-set/write.ts) runs it at
// build time into src/data/bench/reference.json, so the page needs no database.
export const REFERENCE_SQL = `SELECT period_start, value, unit, source_id
FROM observations
WHERE measure = 'mine_production' AND geography = 'World' AND is_latest_vintage AND is_preferred
ORDER BY period_start`;
