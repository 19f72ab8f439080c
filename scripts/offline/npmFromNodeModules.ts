// Framework 1.13 fetches every `npm:` module from jsDelivr and asks registry.npmjs.org
// which version to use. This module replaces `globalThis.fetch` inside Framework's
// process so that both are answered from node_modules (the versions locked in
// package-lock.json). Any other off-host request is refused, so a build can never
// quietly depend on the network.
import {build} from "esbuild";
import {existsSync, readFileSync, readdirSync, statSync} from "node:fs";
import {dirname, join, resolve} from "node:path";
import {fileURLToPath} from "node:url";
import {gzipSync} from "node:zlib";

const CDN = "https://cdn.jsdelivr.net/npm/";
const REGISTRY = "https://registry.npmjs.org/";
/** Version reported for packages Framework's standard library might load lazily but we do not install. */
export const NOT_INSTALLED = "0.0.0-not-installed";

interface InstalledPackage {
  name: string;
  version: string;
  dir: string;
}

const projectRoot = resolve(dirname(fileURLToPath(import.meta.url)), "..", "..");

/** Every package under node_modules (nested ones included), by name, top-level first. */
export function indexInstalledPackages(root = projectRoot): Map<string, InstalledPackage[]> {
  const index = new Map<string, InstalledPackage[]>();
  const visit = (modulesDir: string) => {
    if (!existsSync(modulesDir)) return;
    for (const entry of readdirSync(modulesDir)) {
      if (entry.startsWith(".")) continue;
      const dirs = entry.startsWith("@")
        ? readdirSync(join(modulesDir, entry)).map((sub) => join(modulesDir, entry, sub))
        : [join(modulesDir, entry)];
      for (const dir of dirs) {
        const manifest = join(dir, "package.json");
        if (!existsSync(manifest)) continue;
        const {name, version} = JSON.parse(readFileSync(manifest, "utf8"));
        if (typeof name !== "string" || typeof version !== "string") continue;
        const list = index.get(name) ?? [];
        list.push({name, version, dir});
        index.set(name, list);
        visit(join(dir, "node_modules"));
      }
    }
  };
  visit(join(root, "node_modules"));
  return index;
}

export interface CdnSpecifier {
  name: string;
  version: string;
  path: string;
}

/** Splits `@scope/name@1.2.3/dist/x.js` into name, version and path. */
export function parseCdnSpecifier(specifier: string): CdnSpecifier {
  const parts = specifier.split("/");
  const head = specifier.startsWith("@") ? `${parts.shift()}/${parts.shift()}` : parts.shift()!;
  const at = head.lastIndexOf("@");
  if (at <= 0) throw new Error(`offline npm: no version in CDN request for ${specifier}`);
  return {name: head.slice(0, at), version: head.slice(at + 1), path: parts.join("/")};
}

const CONTENT_TYPES: Record<string, string> = {
  ".js": "application/javascript; charset=utf-8",
  ".mjs": "application/javascript; charset=utf-8",
  ".cjs": "application/javascript; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".wasm": "application/wasm"
};

function contentType(path: string): string {
  const dot = path.lastIndexOf(".");
  return CONTENT_TYPES[dot >= 0 ? path.slice(dot) : ""] ?? "application/octet-stream";
}

export class OfflineNpm {
  readonly packages: Map<string, InstalledPackage[]>;

  constructor(root = projectRoot) {
    this.packages = indexInstalledPackages(root);
  }

  find(name: string, version: string): InstalledPackage {
    const match = this.packages.get(name)?.find((p) => p.version === version);
    if (match) return match;
    const installed = this.packages.get(name)?.map((p) => p.version).join(", ");
    throw new Error(
      installed
        ? `offline npm: ${name}@${version} is requested but node_modules has ${installed}; clear .observablehq/cache/_npm (npm run clean) after changing packages`
        : `offline npm: ${name} is not installed; add it with \`npm install ${name}\` so pages can import it offline`
    );
  }

  /** The registry document Framework reads: `{version}` for a dist-tag, `{versions}` for a range. */
  registry(pathname: string): Response {
    const segments = decodeURIComponent(pathname.replace(/^\//, "")).split("/");
    const name = segments[0].startsWith("@") ? `${segments[0]}/${segments[1]}` : segments[0];
    const distTag = segments[0].startsWith("@") ? segments[2] : segments[1];
    const versions = this.packages.get(name)?.map((p) => p.version) ?? [];
    if (versions.length === 0) versions.push(NOT_INSTALLED);
    const body = distTag ? {name, version: versions[0]} : {name, versions: Object.fromEntries(versions.map((v) => [v, {}]))};
    return Response.json(body);
  }

  async cdn(specifier: string): Promise<Response> {
    const {name, version, path} = parseCdnSpecifier(specifier);
    const pkg = this.find(name, version);
    if (path === "+esm" || path.endsWith("/+esm")) {
      const source = await this.bundle(pkg, path === "+esm" ? "" : path.slice(0, -"/+esm".length));
      return new Response(source, {headers: {"content-type": CONTENT_TYPES[".js"]}});
    }
    if (pkg.name === "@duckdb/duckdb-wasm" && path.endsWith(".wasm.gz")) return this.compressedWasm(pkg, path.slice(0, -".gz".length));
    const file = join(pkg.dir, path);
    if (!file.startsWith(pkg.dir) || !existsSync(file) || statSync(file).isDirectory()) {
      return new Response(`not found: ${specifier}`, {status: 404});
    }
    const bytes = pkg.name === "@duckdb/duckdb-wasm" && path.endsWith(".wasm") ? withoutExtensionHosts(readFileSync(file)) : readFileSync(file);
    return new Response(new Uint8Array(bytes), {headers: {"content-type": contentType(path)}});
  }

  /**
   * DuckDB's engine as the site ships it: `<name>.wasm.gz`, the patched wasm gzip-compressed
   * (35.7 MB → about 8 MB), inflated in the browser (src/components/engine.ts). No host has
   * to compress .wasm, and no file comes near a host's 25 MiB cap.
   */
  compressedWasm(pkg: InstalledPackage, path: string): Response {
    const file = join(pkg.dir, path);
    if (!file.startsWith(pkg.dir) || !existsSync(file)) return new Response(`not found: ${pkg.name}/${path}.gz`, {status: 404});
    const bytes = gzipSync(withoutExtensionHosts(readFileSync(file)), {level: 9});
    return new Response(new Uint8Array(bytes), {headers: {"content-type": "application/gzip"}});
  }

  /**
   * Like jsDelivr's `/+esm`: the package (or one file of it) as browser ESM, its dependencies
   * left as `/npm/dep@version/+esm`. The package's own entry file is esbuild's entry point, so
   * its exports (a default one included) and its `export * from "dependency"` stay static.
   */
  async bundle(pkg: InstalledPackage, subpath: string): Promise<string> {
    const entryPoint = await this.resolveEntry(pkg, subpath ? `${pkg.name}/${subpath}` : pkg.name);
    const own = (specifier: string) => specifier === pkg.name || specifier.startsWith(`${pkg.name}/`);
    const result = await build({
      entryPoints: [entryPoint],
      absWorkingDir: projectRoot,
      bundle: true,
      write: false,
      format: "esm",
      platform: "browser",
      target: "es2022",
      minify: true,
      logLevel: "silent",
      plugins: [
        {
          name: "dependencies-as-cdn-imports",
          setup: (b) => {
            b.onResolve({filter: /^[^./]/}, (args) => {
              // A CommonJS require() cannot import an ES module URL: bundle what it requires.
              if (own(args.path) || args.kind === "entry-point" || args.kind === "require-call") return undefined;
              if (args.path.startsWith("node:")) return {path: args.path, external: true};
              const dep = parseBareSpecifier(args.path);
              const version = this.versionFrom(dep.name, args.resolveDir);
              if (!version) return undefined; // let esbuild resolve (and fail loudly) as usual
              return {path: `/npm/${dep.name}@${version}/${dep.path ? `${dep.path}/+esm` : "+esm"}`, external: true};
            });
          }
        }
      ]
    });
    // Some packages name the CDN as a fallback they can load themselves from (DuckDB-WASM's
    // getJsDelivrBundles); the shipped site must not be able to, so the address is made inert.
    return result.outputFiles[0].text.replaceAll(CDN, "/_offline/no-cdn/");
  }

  /** The file a browser bundler would load for `specifier` (package.json "exports", "module", "browser"…). */
  private async resolveEntry(pkg: InstalledPackage, specifier: string): Promise<string> {
    let resolved: string | undefined;
    await build({
      stdin: {contents: `import ${JSON.stringify(specifier)};`, resolveDir: pkg.dir, loader: "js"},
      bundle: true,
      write: false,
      platform: "browser",
      logLevel: "silent",
      plugins: [
        {
          name: "find-entry",
          setup: (b) => {
            b.onResolve({filter: /.*/}, async (args) => {
              if (args.path !== specifier || args.pluginData === "inner") return undefined;
              const result = await b.resolve(args.path, {kind: args.kind, resolveDir: args.resolveDir, pluginData: "inner"});
              if (result.errors.length) throw new Error(result.errors[0].text);
              resolved = result.path;
              return {path: args.path, external: true};
            });
          }
        }
      ]
    });
    if (!resolved) throw new Error(`offline npm: cannot resolve ${specifier}`);
    return resolved;
  }

  /** The version of `name` that a module under `fromDir` would load, per Node's resolution. */
  versionFrom(name: string, fromDir: string): string | undefined {
    for (let dir = fromDir; ; dir = dirname(dir)) {
      const manifest = join(dir, "node_modules", name, "package.json");
      if (existsSync(manifest)) return JSON.parse(readFileSync(manifest, "utf8")).version;
      if (dirname(dir) === dir) return undefined;
    }
  }
}

/**
 * DuckDB's wasm carries its extension repositories' addresses as defaults. The site turns
 * extension autoloading off, but so that no shipped byte can point there, each address is
 * overwritten with an invalid host of the same length (a same-length constant string in the
 * data section; nothing else moves).
 */
export const EXTENSION_HOSTS: [string, string][] = [
  ["https://extensions.duckdb.org", "https://no-extensions.invalid"],
  ["https://community-extensions.duckdb.org", "https://no-community-extensions.invalid"],
  ["https://nightly-extensions.duckdb.org", "https://no-nightly-extensions.invalid"]
];

export function withoutExtensionHosts(bytes: Buffer): Buffer {
  const patched = Buffer.from(bytes);
  for (const [host, inert] of EXTENSION_HOSTS) {
    if (host.length !== inert.length) throw new Error(`offline npm: ${inert} must be as long as ${host}`);
    const from = Buffer.from(host);
    for (let at = patched.indexOf(from); at !== -1; at = patched.indexOf(from, at + from.length)) patched.write(inert, at, "latin1");
  }
  return patched;
}

function parseBareSpecifier(specifier: string): {name: string; path: string} {
  const parts = specifier.split("/");
  const name = specifier.startsWith("@") ? `${parts.shift()}/${parts.shift()}` : parts.shift()!;
  return {name, path: parts.join("/")};
}

/** Replaces globalThis.fetch: CDN and registry from node_modules, every other off-host URL refused. */
export function installOfflineFetch(npm = new OfflineNpm()): void {
  const onlineFetch = globalThis.fetch;
  globalThis.fetch = async (input: string | URL | Request, init?: RequestInit) => {
    const href = typeof input === "string" ? input : input instanceof URL ? input.href : input.url;
    if (href.startsWith(CDN)) return npm.cdn(href.slice(CDN.length));
    if (href.startsWith(REGISTRY)) return npm.registry(new URL(href).pathname);
    const url = new URL(href);
    if (url.hostname === "localhost" || url.hostname === "127.0.0.1") return onlineFetch(input, init);
    throw new Error(`offline build: refused a request to ${href}; the Observatory builds with no network`);
  };
}
