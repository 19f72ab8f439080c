import {readFileSync, readdirSync, statSync} from "node:fs";
import {join, resolve} from "node:path";
import {describe, expect, inject, it} from "vitest";

const dist = resolve(import.meta.dirname, "..", "..", "dist");
const OFF_HOST = /https?:\/\/([a-z-]*extensions\.duckdb\.org|cdn\.jsdelivr\.net|fonts\.googleapis\.com|fonts\.gstatic\.com|registry\.npmjs\.org|unpkg\.com|esm\.sh)/;
// DuckDB's wasm also holds an HTML template for `EXPLAIN (FORMAT html)` that names a stylesheet
// on unpkg; the site never renders query output as HTML, so only the hosts DuckDB itself would
// fetch from (extensions) and the CDN count there.
const OFF_HOST_IN_WASM = /https?:\/\/([a-z-]*extensions\.duckdb\.org|cdn\.jsdelivr\.net)/;

function* textFiles(dir: string): Generator<string> {
  for (const entry of readdirSync(dir)) {
    const path = join(dir, entry);
    if (statSync(path).isDirectory()) yield* textFiles(path);
    else if (/\.(html|js|css|json|wasm)$/.test(entry)) yield path;
  }
}

describe("the built site needs no network", () => {
  it.skipIf(!inject("builtOffline"))("was built inside a network namespace with no interface", () => {
    // globalSetup ran `unshare -n npm run build`; reaching this line means it exited 0.
    expect(readdirSync(dist)).toContain("index.html");
  });

  it("ships no HTML, JavaScript, CSS, JSON or WebAssembly that names a CDN, DuckDB's extension hosts or a web-font host", () => {
    const offenders: string[] = [];
    let files = 0;
    for (const file of textFiles(dist)) {
      files++;
      // latin1 reads every byte as one character, so the same pattern searches the .wasm files.
      const match = readFileSync(file, "latin1").match(file.endsWith(".wasm") ? OFF_HOST_IN_WASM : OFF_HOST);
      if (match) offenders.push(`${file.slice(dist.length + 1)}: ${match[0]}`);
    }
    expect(files).toBeGreaterThan(10);
    expect(offenders).toEqual([]);
  });
});
