// The files a loader entry point depends on: its TypeScript import graph (esbuild's metafile,
// bare packages left out) plus the files it reads at run time.
import {build} from "esbuild";
import {join, resolve} from "node:path";
import {toPosix, type EntryPoint} from "./project.ts";

/** Thrown when a module in the graph does not parse: the message names file and line. */
export class GraphError extends Error {
  constructor(entry: string, detail: string) {
    super(`${entry}: cannot follow its imports:\n${detail}`);
    this.name = "GraphError";
    this.stack = `${this.name}: ${this.message}`;
  }
}

/** The local modules `module` imports, directly or not, itself included; paths relative to root. */
export async function importGraph(root: string, module: string): Promise<string[]> {
  try {
    const result = await build({
      absWorkingDir: resolve(root),
      entryPoints: [module],
      bundle: true,
      write: false,
      metafile: true,
      platform: "node",
      format: "esm",
      target: "node20",
      packages: "external",
      logLevel: "silent"
    });
    return Object.keys(result.metafile.inputs)
      .filter((path) => !path.includes("node_modules/") && !path.includes(":"))
      .map(toPosix)
      .sort();
  } catch (error) {
    const errors = (error as {errors?: {text: string; location?: {file: string; line: number}}[]}).errors ?? [];
    const detail = errors.length
      ? errors.map((e) => (e.location ? `${e.location.file}:${e.location.line}: ${e.text}` : e.text)).join("\n")
      : String((error as Error).message);
    throw new GraphError(module, detail);
  }
}

/** Every file `entry` depends on (modules and run-time files), sorted, without repeats. */
export async function dependencies(root: string, entry: EntryPoint): Promise<string[]> {
  const graphs = await Promise.all([entry.path, ...entry.runtimeModules].map((module) => importGraph(root, module)));
  return [...new Set([...graphs.flat(), ...entry.runtimeFiles])].sort();
}

export function absolute(root: string, path: string): string {
  return join(resolve(root), path);
}
