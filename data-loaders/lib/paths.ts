import {fileURLToPath} from "node:url";
import {relative} from "node:path";

/**
 * The folder of curated source records. OBSERVATORY_SOURCES_DIR points the loaders at another
 * folder (tests use fixtures this way); otherwise it is data-loaders/sources.
 */
export function sourcesDir(dir?: string): string {
  return dir ?? process.env.OBSERVATORY_SOURCES_DIR ?? fileURLToPath(new URL("../sources", import.meta.url));
}

/** A path as people see it in messages: relative to the working directory when inside it. */
export function displayPath(path: string): string {
  const rel = relative(process.cwd(), path);
  return rel.startsWith("..") ? path : rel;
}
