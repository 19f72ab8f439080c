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

const root = process.cwd();
const DEBOUNCE_MS = 200;

const args = process.argv.slice(2);
if (!args.some((arg) => arg === "--open" || arg === "--no-open")) args.push("--no-open");
if (!args.some((arg) => arg === "--host" || arg.startsWith("--host="))) args.push("--host", "127.0.0.1");

// Loaders that failed, by the fingerprint they failed at: not re-run until something changes.
const failed = new Map<string, string>();
const log = (line: string) => process.stderr.write(`${line}\n`);

log("dev: bringing snapshots up to date with data-loaders/ …");
await freshen(root, {mode: "dev", failed, log});

const preview: ChildProcess = spawn(join(root, "node_modules", ".bin", "observable"), ["preview", ...args], {cwd: root, stdio: "inherit"});
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
    await freshen(root, {mode: "dev", failed, log});
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

// Watch data-loaders/ and src/, except Framework's own cache (busy, and written by us).
const ignored = join(root, CACHE.split("/").slice(0, 2).join("/"));
const watchers: FSWatcher[] = [];
const watched = new Set<string>();
function watchTree(dir: string): void {
  if (watched.has(dir) || !existsSync(dir)) return;
  watched.add(dir);
  // The directory itself, shallowly, so new subdirectories get watched too…
  watchers.push(
    watch(dir, (_event, name) => {
      if (name && existsSync(join(dir, name)) && isDirectory(join(dir, name)) && join(dir, name) !== ignored) watchTree(join(dir, name));
      schedule();
    })
  );
  // …and each subdirectory, recursively, except the ignored one.
  for (const entry of readdirSync(dir, {withFileTypes: true})) {
    const path = join(dir, entry.name);
    if (!entry.isDirectory() || path === ignored || watched.has(path)) continue;
    watched.add(path);
    watchers.push(watch(path, {recursive: true}, () => schedule()));
  }
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
for (const dir of [LOADERS, SRC]) watchTree(join(root, dir));
log(`dev: watching ${[LOADERS, SRC].map((d) => `${relative(root, join(root, d))}/`).join(" and ")}; an edited source record or loader module refreshes the snapshots that use it`);

for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.on(signal, () => {
    closeWatchers();
    preview.kill(signal);
  });
}
