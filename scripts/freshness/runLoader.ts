// Runs a loader (tsx, from the project root) as a child process in its own process group,
// with a time limit, its stdout written to a file. A run is ok only when the child exited 0,
// within the limit, and every byte it wrote reached the file (a full disk fails the run).
import {spawn} from "node:child_process";
import {createWriteStream} from "node:fs";
import {rm} from "node:fs/promises";
import {join} from "node:path";
import {loaderTimeoutMs} from "./timeLimit.ts";

export interface LoaderRun {
  ok: boolean;
  /** Everything the loader wrote to stderr (its validation report, when it fails), and why the run failed. */
  stderr: string;
  /** The output file (only when ok). */
  output: string;
  milliseconds: number;
  timedOut: boolean;
}

export interface RunOptions {
  /** Arguments after the entry point. */
  args?: readonly string[];
  /** Where stdout goes; discarded when omitted. */
  output?: string;
  timeoutMs?: number;
}

/** Runs `entry` with tsx. A failed run leaves no output file behind. */
export async function runLoader(root: string, entry: string, output?: string, options: RunOptions = {}): Promise<LoaderRun> {
  const timeoutMs = options.timeoutMs ?? loaderTimeoutMs();
  const start = performance.now();
  let stderr = "";
  let writeError: Error | undefined;
  const file = output ? createWriteStream(output) : undefined;
  if (file) {
    file.on("error", (error) => (writeError ??= error));
    const opened = await new Promise<boolean>((resolve) => file.once("open", () => resolve(true)).once("error", () => resolve(false)));
    if (!opened) return {ok: false, stderr: `${entry}: cannot write ${output}: ${writeError?.message}\n`, output: output!, milliseconds: performance.now() - start, timedOut: false};
  }
  const child = spawn(join(root, "node_modules", ".bin", "tsx"), [entry, ...(options.args ?? [])], {cwd: root, stdio: ["ignore", file ? "pipe" : "ignore", "pipe"], detached: true});
  child.stderr!.setEncoding("utf8").on("data", (chunk: string) => (stderr += chunk));
  if (file) child.stdout!.pipe(file);
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    killGroup(child.pid, "SIGKILL");
  }, timeoutMs);
  const code = await new Promise<number | null>((resolve) => {
    child.on("error", (error) => {
      stderr += `${error.message}\n`;
      resolve(null);
    });
    child.on("close", (code) => resolve(code));
  });
  clearTimeout(timer);
  // The child may be gone while its grandchildren (tsx runs node) still hold the pipe.
  killGroup(child.pid, "SIGKILL");
  if (file) await new Promise<void>((resolve) => (file.closed ? resolve() : file.once("close", () => resolve()).end()));
  const ok = code === 0 && !timedOut && !writeError;
  if (timedOut) stderr += `${entry}: killed after ${(timeoutMs / 1000).toFixed(1)} s (the time limit, OBSERVATORY_LOADER_TIMEOUT_MS)\n`;
  else if (code !== 0 && code !== null) stderr += `${entry}: loader exited with code ${code}\n`;
  if (writeError) stderr += `${entry}: writing ${output} failed: ${writeError.message}\n`;
  if (!ok && output) await rm(output, {force: true});
  return {ok, stderr, output: output ?? "", milliseconds: performance.now() - start, timedOut};
}

function killGroup(pid: number | undefined, signal: NodeJS.Signals): void {
  if (!pid) return;
  try {
    process.kill(-pid, signal);
  } catch {
    // Already gone.
  }
}
