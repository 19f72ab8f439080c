// A throw-away copy of the project for tests and the benchmark that edit source records and loaders: every file
// git knows of (tracked, or new and not ignored) as it is in the work tree, and a symlink to
// node_modules. The real work tree is never touched.
import {execFileSync} from "node:child_process";
import {cpSync, existsSync, mkdirSync, mkdtempSync, rmSync, symlinkSync} from "node:fs";
import {tmpdir} from "node:os";
import {dirname, join, resolve} from "node:path";

export const PROJECT_ROOT = resolve(import.meta.dirname, "..", "..");

export interface TempProject {
  dir: string;
  remove: () => void;
}

/**
 * Framework's caches of bundled packages: derived from node_modules alone, and slow to rebuild
 * (most of a cold build). Loader outputs (cache/data) and their fingerprints are not copied.
 */
const PACKAGE_CACHES = ["_npm", "_node", "_observablehq"].map((name) => join("src", ".observablehq", "cache", name));

export interface CopyOptions {
  /** The folder to make the copy in (a small disk, in the fault tests); the system's temporary folder by default. */
  parent?: string;
  /** Copy Framework's package caches (needed only by tests that build the site). */
  packageCaches?: boolean;
}

export function copyProject({parent = tmpdir(), packageCaches = true}: CopyOptions = {}): TempProject {
  const dir = mkdtempSync(join(parent, "observatory-copy-"));
  const listed = execFileSync("git", ["ls-files", "-z", "--cached", "--others", "--exclude-standard"], {cwd: PROJECT_ROOT, encoding: "utf8"});
  for (const path of listed.split("\0")) {
    // A tracked file someone just deleted is listed but gone.
    if (!path || !existsSync(join(PROJECT_ROOT, path))) continue;
    mkdirSync(dirname(join(dir, path)), {recursive: true});
    cpSync(join(PROJECT_ROOT, path), join(dir, path), {preserveTimestamps: true});
  }
  symlinkSync(join(PROJECT_ROOT, "node_modules"), join(dir, "node_modules"), "dir");
  for (const cache of packageCaches ? PACKAGE_CACHES : []) {
    if (existsSync(join(PROJECT_ROOT, cache))) cpSync(join(PROJECT_ROOT, cache), join(dir, cache), {recursive: true});
  }
  return {dir, remove: () => rmSync(dir, {recursive: true, force: true})};
}
