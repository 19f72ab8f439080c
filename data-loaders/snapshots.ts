// Every table's Parquet bytes, by table name: what src/components/db.ts registers in the
// browser, for code that needs the same tables in Node (first-chart results, tests, bench).
import type {TableName} from "../src/components/tables.ts";
import {checksParquet} from "./checks.ts";
import {eventsParquet} from "./events.ts";
import {observationsParquet} from "./observations.ts";
import {releaseParquet} from "./release.ts";
import {sourcesParquet} from "./sources.ts";

export const SNAPSHOT_BUILDERS: Record<TableName, () => Promise<Uint8Array>> = {
  observations: observationsParquet,
  sources: sourcesParquet,
  checks: checksParquet,
  events: eventsParquet,
  release: releaseParquet
};
