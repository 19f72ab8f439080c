// How long one loader run (a child process) may take before it is killed and counted as a
// failure. OBSERVATORY_LOADER_TIMEOUT_MS overrides the default.
export const DEFAULT_LOADER_TIMEOUT_MS = 120_000;

export function loaderTimeoutMs(env: NodeJS.ProcessEnv = process.env): number {
  const text = env.OBSERVATORY_LOADER_TIMEOUT_MS;
  if (text === undefined || text === "") return DEFAULT_LOADER_TIMEOUT_MS;
  const ms = Number(text);
  if (!Number.isFinite(ms) || ms <= 0) throw new Error(`OBSERVATORY_LOADER_TIMEOUT_MS must be a positive number of milliseconds, not "${text}"`);
  return ms;
}
