import {failIfAny} from "./lib/problems.ts";
import {log} from "./lib/log.ts";
import {toParquet} from "./lib/parquet.ts";
import {readSources} from "./lib/sources.ts";
import {releaseMetadata} from "./release.ts";
import {SOURCE_COLUMNS, type Source} from "./schema/source.ts";

/** The validated sources table, ordered by source_id. Throws a ValidationError listing every problem. */
export function loadSources(dir?: string): Source[] {
  const {sources, problems} = readSources(dir);
  failIfAny(problems);
  return [...sources].sort((a, b) => compare(a.source_id, b.source_id));
}

export async function sourcesParquet(dir?: string): Promise<Uint8Array> {
  const rows = loadSources(dir);
  log(`sources: ${rows.length} rows`);
  return toParquet(rows, SOURCE_COLUMNS, releaseMetadata(dir));
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
