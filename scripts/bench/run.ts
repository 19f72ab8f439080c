// npm run bench — prints one table: per-page time to first chart and bytes (cold and warm)
// beside a Plot-only reference page measured in the same run, SQL timings in DuckDB-WASM
// and native DuckDB, build times, and snapshot sizes. Options:
//   --reuse-dist   skip the two timed builds and measure the dist/ that is there
//   --runs N       visits per page and runs per query (default 5)
//   --changes-only measure only the first/later change latency (over the dist/ that is there)
//   --pages-only   measure only the page loads (first chart, layout shifts, bytes)
//   --notebook-only measure only the notebook's 1M-row cell (over the dist/ that is there)
//   --build-only   measure only build and preview speed (in a throw-away copy of the project)
import {execFileSync} from "node:child_process";
import {existsSync, mkdirSync, readdirSync, readFileSync, statSync, utimesSync, writeFileSync} from "node:fs";
import {cpus} from "node:os";
import {join, resolve} from "node:path";
import {mkdtemp, rm} from "node:fs/promises";
import {tmpdir} from "node:os";
import {openSnapshotDatabase} from "../snapshot-set/precompute.ts";
import {SNAPSHOT_BUILDERS} from "../../data-loaders/snapshots.ts";
import config from "../../observablehq.config.ts";
import {launchBrowser} from "../site/chromium.ts";
import {serveDirectory, serveDirectoryCompressed} from "../site/serve.ts";
import {CHANGE_HEADERS, changeRows, measureChanges} from "./changes.ts";
import {LOCALHOST, READER_NETWORK} from "./network.ts";
import {serveDirectoryHttp2} from "../site/serveHttp2.ts";
import {BUILD_SPEED_HEADERS, measureBuildSpeed} from "./buildSpeed.ts";
import {measurePages} from "./pageLoad.ts";
import {measureSql} from "./sql.ts";
import {NOTEBOOK_HEADERS, measureNotebook, notebookRows} from "./notebook.ts";

const root = resolve(import.meta.dirname, "..", "..");
const dist = join(root, "dist");
const args = process.argv.slice(2);
const changesOnly = args.includes("--changes-only");
const pagesOnly = args.includes("--pages-only");
const notebookOnly = args.includes("--notebook-only");
const buildOnly = args.includes("--build-only");
const reuseDist = args.includes("--reuse-dist") || changesOnly || notebookOnly;
const runs = args.includes("--runs") ? Number(args[args.indexOf("--runs") + 1]) : 5;
if (!Number.isInteger(runs) || runs < 1) throw new Error("--runs takes a whole number of at least 1");
const REFERENCE = "/bench/plot-reference";

const log = (message: string) => process.stderr.write(`bench: ${message}\n`);
const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
const megabytes = (bytes: number) => `${(bytes / 1e6).toFixed(2)} MB`;
const kilobytes = (bytes: number) => `${(bytes / 1e3).toFixed(1)} kB`;

function timed(command: string, commandArgs: string[]): number {
  const start = performance.now();
  // OBSERVATORY_BENCH=1: keep the Plot-only reference page, which the production build leaves out.
  execFileSync(command, commandArgs, {cwd: root, stdio: ["ignore", "ignore", "inherit"], env: {...process.env, OBSERVATORY_BENCH: "1"}});
  return performance.now() - start;
}

function version(name: string): string {
  return JSON.parse(readFileSync(join(root, "node_modules", name, "package.json"), "utf8")).version;
}

function table(headers: string[], rows: string[][]): string {
  const widths = headers.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (cells: string[]) => `| ${cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join(" | ")} |`;
  return [line(headers), `|${widths.map((w, i) => (i === 0 ? "-".repeat(w + 2) : "-".repeat(w + 1) + ":")).join("|")}|`, ...rows.map(line)].join("\n");
}

async function snapshotSizes(): Promise<string[][]> {
  const dir = await mkdtemp(join(tmpdir(), "observatory-bench-"));
  const {connection, close} = await openSnapshotDatabase();
  try {
    const rows: string[][] = [];
    for (const [name, build] of Object.entries(SNAPSHOT_BUILDERS)) {
      const parquet = (await build()).byteLength;
      const csvPath = join(dir, `${name}.csv`);
      await connection.run(`COPY "${name}" TO '${csvPath}' (FORMAT csv, HEADER)`);
      const count = Number((await connection.runAndReadAll(`SELECT count(*) FROM "${name}"`)).getRows()[0][0]);
      const csv = statSync(csvPath).size;
      rows.push([name, count.toLocaleString("en"), kilobytes(parquet), kilobytes(csv), (csv / parquet).toFixed(1) + "×"]);
    }
    return rows;
  } finally {
    await close();
    await rm(dir, {recursive: true, force: true});
  }
}

/** Runs per page for the change latencies (each run is a page load and two idle waits). */
const changeRuns = Math.min(runs, 4);

async function changesSection(themePages: string[]): Promise<string> {
  const browser = await launchBrowser();
  const {url, server} = await serveDirectory(dist);
  const compressed = await serveDirectoryCompressed(dist);
  try {
    log(`first and later changes on localhost, ${changeRuns} runs per page…`);
    const local = await measureChanges(browser, url, themePages, changeRuns, LOCALHOST);
    log(`first and later changes at ${READER_NETWORK.name} (gzip as static hosts send it), ${changeRuns} runs per page…`);
    const emulated = await measureChanges(browser, compressed.url, themePages, changeRuns, READER_NETWORK);
    const inputs = local.map((r) => `${r.path}: ${[...new Set(r.inputs)].join("; ")}`);
    return [
      `Changes: ${changeRuns} runs per page and network, each in a new context and on another input; until <main> is quiet for 600 ms. Inputs changed first:`,
      ...inputs.map((line) => `  ${line}`),
      "",
      table(CHANGE_HEADERS, [...local, ...emulated].sort((a, b) => a.path.localeCompare(b.path)).flatMap((r) => changeRows([r])))
    ].join("\n");
  } finally {
    await browser.close();
    server.close();
    await compressed.close();
  }
}

async function notebookSection(): Promise<string> {
  const browser = await launchBrowser();
  const {url, server} = await serveDirectory(dist);
  try {
    const notebookRuns = Math.min(runs, 3);
    log(`the notebook's 1M-row cell, ${notebookRuns} runs…`);
    const results = await measureNotebook(browser, url, notebookRuns);
    return [`Notebook: one SQL cell returning 1,000,000 generated rows × 6 columns (row cap raised to 1,000,000), ${notebookRuns} runs in one tab; scrolled in 120 wheel steps of 120 px and 40 jumps, two frames each; long tasks from Chromium's PerformanceObserver.`, "", table(NOTEBOOK_HEADERS, notebookRows(results))].join("\n");
  } finally {
    await browser.close();
    server.close();
  }
}

/** dist/ in all and its five largest files. */
function distSizes(): string {
  const files: [string, number][] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, {withFileTypes: true})) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else files.push([path.slice(dist.length + 1), statSync(path).size]);
    }
  };
  walk(dist);
  files.sort((a, b) => b[1] - a[1]);
  const total = files.reduce((sum, [, size]) => sum + size, 0);
  return table(["dist/", "bytes"], [["all files", megabytes(total)], ...files.slice(0, 5).map(([path, size]) => [path, megabytes(size)])]);
}

async function main() {
  if (buildOnly) {
    process.stdout.write(table(BUILD_SPEED_HEADERS, await measureBuildSpeed(Math.min(runs, 3), log)) + "\n");
    return;
  }
  const builds: string[][] = [];
  if (!reuseDist) {
    log("clean build…");
    timed("npm", ["run", "clean", "--silent"]);
    builds.push(["clean build (npm run clean && npm run build)", seconds(timed("npm", ["run", "build", "--silent"]))]);
    log("rebuild after touching one page…");
    const now = new Date();
    utimesSync(join(root, "src", "supply.md"), now, now);
    builds.push(["rebuild after touching src/supply.md", seconds(timed("npm", ["run", "build", "--silent"]))]);
  } else if (!existsSync(join(dist, "index.html"))) {
    throw new Error("--reuse-dist: there is no dist/; run npm run build first");
  } else if (!changesOnly && !notebookOnly && !existsSync(join(dist, "bench", "plot-reference.html"))) {
    throw new Error("--reuse-dist: dist/ has no reference page (the production build leaves it out); build with OBSERVATORY_BENCH=1 npm run build");
  }

  const themePages = config.pages.map((p: {path: string}) => p.path).filter((p: string) => !["/", "/sources", "/sql"].includes(p));
  if (changesOnly) {
    const text = await changesSection(themePages);
    process.stdout.write(text + "\n");
    return;
  }
  if (notebookOnly) {
    process.stdout.write((await notebookSection()) + "\n");
    return;
  }
  const pages = [REFERENCE, ...config.pages.map((p: {path: string}) => p.path).filter((p: string) => p !== "/sql")];
  const {url, server} = await serveDirectory(dist);
  const http2 = await serveDirectoryHttp2(dist);
  const browser = await launchBrowser();
  const {connection, close} = await openSnapshotDatabase();
  try {
    log(`pages over HTTP/1.1: ${runs} cold and ${runs} warm visits each…`);
    const results = await measurePages(browser, url, pages, runs);
    const reference = results.find((r) => r.path === REFERENCE)!;
    log(`pages over HTTP/2: ${runs} cold visits each…`);
    const results2 = await measurePages(browser, http2.url, pages, runs, {warm: false});
    const reference2 = results2.find((r) => r.path === REFERENCE)!;
    log(`pages at ${READER_NETWORK.name}, gzip as static hosts send it: ${runs} cold visits each…`);
    const compressed = await serveDirectoryCompressed(dist);
    const results3 = await measurePages(browser, compressed.url, pages, runs, {warm: false, network: READER_NETWORK}).finally(() => compressed.close());
    const reference3 = results3.find((r) => r.path === REFERENCE)!;
    const sql = pagesOnly ? null : (log("SQL…"), await measureSql(browser, url, dist, connection, runs));
    const changes = pagesOnly ? null : await changesSection(themePages);
    const notebook = pagesOnly ? null : await notebookSection();

    const out: string[] = [];
    out.push(`Rare Earth Observatory benchmark — ${new Date().toISOString().slice(0, 16)}Z`);
    out.push(`machine: ${cpus().length} cores (${cpus()[0]?.model.trim()}), Node ${process.versions.node}, Chromium ${browser.version()}`);
    out.push(`versions: @observablehq/framework ${version("@observablehq/framework")}, @duckdb/duckdb-wasm ${version("@duckdb/duckdb-wasm")}, @duckdb/node-api ${version("@duckdb/node-api")}, @observablehq/plot ${version("@observablehq/plot")}`);
    out.push(`method: headless Chromium on 127.0.0.1, median of ${runs} runs; cold = new browser context (empty cache), warm = same context again; first chart = first Plot SVG attached in <main>; bytes = encoded bytes received until the network is idle (no compression: the server sends files as they are); HTTP/1.1 = plain node server (six connections per host), HTTP/2 = the same files over TLS, as static hosts serve them; ${READER_NETWORK.name} = emulated in Chromium, files gzip'd as static hosts send them; layout shifts (no input) until the network is idle, over HTTP/1.1, the worst run's`);
    out.push("");
    out.push(
      table(
        ["page", "first chart cold", "ratio to reference", "HTTP/2 cold", "HTTP/2 ratio", `${READER_NETWORK.name} cold`, "ratio", "largest layout shift", "CLS", "bytes cold", "first chart warm", "bytes warm", "DuckDB fetched"],
        results.map((r, i) => [
          r.path === REFERENCE ? `${r.path} (Plot only)` : r.path,
          Number.isNaN(r.cold.firstChartMs) ? "no chart" : seconds(r.cold.firstChartMs),
          (r.cold.firstChartMs / reference.cold.firstChartMs).toFixed(2),
          Number.isNaN(results2[i].cold.firstChartMs) ? "no chart" : seconds(results2[i].cold.firstChartMs),
          (results2[i].cold.firstChartMs / reference2.cold.firstChartMs).toFixed(2),
          Number.isNaN(results3[i].cold.firstChartMs) ? "no chart" : seconds(results3[i].cold.firstChartMs),
          (results3[i].cold.firstChartMs / reference3.cold.firstChartMs).toFixed(2),
          r.cold.largestShift.toFixed(3),
          r.cold.cumulativeShift.toFixed(3),
          megabytes(r.cold.bytes),
          Number.isNaN(r.warm!.firstChartMs) ? "no chart" : seconds(r.warm!.firstChartMs),
          megabytes(r.warm!.bytes),
          r.cold.loadedDuckDB ? "yes" : "no"
        ])
      )
    );
    out.push("");
    if (sql && changes) {
      out.push(`DuckDB-WASM start in the page (module, wasm, snapshots, views): ${seconds(sql.wasmStartMs)}`);
      out.push("");
      const sqlRows = [sql.syntheticCreate, ...sql.timings].map((t) => [t.name, `${t.wasmMs.toFixed(1)} ms`, `${t.nodeMs.toFixed(1)} ms`, (t.wasmMs / t.nodeMs).toFixed(1) + "×"]);
      out.push(table(["query", "DuckDB-WASM (Chromium)", "DuckDB (Node, native)", "WASM / native"], sqlRows));
      out.push("");
      out.push(changes, "");
    }
    if (notebook) out.push(notebook, "");
    out.push(distSizes(), "");
    if (builds.length) out.push(table(["build", "time"], builds), "");
    if (!reuseDist) out.push(table(BUILD_SPEED_HEADERS, await measureBuildSpeed(Math.min(runs, 3), log)), "");
    out.push(table(["snapshot", "rows", "Parquet (zstd)", "CSV", "CSV / Parquet"], await snapshotSizes()));
    const text = out.join("\n");
    process.stdout.write(text + "\n");
    mkdirSync(join(root, "bench-results"), {recursive: true});
    writeFileSync(join(root, "bench-results", "latest.txt"), text + "\n");
    writeFileSync(join(root, "bench-results", "latest.json"), JSON.stringify({results, results2, results3, sql, builds}, null, 2));
  } finally {
    await close();
    await browser.close();
    server.close();
    http2.server.close();
  }
}

await main();
