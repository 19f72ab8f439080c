// The snapshot set: every table's Parquet snapshot and every page's first-state results, made
// in one step (scripts/snapshot-set/write.ts) and installed as static files under src/data/, all
// together or not at all.
//
//   1. Fingerprint what the set depends on: the step's import graph, each page's queries module
//      graph, the static ```sql blocks of each page, the list of pages, and every data file
//      under data-loaders/. Unchanged, with every installed file matching its recorded hash:
//      nothing to do ("fresh").
//   2. Otherwise run the step (time-limited) into a staging folder in Framework's cache.
//   3. Check the staged set against its manifest: every file present, its size and SHA-256 as
//      recorded, every snapshot readable by DuckDB with the recorded row count, every
//      first-state file parseable JSON with the recorded number of results.
//   4. Rename each file whose bytes changed into place (same file system), drop files the set
//      no longer makes, and record the fingerprint. Files whose bytes did not change keep their
//      modification time, so an edit changes exactly the outputs that depend on it.
// A failure at any step (a bad record, a hung loader, a full disk) installs nothing: the whole
// last good set stays.
import {DuckDBInstance} from "@duckdb/node-api";
import {createHash} from "node:crypto";
import {existsSync, mkdirSync, readFileSync, renameSync, rmSync, statSync} from "node:fs";
import {dirname, join} from "node:path";
import {MANIFEST_NAME, ManifestSchema, type Manifest} from "../snapshot-set/manifest.ts";
import {firstStatePages} from "../snapshot-set/pages.ts";
import {staticSqlBlocks} from "../snapshot-set/precompute.ts";
import {importGraph} from "./dependencies.ts";
import {writeAtomically} from "./atomicFile.ts";
import {CACHE, LOADERS, SRC, filesUnder} from "./project.ts";
import {runLoader} from "./runLoader.ts";

export const SET_STEP = "scripts/snapshot-set/write.ts";
export const SET_STATE_FILE = join(CACHE, ".snapshot-set.json");
const MODULE = /\.(ts|js|mjs|cjs|mts|cts)$/;

export interface SetReport {
  status: "fresh" | "refreshed" | "failed";
  /** What was wrong, naming file and line where the records say so. */
  error?: string;
  /** Files (relative to src/) whose bytes changed. */
  changed: string[];
  milliseconds: number;
  fingerprint: string;
}

export interface SetOptions {
  timeoutMs?: number;
  /** The fingerprint that failed last (dev): not re-run until something changes. */
  failedAt?: string;
  log?: (line: string) => void;
}

interface SetState {
  fingerprint: string;
  files: {path: string; sha256: string}[];
}

function sha256(bytes: Uint8Array | string): string {
  return createHash("sha256").update(bytes).digest("hex");
}

/** One hash over everything the set is made from. */
export async function setFingerprint(root: string): Promise<string> {
  const src = join(root, SRC);
  const pages = firstStatePages(src);
  const modules = [SET_STEP, ...pages.map((page) => `${SRC}/queries/${page}.ts`).filter((path) => existsSync(join(root, path)))];
  const graphs = await Promise.all(modules.map((module) => importGraph(root, module)));
  const files = [...new Set([...graphs.flat(), ...filesUnder(root, LOADERS).filter((path) => !MODULE.test(path))])].sort();
  const hash = createHash("sha256").update(`pages:${pages.join(",")}\n`);
  for (const path of files) hash.update(`${path}\0${existsSync(join(root, path)) ? sha256(readFileSync(join(root, path))) : "missing"}\n`);
  for (const page of pages) hash.update(`sql:${page}\0${sha256(staticSqlBlocks(readFileSync(join(src, `${page}.md`), "utf8")).join("\0"))}\n`);
  return hash.digest("hex");
}

function readSetState(root: string): SetState | null {
  try {
    const state = JSON.parse(readFileSync(join(root, SET_STATE_FILE), "utf8"));
    return typeof state?.fingerprint === "string" && Array.isArray(state.files) ? state : null;
  } catch {
    return null;
  }
}

/** Every installed file is there with the bytes the state recorded. */
function installedIntact(root: string, state: SetState): boolean {
  return state.files.every(({path, sha256: expected}) => {
    try {
      return sha256(readFileSync(join(root, SRC, path))) === expected;
    } catch {
      return false;
    }
  });
}

export async function refreshSnapshotSet(root: string, options: SetOptions = {}): Promise<SetReport> {
  const log = options.log ?? ((line: string) => process.stderr.write(`${line}\n`));
  const start = performance.now();
  const elapsed = () => performance.now() - start;
  let print: string;
  try {
    print = await setFingerprint(root);
  } catch (error) {
    return {status: "failed", error: (error as Error).message, changed: [], milliseconds: elapsed(), fingerprint: ""};
  }
  const state = readSetState(root);
  if (state && state.fingerprint === print && installedIntact(root, state)) return {status: "fresh", changed: [], milliseconds: elapsed(), fingerprint: print};
  if (options.failedAt === print) return {status: "failed", error: "unchanged since it last failed", changed: [], milliseconds: elapsed(), fingerprint: print};

  const staging = join(root, CACHE, `snapshot-set.fresh-${process.pid}`);
  rmSync(staging, {recursive: true, force: true});
  mkdirSync(staging, {recursive: true});
  try {
    const pages = firstStatePages(join(root, SRC));
    const run = await runLoader(root, SET_STEP, undefined, {args: [staging, ...pages], timeoutMs: options.timeoutMs});
    if (!run.ok) return {status: "failed", error: run.stderr, changed: [], milliseconds: elapsed(), fingerprint: print};
    const manifest = await checkStaged(staging);
    const changed = install(root, staging, manifest, state);
    writeAtomically(join(root, SET_STATE_FILE), `${JSON.stringify({fingerprint: print, files: manifest.files.map(({path, sha256}) => ({path, sha256}))} satisfies SetState, null, 2)}\n`);
    return {status: "refreshed", changed, milliseconds: elapsed(), fingerprint: print};
  } catch (error) {
    return {status: "failed", error: `${(error as Error).message}\n`, changed: [], milliseconds: elapsed(), fingerprint: print};
  } finally {
    rmSync(staging, {recursive: true, force: true});
  }
}

/** The staged set as its manifest describes it, or an error naming the first file that is not. */
export async function checkStaged(staging: string): Promise<Manifest> {
  const manifestPath = join(staging, MANIFEST_NAME);
  if (!existsSync(manifestPath)) throw new Error(`snapshot set: the step wrote no manifest (${MANIFEST_NAME}); nothing installed`);
  const parsed = ManifestSchema.safeParse(JSON.parse(readFileSync(manifestPath, "utf8")));
  if (!parsed.success) throw new Error(`snapshot set: unreadable manifest: ${parsed.error.message}`);
  const manifest = parsed.data;
  const instance = await DuckDBInstance.create(":memory:", {threads: "1"});
  const connection = await instance.connect();
  try {
    for (const file of manifest.files) {
      const path = join(staging, file.path);
      const bytes = existsSync(path) ? readFileSync(path) : undefined;
      const what = `snapshot set: staged ${file.path}`;
      if (!bytes) throw new Error(`${what} is missing`);
      if (bytes.byteLength !== file.bytes || sha256(bytes) !== file.sha256) throw new Error(`${what} has ${bytes.byteLength} bytes, not the ${file.bytes} the step wrote (truncated?)`);
      let rows: number;
      if (file.path.endsWith(".parquet")) {
        const reader = await connection.runAndReadAll(`SELECT count(*)::INTEGER FROM read_parquet('${path.replaceAll("'", "''")}')`).catch((error) => {
          throw new Error(`${what} is not readable Parquet: ${(error as Error).message}`);
        });
        rows = Number(reader.getRowsJS()[0][0]);
      } else {
        let parsed: unknown;
        try {
          parsed = JSON.parse(bytes.toString("utf8"));
        } catch (error) {
          throw new Error(`${what} is not parseable JSON: ${(error as Error).message}`);
        }
        // A first-state file counts its results; a file of rows (the bench reference) its rows.
        const results = (parsed as {results?: unknown} | null)?.results;
        rows = Array.isArray(parsed) ? parsed.length : results && typeof results === "object" ? Object.keys(results).length : -1;
      }
      if (rows !== file.rows) throw new Error(`${what} has ${rows} rows, not the ${file.rows} the step made`);
    }
  } finally {
    connection.closeSync();
    instance.closeSync();
  }
  return manifest;
}

/** Renames every changed file into src/, removes files the set no longer makes; returns the changed paths. */
function install(root: string, staging: string, manifest: Manifest, previous: SetState | null): string[] {
  const changed: string[] = [];
  for (const file of manifest.files) {
    const target = join(root, SRC, file.path);
    if (existsSync(target) && sha256(readFileSync(target)) === file.sha256) continue;
    mkdirSync(dirname(target), {recursive: true});
    renameSync(join(staging, file.path), target);
    changed.push(file.path);
  }
  const made = new Set(manifest.files.map((file) => file.path));
  for (const {path} of previous?.files ?? []) {
    if (!made.has(path)) rmSync(join(root, SRC, path), {force: true});
  }
  return changed;
}

/** When the installed set was last changed (for messages): the newest installed file's time. */
export function installedAt(root: string): Date | null {
  const state = readSetState(root);
  const times = (state?.files ?? []).map(({path}) => statSync(join(root, SRC, path), {throwIfNoEntry: false})?.mtimeMs ?? 0);
  return times.length ? new Date(Math.max(...times)) : null;
}
