// What a killed run leaves behind, removed at the next start: staged outputs (*.fresh-<pid>,
// files and folders), Framework's half-written loader outputs (<file>.<pid>, <file>.<pid>.err)
// in its cache, and a half-swapped site (dist.fresh-<pid>, dist.old-<pid>). Only temporaries of
// processes that are no longer running are touched, so a dev server and a build can share a
// checkout. A site swap killed between its two renames is finished backwards: the old site
// goes back to dist/.
import {existsSync, readdirSync, readFileSync, renameSync, rmSync} from "node:fs";
import {join} from "node:path";
import {CACHE, DATA} from "./project.ts";

const TEMPORARY = /\.(?:fresh-)?(\d+)(?:\.err)?$/;
const SITE_TEMPORARY = /^(.+)\.(fresh|old)-(\d+)$/;

export function isRunning(pid: number): boolean {
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
  // A killed process whose parent has not reaped it yet still answers signal 0; on Linux its
  // state in /proc is Z (zombie), and it will never write again.
  return !isZombie(pid);
}

function isZombie(pid: number): boolean {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    return stat.slice(stat.lastIndexOf(")") + 2).startsWith("Z");
  } catch {
    return false;
  }
}

/** Removes the temporaries of dead processes under the cache and src/data, and beside `output`; returns what it removed (relative to root). */
export function removeTemporaries(root: string, output = "dist"): string[] {
  const removed: string[] = [];
  const sweep = (dir: string, pattern: RegExp) => {
    const base = join(root, dir);
    if (!existsSync(base)) return;
    for (const entry of readdirSync(base, {withFileTypes: true})) {
      const path = join(dir, entry.name);
      const match = pattern.exec(entry.name);
      if (match && !isRunning(Number(match[1]))) {
        rmSync(join(root, path), {recursive: true, force: true});
        removed.push(path);
      } else if (entry.isDirectory() && !entry.name.startsWith("_")) {
        // Framework's package caches (_npm, _node, _observablehq) hold no temporaries.
        sweep(path, pattern);
      }
    }
  };
  sweep(CACHE, TEMPORARY);
  sweep(DATA, /\.fresh-(\d+)$/);
  for (const name of readdirSync(root)) {
    const match = SITE_TEMPORARY.exec(name);
    if (!match || match[1] !== output || isRunning(Number(match[3]))) continue;
    if (match[2] === "old" && !existsSync(join(root, output))) {
      renameSync(join(root, name), join(root, output));
      removed.push(`${name} (put back as ${output}/)`);
    } else {
      rmSync(join(root, name), {recursive: true, force: true});
      removed.push(name);
    }
  }
  return removed;
}
