// Rows for the benchmark's Plot-only reference page: one real series (USGS world mine
// production, latest vintage), computed at build time so the page needs no database.
import {openSnapshotDatabase, runPacked} from "../../data-loaders/precompute.ts";

export const REFERENCE_SQL = `SELECT period_start, value, unit, source_id
FROM observations
WHERE dataset = 'usgs_mine_production' AND geography = 'World' AND is_latest_vintage
ORDER BY period_start`;

export async function referenceRows(): Promise<Record<string, unknown>[]> {
  const {connection, close} = await openSnapshotDatabase();
  try {
    const {columns, rows} = await runPacked(connection, REFERENCE_SQL);
    return rows.map((cells) => Object.fromEntries(columns.map((c, i) => [c.name, cells[i]])));
  } finally {
    await close();
  }
}
