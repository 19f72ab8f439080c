// `npm run dev`: Framework's preview, plus a watcher that keeps loader outputs in step with
// the files the loaders read. Framework 1.13 only watches a loader's entry point, so without
// this an edited source record or loader module would never reach the open page.
//
//   npm run dev                       preview on http://127.0.0.1:3000/ (or the next free port)
//   npm run dev -- --port 4000 --open any `observable preview` option passes through
import {spawn, type ChildProcess} from "node:child_process";
import {existsSync, readdirSync, statSync, watch, type FSWatcher} from "node:fs";
import {join, relative} from "node:path";
import {freshen} from "./freshness/freshen.ts";
import {CACHE, LOADERS, SRC} from "./freshness/project.ts";
import {installedAt, refreshSnapshotSet} from "./freshness/snapshotSet.ts";
import {removeTemporaries} from "./freshness/temporaries.ts";

const root = process.cwd();
const DEBOUNCE_MS = 200;

const args = process.argv.slice(2);
if (!args.some((arg) => arg === "--open" || arg === "--no-open")) args.push("--no-open");
if (!args.some((arg) => arg === "--host" || arg.startsWith("--host="))) args.push("--host", "127.0.0.1");

// Loaders that failed, by the fingerprint they failed at: not re-run until something changes.
const failed = new Map<string, string>();
let setFailedAt: string | undefined;
const log = (line: string) => process.stderr.write(`${line}\n`);

/** The snapshot set (all snapshots and first-state files, together or not at all), then any other loader. */
async function refresh(): Promise<void> {
  const set = await refreshSnapshotSet(root, {failedAt: setFailedAt, log});
  if (set.status === "refreshed") {
    setFailedAt = undefined;
    log(`freshness: snapshot set refreshed in ${(set.milliseconds / 1000).toFixed(1)} s (${set.changed.length ? set.changed.join(", ") : "no file changed"})`);
  } else if (set.status === "failed" && set.fingerprint !== setFailedAt) {
    setFailedAt = set.fingerprint;
    const since = installedAt(root);
    log(
      `freshness: snapshot set NOT refreshed — pages keep the whole last good set${since ? ` (made ${since.toLocaleTimeString("en-GB")})` : " (none yet)"}: ` +
        `no snapshot or first-state file changed.\n${set.error!.trimEnd()}`
    );
  }
  await freshen(root, {mode: "dev", failed, log});
}

for (const path of removeTemporaries(root)) log(`dev: removed ${path}, left by a run that was killed`);
log("dev: bringing snapshots up to date with data-loaders/ …");
await refresh();

// OBSERVATORY_PREVIEW tells the config to relax the page policy for the live preview (csp.ts).
const preview: ChildProcess = spawn(join(root, "node_modules", ".bin", "observable"), ["preview", ...args], {cwd: root, stdio: "inherit", env: {...process.env, OBSERVATORY_PREVIEW: "1"}});
preview.on("exit", (code, signal) => {
  closeWatchers();
  process.exit(code ?? (signal ? 1 : 0));
});

// One pass at a time; changes that arrive during a pass trigger one more pass after it.
let timer: NodeJS.Timeout | undefined;
let running = false;
let again = false;
function schedule(): void {
  clearTimeout(timer);
  timer = setTimeout(pass, DEBOUNCE_MS);
}
async function pass(): Promise<void> {
  if (running) return void (again = true);
  running = true;
  try {
    await refresh();
  } catch (error) {
    log(`dev: freshness pass failed: ${(error as Error).stack ?? error}`);
  } finally {
    running = false;
    if (again) {
      again = false;
      schedule();
    }
  }
}

// Watch data-loaders/, src/ and the snapshot-set step, except Framework's own cache (busy, and written by us).
const ignored = join(root, CACHE.split("/").slice(0, 2).join("/"));
const watchers: FSWatcher[] = [];
const watched = new Set<string>();
function watchTree(dir: string): void {
  if (watched.has(dir) || !existsSync(dir)) return;
  watched.add(dir);
  // The directory itself, shallowly, so new subdirectories get watched too…
  watchers.push(
    watch(dir, (_event, name) => {
      if (name && ownOutput(join(dir, name))) return;
      if (name && existsSync(join(dir, name)) && isDirectory(join(dir, name)) && join(dir, name) !== ignored) watchTree(join(dir, name));
      schedule();
    })
  );
  // …and each subdirectory, recursively, except the ignored one.
  for (const entry of readdirSync(dir, {withFileTypes: true})) {
    const path = join(dir, entry.name);
    if (!entry.isDirectory() || path === ignored || watched.has(path)) continue;
    watched.add(path);
    watchers.push(watch(path, {recursive: true}, (_event, name) => (name && ownOutput(join(path, name)) ? undefined : schedule())));
  }
}
/** Files the refresh itself writes (the installed set, staged temporaries): not edits. */
function ownOutput(path: string): boolean {
  const rel = relative(join(root, SRC, "data"), path);
  return /\.fresh-\d+/.test(path) || (!rel.startsWith("..") && /^(initial\/[^/]+\.json|[^/]+\.parquet)$/.test(rel));
}
function isDirectory(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}
function closeWatchers(): void {
  clearTimeout(timer);
  for (const watcher of watchers) watcher.close();
}
// The snapshot-set step lives in scripts/snapshot-set/: an edit to it re-runs the step too.
for (const dir of [LOADERS, SRC, "scripts/snapshot-set"]) watchTree(join(root, dir));
log(`dev: watching ${[LOADERS, SRC].map((d) => `${relative(root, join(root, d))}/`).join(" and ")}; an edited source record or loader module refreshes the snapshots that use it`);

for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.on(signal, () => {
    closeWatchers();
    preview.kill(signal);
  });
}
