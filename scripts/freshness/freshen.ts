// The freshness pass for the loaders Framework would run itself (src/data/**/<name>.<ext>.ts;
// the snapshots and first-state files are made by the snapshot-set step instead,
// scripts/freshness/snapshotSet.ts). Framework 1.13 decides whether a cached loader output is
// stale by comparing its mtime with the entry point's alone, and `observable build` uses even a
// stale cache. This pass fingerprints every entry point's real dependencies and, for each one
// that changed or has no output yet, runs the loader itself — time-limited, into a temporary
// file, checked — and only if it succeeds puts the output in Framework's cache and touches the
// entry point (so `observable preview` pushes the new file to open pages). A failing loader
// leaves the last good output; in a build it fails the build.
import {existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, utimesSync} from "node:fs";
import {basename, dirname, join} from "node:path";
import {dependencies} from "./dependencies.ts";
import {findEntryPoints, type EntryPoint} from "./project.ts";
import {runLoader} from "./runLoader.ts";
import {fingerprint, readState, writeState} from "./state.ts";

export type Mode = "build" | "dev";

export interface EntryReport {
  entry: string;
  target: string;
  /** fresh: unchanged; refreshed: regenerated; failed: kept as it was. */
  status: "fresh" | "refreshed" | "failed";
  /** Why it failed: the loader's stderr or the import error, naming file and line. */
  error?: string;
  milliseconds?: number;
}

export interface FreshenOptions {
  mode: Mode;
  /** Only these entry points (paths relative to root); all when omitted. */
  only?: (entry: EntryPoint, deps: readonly string[]) => boolean;
  /** Loaders run at once. */
  concurrency?: number;
  /** Each loader run's time limit (default: scripts/freshness/timeLimit.ts). */
  timeoutMs?: number;
  /** Fingerprints that already failed in this session: not re-run until something changes. */
  failed?: Map<string, string>;
  log?: (line: string) => void;
}

export async function freshen(root: string, options: FreshenOptions): Promise<EntryReport[]> {
  const {mode, concurrency = 2, failed = new Map(), log = (line) => process.stderr.write(`${line}\n`)} = options;
  const state = readState(root);
  const reports: EntryReport[] = [];
  const work: {entry: EntryPoint; print: string}[] = [];
  for (const entry of findEntryPoints(root)) {
    let deps: string[];
    try {
      deps = await dependencies(root, entry);
    } catch (error) {
      reports.push({entry: entry.path, target: entry.target, status: "failed", error: (error as Error).message});
      log(`freshness: ${entry.target} ${mode === "dev" ? "kept as it was" : "cannot be built"} — ${(error as Error).message}`);
      continue;
    }
    if (options.only && !options.only(entry, deps)) continue;
    const print = fingerprint(root, deps);
    const cached = existsSync(join(root, entry.cachePath));
    if (cached && state[entry.path] === print) reports.push({entry: entry.path, target: entry.target, status: "fresh"});
    else if (mode === "dev" && failed.get(entry.path) === print) reports.push({entry: entry.path, target: entry.target, status: "failed", error: "unchanged since it last failed"});
    else work.push({entry, print});
  }
  // A few at a time, saving the state after each so a crash loses little.
  const queue = [...work];
  const printed = new Set<string>();
  const worker = async () => {
    for (let item = queue.shift(); item; item = queue.shift()) {
      const {entry, print} = item;
      const report = await regenerate(root, entry, options.timeoutMs);
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
        const kept = mode === "dev" ? "pages keep the last good output" : "the build stops";
        log(`freshness: ${entry.target} NOT refreshed — its loader failed; ${kept}.${seen ? " (Same error as above.)" : `\n${report.error!.trimEnd()}`}`);
      }
    }
  };
  await Promise.all(Array.from({length: Math.max(1, concurrency)}, worker));
  return reports;
}

/** Runs the loader into a temporary file; when it succeeded and its output checks out, installs it as Framework's cached output. */
async function regenerate(root: string, entry: EntryPoint, timeoutMs?: number): Promise<EntryReport> {
  const cachePath = join(root, entry.cachePath);
  const temp = `${cachePath}.fresh-${process.pid}`;
  mkdirSync(dirname(cachePath), {recursive: true});
  const run = await runLoader(root, entry.path, temp, {timeoutMs});
  const failed = (error: string): EntryReport => ({entry: entry.path, target: entry.target, status: "failed", error, milliseconds: run.milliseconds});
  if (!run.ok) return failed(run.stderr);
  const problem = outputProblem(temp, entry.target);
  if (problem) {
    rmSync(temp, {force: true});
    return failed(`${run.stderr}${entry.path}: ${problem}\n`);
  }
  renameSync(temp, cachePath);
  removeErrorFiles(cachePath);
  // Framework treats a cached output as fresh unless it is older than the entry point, and
  // preview notices a file changed by the entry point's mtime: give both the same new time.
  const now = new Date();
  utimesSync(cachePath, now, now);
  utimesSync(join(root, entry.path), now, now);
  return {entry: entry.path, target: entry.target, status: "refreshed", milliseconds: run.milliseconds};
}

/** Why a loader's output cannot be served (empty, unparseable JSON, Parquet without its magic bytes), or null. */
export function outputProblem(path: string, target: string): string | null {
  const bytes = readFileSync(path);
  if (bytes.byteLength === 0) return "wrote nothing";
  if (target.endsWith(".json")) {
    try {
      JSON.parse(bytes.toString("utf8"));
    } catch (error) {
      return `wrote JSON that does not parse (${(error as Error).message})`;
    }
  }
  if (target.endsWith(".parquet")) {
    const magic = (at: number) => bytes.subarray(at, at + 4).toString("latin1") === "PAR1";
    if (bytes.byteLength < 12 || !magic(0) || !magic(bytes.byteLength - 4)) return "wrote an incomplete Parquet file";
  }
  return null;
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
