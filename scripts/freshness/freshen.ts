// The freshness pass. Framework 1.13 decides whether a cached loader output is stale by
// comparing its mtime with the entry point's alone, and `observable build` uses even a stale
// cache. So a changed source record or loader module would never reach the site. This pass
// fingerprints every entry point's real dependencies and, for each one that changed:
//   - "build": deletes the cached output, so `observable build` runs the loader ([missing]);
//   - "dev":   runs the loader into a temporary file and, only if it succeeds, puts the output
//              in Framework's cache and touches the entry point, so `observable preview` pushes
//              the new file to open pages. A failing loader leaves the last good snapshot.
//              Entry points with no snapshot yet are left to Framework, which runs them when a
//              page first asks.
// Entry points whose fingerprint did not change are left alone, and Framework reuses them.
import {existsSync, mkdirSync, readdirSync, renameSync, rmSync, utimesSync} from "node:fs";
import {basename, dirname, join} from "node:path";
import {dependencies} from "./dependencies.ts";
import {findEntryPoints, type EntryPoint} from "./project.ts";
import {runLoader} from "./runLoader.ts";
import {fingerprint, readState, writeState} from "./state.ts";

export type Mode = "build" | "dev";

export interface EntryReport {
  entry: string;
  target: string;
  /**
   * fresh: unchanged; invalidated: snapshot deleted (build); refreshed: regenerated (dev);
   * failed: kept as it was (dev); absent: no snapshot yet, left for Framework to make (dev).
   */
  status: "fresh" | "invalidated" | "refreshed" | "failed" | "absent";
  /** Why it failed: the loader's stderr or the import error, naming file and line. */
  error?: string;
  milliseconds?: number;
}

export interface FreshenOptions {
  mode: Mode;
  /** Only these entry points (paths relative to root); all when omitted. */
  only?: (entry: EntryPoint, deps: readonly string[]) => boolean;
  /** Loaders run at once in dev mode. */
  concurrency?: number;
  /** Fingerprints that already failed in this session: not re-run until something changes. */
  failed?: Map<string, string>;
  log?: (line: string) => void;
}

export async function freshen(root: string, options: FreshenOptions): Promise<EntryReport[]> {
  const {mode, concurrency = 2, failed = new Map(), log = (line) => process.stderr.write(`${line}\n`)} = options;
  const state = readState(root);
  const entries = findEntryPoints(root);
  const reports: EntryReport[] = [];
  const work: {entry: EntryPoint; print: string}[] = [];
  for (const entry of entries) {
    let deps: string[];
    try {
      deps = await dependencies(root, entry);
    } catch (error) {
      if (mode === "build") {
        // Let Framework run it: the loader then fails the build with the same error.
        invalidate(root, entry);
        delete state[entry.path];
        reports.push({entry: entry.path, target: entry.target, status: "invalidated"});
      } else {
        reports.push({entry: entry.path, target: entry.target, status: "failed", error: (error as Error).message});
        log(`freshness: ${entry.target} kept as it was — ${(error as Error).message}`);
      }
      continue;
    }
    if (options.only && !options.only(entry, deps)) continue;
    const print = fingerprint(root, deps);
    const cached = existsSync(join(root, entry.cachePath));
    if (!cached && mode === "dev") {
      // Framework runs the loader itself when a page first asks for the file, from the
      // records as they are then; there is no last good snapshot to protect.
      reports.push({entry: entry.path, target: entry.target, status: "absent"});
    } else if (cached && state[entry.path] === print) {
      reports.push({entry: entry.path, target: entry.target, status: "fresh"});
    } else if (mode === "build") {
      invalidate(root, entry);
      state[entry.path] = print;
      reports.push({entry: entry.path, target: entry.target, status: "invalidated"});
      log(`freshness: ${entry.target}: ${cached ? "a dependency changed; snapshot dropped so the build runs its loader again" : "no snapshot yet"}`);
    } else if (failed.get(entry.path) === print) {
      reports.push({entry: entry.path, target: entry.target, status: "failed", error: "unchanged since it last failed"});
    } else {
      work.push({entry, print});
    }
  }
  if (mode === "build") {
    writeState(root, state);
    return reports;
  }
  // Dev: regenerate, a few at a time, saving the state after each so a crash loses little.
  const queue = [...work];
  const printed = new Set<string>();
  const worker = async () => {
    for (let item = queue.shift(); item; item = queue.shift()) {
      const {entry, print} = item;
      const report = await regenerate(root, entry);
      reports.push(report);
      if (report.status === "refreshed") {
        failed.delete(entry.path);
        const latest = readState(root);
        latest[entry.path] = print;
        writeState(root, latest);
        log(`freshness: ${entry.target} refreshed in ${(report.milliseconds! / 1000).toFixed(1)} s`);
      } else {
        failed.set(entry.path, print);
        // Loaders sharing a broken record all fail alike: print the report once.
        const error = report.error!.replaceAll(entry.path, "<entry>").trimEnd();
        const seen = printed.has(error);
        printed.add(error);
        log(`freshness: ${entry.target} NOT refreshed — its loader failed; pages keep the last good snapshot.${seen ? " (Same error as above.)" : `\n${report.error!.trimEnd()}`}`);
      }
    }
  };
  await Promise.all(Array.from({length: Math.max(1, concurrency)}, worker));
  return reports;
}

/** Runs the loader into a temporary file; on success installs it as Framework's cached output. */
async function regenerate(root: string, entry: EntryPoint): Promise<EntryReport> {
  const cachePath = join(root, entry.cachePath);
  const temp = `${cachePath}.fresh-${process.pid}`;
  mkdirSync(dirname(cachePath), {recursive: true});
  const run = await runLoader(root, entry.path, temp);
  if (!run.ok) return {entry: entry.path, target: entry.target, status: "failed", error: run.stderr, milliseconds: run.milliseconds};
  renameSync(temp, cachePath);
  removeErrorFiles(cachePath);
  // Framework treats a cached output as fresh unless it is older than the entry point, and
  // preview notices a file changed by the entry point's mtime: give both the same new time.
  const now = new Date();
  utimesSync(cachePath, now, now);
  utimesSync(join(root, entry.path), now, now);
  return {entry: entry.path, target: entry.target, status: "refreshed", milliseconds: run.milliseconds};
}

function invalidate(root: string, entry: EntryPoint): void {
  const cachePath = join(root, entry.cachePath);
  rmSync(cachePath, {force: true});
  removeErrorFiles(cachePath);
}

/**
 * Framework keeps a failed run's output as <output>.<pid>.err and skips the loader while that
 * file is newer than the entry point and under a second old ("loader skipped due to recent
 * error"). Once a good output is in place those files only get in the way.
 */
function removeErrorFiles(cachePath: string): void {
  const dir = dirname(cachePath);
  if (!existsSync(dir)) return;
  const pattern = new RegExp(`^${escape(basename(cachePath))}\\.\\d+\\.err$`);
  for (const name of readdirSync(dir)) if (pattern.test(name)) rmSync(join(dir, name), {force: true});
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
