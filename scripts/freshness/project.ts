// Where things live in an Observatory checkout, relative to its root: the Framework source
// root, the loader entry points, the cache Framework keeps their outputs in, and the files
// loaders read at run time (which no import graph can see).
import {existsSync, readdirSync} from "node:fs";
import {join, relative, sep} from "node:path";

export const SRC = "src";
export const DATA = join(SRC, "data");
export const CACHE = join(SRC, ".observablehq", "cache");
export const LOADERS = "data-loaders";
/** Where the freshness pass keeps the last dependency hash of each entry point (git-ignored). */
export const STATE_FILE = join(CACHE, ".freshness.json");

/** A data loader entry point, e.g. src/data/observations.parquet.ts, and what it depends on besides its imports. */
export interface EntryPoint {
  /** The entry point, relative to the project root (as Framework runs it). */
  path: string;
  /** The file it generates, relative to src/ (as pages ask for it): data/observations.parquet. */
  target: string;
  /** Where Framework caches that file, relative to the project root. */
  cachePath: string;
  /** Modules it imports by a computed path (so their own imports count too). */
  runtimeModules: string[];
  /** Files it reads at run time. A missing one counts too: creating it must refresh the snapshot. */
  runtimeFiles: string[];
}

/** Every file under dir (relative to root), sorted, or none if dir does not exist. */
export function filesUnder(root: string, dir: string): string[] {
  const base = join(root, dir);
  if (!existsSync(base)) return [];
  return (readdirSync(base, {recursive: true, withFileTypes: true}) as import("node:fs").Dirent[])
    .filter((entry) => entry.isFile())
    .map((entry) => toPosix(relative(root, join(entry.parentPath, entry.name))))
    .sort();
}

const MODULE = /\.(ts|js|mjs|cjs|mts|cts)$/;

/**
 * Every loader entry point under src/data: files named <name>.<ext>.ts (a second extension is
 * what makes a .ts file a loader rather than a module a page imports).
 */
export function findEntryPoints(root: string): EntryPoint[] {
  // Loaders read curated records (sources/, and any other data file under data-loaders/) at
  // run time; their .ts modules are followed through the import graph instead.
  const dataFiles = filesUnder(root, LOADERS).filter((path) => !MODULE.test(path));
  return filesUnder(root, DATA)
    .filter((path) => /\.[A-Za-z0-9]+\.ts$/.test(path))
    .map((path) => {
      const target = toPosix(relative(SRC, path)).replace(/\.ts$/, "");
      const entry: EntryPoint = {path, target, cachePath: toPosix(join(CACHE, target)), runtimeModules: [], runtimeFiles: [...dataFiles]};
      // src/data/initial/<page>.json.ts (scripts/snapshot-set/precompute.ts) imports src/queries/<page>.ts
      // by a computed path and reads the static ```sql blocks of src/<page>.md.
      const page = /^data\/initial\/(.+)\.json$/.exec(target)?.[1];
      if (page) {
        const queries = toPosix(join(SRC, "queries", `${page}.ts`));
        if (existsSync(join(root, queries))) entry.runtimeModules.push(queries);
        entry.runtimeFiles.push(toPosix(join(SRC, `${page}.md`)), queries);
      }
      return entry;
    });
}

export function toPosix(path: string): string {
  return sep === "/" ? path : path.split(sep).join("/");
}
