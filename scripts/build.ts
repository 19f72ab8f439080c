// `npm run build`: the whole site or nothing.
//   1. Remove what a killed run left behind (scripts/freshness/temporaries.ts).
//   2. Bring the snapshot set up to date: every snapshot and first-state file at once, or the
//      build stops (scripts/freshness/snapshotSet.ts).
//   3. Run any other loader whose dependencies changed (scripts/freshness/freshen.ts).
//   4. `observable build` into a fresh folder, dist.fresh-<pid>.
//   5. Bake every page's first state into its HTML (scripts/bake/bake.ts); a figure that does
//      not bake fails the build. Only when all this succeeded and the folder has
//      its index page is the old dist/ swapped out for it (without the benchmark's reference
//      page, unless OBSERVATORY_BENCH=1). A failed or killed build leaves the
//      previous dist/ exactly as it was.
import {spawn} from "node:child_process";
import {existsSync, renameSync, rmSync} from "node:fs";
import {join} from "node:path";
import {bakeSite} from "./bake/bake.ts";
import {freshen} from "./freshness/freshen.ts";
import {refreshSnapshotSet} from "./freshness/snapshotSet.ts";
import {removeTemporaries} from "./freshness/temporaries.ts";
import {loaderTimeoutMs} from "./freshness/timeLimit.ts";

const root = process.cwd();
const OUTPUT = "dist";
const log = (line: string) => process.stderr.write(`${line}\n`);
const fail = (why: string): never => {
  log(`build: ${why}\nbuild: FAILED — the previous site in ${OUTPUT}/ is untouched.`);
  process.exit(1);
};

const started = performance.now();
for (const path of removeTemporaries(root, OUTPUT)) log(`build: removed ${path}, left by a run that was killed`);

const set = await refreshSnapshotSet(root, {log});
if (set.status === "failed") fail(`the snapshot set could not be made:\n${set.error!.trimEnd()}`);
log(set.status === "fresh" ? "freshness: snapshot set unchanged and reused" : `freshness: snapshot set made in ${(set.milliseconds / 1000).toFixed(1)} s (${set.changed.length} files changed)`);

const reports = await freshen(root, {mode: "build", log});
if (reports.some((r) => r.status === "failed")) fail("a loader failed (above)");
if (reports.length) log(`freshness: ${reports.filter((r) => r.status === "fresh").length} of ${reports.length} other loader outputs unchanged and reused`);

const staging = `${OUTPUT}.fresh-${process.pid}`;
const framework = spawn(join(root, "node_modules", ".bin", "observable"), ["build"], {cwd: root, stdio: "inherit", env: {...process.env, OBSERVATORY_OUTPUT: staging}});
for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"] as const) {
  process.on(signal, () => {
    framework.kill("SIGKILL");
    rmSync(join(root, staging), {recursive: true, force: true});
    process.exit(1);
  });
}
// Framework's build runs no loader of ours (the freshness steps did, time-limited), so its own
// limit only guards against a hang: the loader limit times four.
const timer = setTimeout(() => framework.kill("SIGKILL"), 4 * loaderTimeoutMs());
const code = await new Promise<number | null>((resolve) => framework.on("close", resolve));
clearTimeout(timer);
if (code !== 0 || !existsSync(join(root, staging, "index.html"))) {
  rmSync(join(root, staging), {recursive: true, force: true});
  fail(code === null ? "observable build was killed (time limit)" : `observable build exited with code ${code}`);
}

// The benchmark's Plot-only reference page (src/bench/) and its rows are for `npm run bench`,
// which builds with OBSERVATORY_BENCH=1; the site readers get does not ship them.
if (process.env.OBSERVATORY_BENCH !== "1") {
  for (const path of ["bench", join("_file", "data", "bench")]) rmSync(join(root, staging, path), {recursive: true, force: true});
}

// Every page's first state drawn into its HTML (scripts/bake/): a figure that cannot be baked fails the build.
const bakeStarted = performance.now();
// OBSERVATORY_BAKE_CACHE=0 bakes every page afresh (the cache is scripts/bake/bake.ts, bakeCacheDir).
const baked = await bakeSite(join(root, "src"), join(root, staging), {log, cache: process.env.OBSERVATORY_BAKE_CACHE !== "0"});
if (baked.problems.length) {
  rmSync(join(root, staging), {recursive: true, force: true});
  fail(`the bake found ${baked.problems.length} problems:\n${baked.problems.map((p) => `  ${p}`).join("\n")}`);
}
const reused = baked.pages.filter((page) => page.cached).length;
log(`bake: ${baked.pages.length} pages (${reused ? `${reused} unchanged, reused` : "none reused"}), ${baked.pages.reduce((n, p) => n + p.figures, 0)} figures in ${((performance.now() - bakeStarted) / 1000).toFixed(1)} s`);

// Swap: dist → dist.old-<pid>, dist.fresh-<pid> → dist. Killed in between, the next start puts the old site back.
const old = `${OUTPUT}.old-${process.pid}`;
if (existsSync(join(root, OUTPUT))) renameSync(join(root, OUTPUT), join(root, old));
renameSync(join(root, staging), join(root, OUTPUT));
rmSync(join(root, old), {recursive: true, force: true});
log(`build: ${OUTPUT}/ replaced with the new site in ${((performance.now() - started) / 1000).toFixed(1)} s`);
