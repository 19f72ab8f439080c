// Runs a loader entry point the way Framework does (tsx, from the project root) into a
// temporary file, so a failing loader never replaces the last good snapshot.
import {spawn} from "node:child_process";
import {createWriteStream} from "node:fs";
import {rm} from "node:fs/promises";
import {join} from "node:path";

export interface LoaderRun {
  ok: boolean;
  /** Everything the loader wrote to stderr (its validation report, when it fails). */
  stderr: string;
  /** The output file (only when ok). */
  output: string;
  milliseconds: number;
}

export async function runLoader(root: string, entry: string, output: string): Promise<LoaderRun> {
  const start = performance.now();
  const file = createWriteStream(output);
  await new Promise<void>((resolve, reject) => file.on("open", () => resolve()).on("error", reject));
  const child = spawn(join(root, "node_modules", ".bin", "tsx"), [entry], {cwd: root, stdio: ["ignore", "pipe", "pipe"]});
  let stderr = "";
  child.stderr.setEncoding("utf8").on("data", (chunk: string) => (stderr += chunk));
  child.stdout.pipe(file);
  const code = await new Promise<number | null>((resolve) => {
    child.on("error", (error) => {
      stderr += `${error.message}\n`;
      resolve(null);
    });
    child.on("close", resolve);
  });
  await new Promise<void>((resolve) => (file.closed ? resolve() : file.on("close", () => resolve())));
  const ok = code === 0;
  if (!ok) {
    await rm(output, {force: true});
    if (code !== null) stderr += `${entry}: loader exited with code ${code}\n`;
  }
  return {ok, stderr, output, milliseconds: performance.now() - start};
}
