// The fingerprint of an entry point's dependencies, and the last fingerprint each entry point
// was built from, kept next to Framework's cache (so `npm run clean` forgets both at once).
import {createHash} from "node:crypto";
import {readFileSync} from "node:fs";
import {join} from "node:path";
import {writeAtomically} from "./atomicFile.ts";
import {STATE_FILE} from "./project.ts";

/** One hash over the path and contents of every dependency; a missing file hashes as missing. */
export function fingerprint(root: string, paths: readonly string[]): string {
  const hash = createHash("sha256");
  for (const path of [...paths].sort()) {
    hash.update(path).update("\0");
    try {
      hash.update(createHash("sha256").update(readFileSync(join(root, path))).digest("hex"));
    } catch {
      hash.update("missing");
    }
    hash.update("\n");
  }
  return hash.digest("hex");
}

export type FreshnessState = Record<string, string>;

export function readState(root: string): FreshnessState {
  try {
    const parsed = JSON.parse(readFileSync(join(root, STATE_FILE), "utf8"));
    return parsed && typeof parsed.entries === "object" ? parsed.entries : {};
  } catch {
    return {};
  }
}

/** Written whole and renamed into place, so a crash never leaves half a file. */
export function writeState(root: string, entries: FreshnessState): void {
  writeAtomically(join(root, STATE_FILE), `${JSON.stringify({version: 1, entries}, null, 2)}\n`);
}
