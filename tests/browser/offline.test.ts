import {readFileSync, readdirSync, statSync} from "node:fs";
import {join, resolve} from "node:path";
import {describe, expect, inject, it} from "vitest";

const dist = resolve(import.meta.dirname, "..", "..", "dist");
const OFF_HOST = /https?:\/\/(cdn\.jsdelivr\.net|extensions\.duckdb\.org|fonts\.googleapis\.com|fonts\.gstatic\.com|registry\.npmjs\.org|unpkg\.com|esm\.sh)/;

function* textFiles(dir: string): Generator<string> {
  for (const entry of readdirSync(dir)) {
    const path = join(dir, entry);
    if (statSync(path).isDirectory()) yield* textFiles(path);
    else if (/\.(html|js|css|json)$/.test(entry)) yield path;
  }
}

describe("the built site needs no network", () => {
  it.skipIf(!inject("builtOffline"))("was built inside a network namespace with no interface", () => {
    // globalSetup ran `unshare -n npm run build`; reaching this line means it exited 0.
    expect(readdirSync(dist)).toContain("index.html");
  });

  it("ships no HTML, JavaScript, CSS or JSON that names a CDN, DuckDB's extension host or a web-font host", () => {
    const offenders: string[] = [];
    let files = 0;
    for (const file of textFiles(dist)) {
      files++;
      const match = readFileSync(file, "utf8").match(OFF_HOST);
      if (match) offenders.push(`${file.slice(dist.length + 1)}: ${match[0]}`);
    }
    expect(files).toBeGreaterThan(10);
    expect(offenders).toEqual([]);
  });
});
