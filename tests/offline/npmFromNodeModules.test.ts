import {describe, expect, it} from "vitest";
import {readFileSync} from "node:fs";
import {EXTENSION_HOSTS, NOT_INSTALLED, OfflineNpm, parseCdnSpecifier} from "../../scripts/offline/npmFromNodeModules.ts";

const npm = new OfflineNpm();
const installed = (name: string) => npm.packages.get(name)![0].version;

describe("offline npm", () => {
  it("parses scoped and unscoped CDN specifiers", () => {
    expect(parseCdnSpecifier("@duckdb/duckdb-wasm@1.29.0/dist/duckdb-eh.wasm")).toEqual({name: "@duckdb/duckdb-wasm", version: "1.29.0", path: "dist/duckdb-eh.wasm"});
    expect(parseCdnSpecifier("d3@7.9.0/+esm")).toEqual({name: "d3", version: "7.9.0", path: "+esm"});
  });

  it("answers a registry dist-tag look-up with the installed version", async () => {
    const body = await npm.registry("/@observablehq/plot/latest").json();
    expect(body.version).toBe(installed("@observablehq/plot"));
  });

  it("answers a range look-up with every installed version", async () => {
    const body = await npm.registry("/apache-arrow").json();
    expect(Object.keys(body.versions)).toContain(installed("apache-arrow"));
  });

  it("reports a package that is not installed with a placeholder version", async () => {
    const body = await npm.registry("/leaflet/latest").json();
    expect(body.version).toBe(NOT_INSTALLED);
  });

  it("refuses a CDN request for a package that is not installed, saying how to fix it", async () => {
    await expect(npm.cdn(`leaflet@${NOT_INSTALLED}/+esm`)).rejects.toThrow(/leaflet is not installed; add it with `npm install leaflet`/);
  });

  it("refuses a version that node_modules does not have", async () => {
    await expect(npm.cdn("d3@1.0.0/+esm")).rejects.toThrow(/d3@1.0.0 is requested but node_modules has/);
  });

  it("bundles a package as browser ESM with its dependencies left as CDN-style imports", async () => {
    const response = await npm.cdn(`d3@${installed("d3")}/+esm`);
    const text = await response.text();
    expect(response.headers.get("content-type")).toMatch(/javascript/);
    expect(text).toContain(`/npm/d3-array@${installed("d3-array")}/+esm`);
    expect(text).not.toContain("cdn.jsdelivr.net");
  });

  it("keeps a package's re-exports of its dependencies as static re-exports", async () => {
    const text = await (await npm.cdn(`d3@${installed("d3")}/+esm`)).text();
    expect(text).toMatch(/export\s*\*\s*from\s*"\/npm\/d3-array@/);
    expect(text).not.toMatch(/as default/);
  });

  it("keeps a default export when the module has one", async () => {
    const text = await (await npm.cdn(`parquet-wasm@${installed("parquet-wasm")}/esm/parquet_wasm.js/+esm`)).text();
    expect(text).toMatch(/as default/);
  });

  it("serves raw files byte for byte", async () => {
    const response = await npm.cdn(`@duckdb/duckdb-wasm@${installed("@duckdb/duckdb-wasm")}/package.json`);
    expect((await response.json()).name).toBe("@duckdb/duckdb-wasm");
  });

  it("answers 404 for a file the package does not have", async () => {
    const response = await npm.cdn(`d3@${installed("d3")}/no/such/file.js`);
    expect(response.status).toBe(404);
  });
});

describe("installOfflineFetch", () => {
  it("refuses every off-host request that is neither the CDN nor the registry", async () => {
    const {installOfflineFetch} = await import("../../scripts/offline/npmFromNodeModules.ts");
    const original = globalThis.fetch;
    try {
      installOfflineFetch(npm);
      await expect(fetch("https://extensions.duckdb.org/v1.1.1/wasm_eh/parquet.duckdb_extension.wasm")).rejects.toThrow(/offline build: refused a request/);
      expect((await (await fetch("https://registry.npmjs.org/d3/latest")).json()).version).toBe(installed("d3"));
    } finally {
      globalThis.fetch = original;
    }
  });
});

describe("DuckDB's wasm", () => {
  it("ships with its extension-repository addresses replaced by invalid hosts of the same length", async () => {
    const version = installed("@duckdb/duckdb-wasm");
    const original = readFileSync(`node_modules/@duckdb/duckdb-wasm/dist/duckdb-eh.wasm`);
    const served = Buffer.from(await (await npm.cdn(`@duckdb/duckdb-wasm@${version}/dist/duckdb-eh.wasm`)).arrayBuffer());
    expect(original.includes("https://extensions.duckdb.org")).toBe(true);
    expect(served.length).toBe(original.length);
    for (const [host, inert] of EXTENSION_HOSTS) {
      expect(served.includes(host)).toBe(false);
      expect(served.includes(inert)).toBe(true);
    }
  });
});
