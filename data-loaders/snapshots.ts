// Every table's Parquet bytes, by table name: what src/components/db.ts registers in the
// browser, for code that needs the same tables in Node (first-chart results, tests, bench).
import {checksParquet} from "./checks.ts";
import {eventsParquet} from "./events.ts";
import {observationsParquet} from "./observations.ts";
import {releaseParquet} from "./release.ts";
import {sourcesParquet} from "./sources.ts";

/** The tables, by name; src/components/tables.ts describes the same names (a test keeps them equal). */
export const SNAPSHOT_BUILDERS = {
  observations: observationsParquet,
  sources: sourcesParquet,
  checks: checksParquet,
  events: eventsParquet,
  release: releaseParquet
} satisfies Record<string, () => Promise<Uint8Array>>;

export type SnapshotName = keyof typeof SNAPSHOT_BUILDERS;
