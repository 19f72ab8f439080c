// The data release: one id for the records a build was made from, so a figure can be cited with
// the release it came from. The id is the newest publication date in sources.csv (at the
// precision the record gives) and the first 12 hex digits of a SHA-256 over every record file
// (path and bytes, in path order): the same records always give the same id, and any edit to
// any record gives a new one. Stamped into every snapshot's Parquet metadata (key release_id),
// the `release` table and the site footer.
import {createHash} from "node:crypto";
import {readdirSync, readFileSync} from "node:fs";
import {join, relative} from "node:path";
import {sourcesDir} from "./lib/paths.ts";
import {toParquet, type Column} from "./lib/parquet.ts";
import {readSources} from "./lib/sources.ts";
import {log} from "./lib/log.ts";

export interface Release {
  release_id: string;
  /** The newest publication date among the source records: what the data is as of. */
  as_of: string;
  content_hash: string;
  record_files: number;
}

export const RELEASE_COLUMNS: readonly Column[] = [
  {name: "release_id", type: "VARCHAR"},
  {name: "as_of", type: "VARCHAR"},
  {name: "content_hash", type: "VARCHAR"},
  {name: "record_files", type: "INTEGER"}
];

/** A release id as this module writes it, e.g. 2025-05-29.3f9a1c2b7d4e: safe in HTML and file names. */
export const RELEASE_ID = /^\d{4}(-\d{2}(-\d{2})?)?\.[0-9a-f]{12}$/;

function recordFiles(root: string): string[] {
  return readdirSync(root, {recursive: true, withFileTypes: true})
    .filter((entry) => entry.isFile())
    .map((entry) => relative(root, join(entry.parentPath, entry.name)).split("\\").join("/"))
    .sort();
}

/**
 * The release the records in `dir` (default data-loaders/sources) make. Never throws on a bad
 * record (the loaders report those): the date comes from the source rows that are valid.
 */
export function dataRelease(dir?: string): Release {
  const root = sourcesDir(dir);
  const files = recordFiles(root);
  const hash = createHash("sha256");
  for (const file of files) hash.update(`${file}\0`).update(readFileSync(join(root, file))).update("\0");
  const {sources} = readSources(dir);
  const as_of = sources.map((s) => s.date).reduce((a, b) => (b > a ? b : a), "0000");
  const content_hash = hash.digest("hex");
  return {release_id: `${as_of}.${content_hash.slice(0, 12)}`, as_of, content_hash, record_files: files.length};
}

/** The key-value metadata every snapshot carries. */
export function releaseMetadata(dir?: string): Record<string, string> {
  return {release_id: dataRelease(dir).release_id};
}

export async function releaseParquet(dir?: string): Promise<Uint8Array> {
  const release = dataRelease(dir);
  log(`release: ${release.release_id} (${release.record_files} record files)`);
  return toParquet([release], RELEASE_COLUMNS, {release_id: release.release_id});
}
