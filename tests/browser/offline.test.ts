import {readFileSync, readdirSync, statSync} from "node:fs";
import {join, resolve} from "node:path";
import {gunzipSync} from "node:zlib";
import {MAX_FILE_BYTES, MAX_SITE_BYTES} from "../../scripts/offline/budget.ts";
import {cspHeader} from "../../scripts/offline/csp.ts";
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
    else if (/\.(html|js|css|json|wasm|wasm\.gz)$/.test(entry)) yield path;
  }
}

function* allFiles(dir: string): Generator<{path: string; bytes: number}> {
  for (const entry of readdirSync(dir)) {
    const path = join(dir, entry);
    const stat = statSync(path);
    if (stat.isDirectory()) yield* allFiles(path);
    else yield {path, bytes: stat.size};
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
      // DuckDB's engine ships gzip-compressed: search what the browser inflates.
      const text = file.endsWith(".gz") ? gunzipSync(readFileSync(file)).toString("latin1") : readFileSync(file, "latin1");
      const match = text.match(/\.wasm(\.gz)?$/.test(file) ? OFF_HOST_IN_WASM : OFF_HOST);
      if (match) offenders.push(`${file.slice(dist.length + 1)}: ${match[0]}`);
    }
    expect(files).toBeGreaterThan(10);
    expect(offenders).toEqual([]);
  });

  it("has no file over a static host's 25 MiB cap and fits the site budget", () => {
    const files = [...allFiles(dist)];
    const total = files.reduce((sum, f) => sum + f.bytes, 0);
    const largest = [...files].sort((a, b) => b.bytes - a.bytes).slice(0, 3).map((f) => `${f.path.slice(dist.length + 1)} ${f.bytes}`);
    console.log(`dist/: ${files.length} files, ${total} bytes; largest: ${largest.join(", ")}`);
    expect(files.filter((f) => f.bytes > MAX_FILE_BYTES).map((f) => f.path)).toEqual([]);
    expect(total).toBeLessThanOrEqual(MAX_SITE_BYTES);
    // DuckDB's engine ships once, compressed; the raw binaries and the mvp build do not ship.
    expect(files.filter((f) => /duckdb-(eh|mvp|coi)\.wasm$|duckdb-browser-mvp/.test(f.path))).toEqual([]);
    expect(files.filter((f) => f.path.endsWith("duckdb-eh.wasm.gz"))).toHaveLength(1);
  });

  it("gives every page the Content-Security-Policy that keeps it to this origin", () => {
    const pages = [...allFiles(dist)].filter((f) => f.path.endsWith(".html"));
    expect(pages.length).toBeGreaterThan(5);
    for (const {path} of pages) expect(readFileSync(path, "utf8"), path).toContain(`<meta http-equiv="Content-Security-Policy" content="${cspHeader()}">`);
    expect(cspHeader()).toMatch(/connect-src 'self' blob: data:;/);
    expect(cspHeader()).not.toMatch(/\*|https?:/);
    // 'unsafe-eval' is for the live preview only (npm run dev); the built site never has it.
    expect(cspHeader()).not.toContain("'unsafe-eval'");
  });
});
