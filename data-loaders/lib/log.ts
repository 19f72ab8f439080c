/** Loaders write their snapshot to stdout, so every message goes to stderr. */
export function log(message: string): void {
  process.stderr.write(`${message}\n`);
}
