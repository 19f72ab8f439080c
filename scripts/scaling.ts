// Figures for docs/scaling.md: synthetic observations-shaped tables of 1M and 10M rows — how
// long DuckDB in Node takes to write and aggregate them, how big their Parquet is (whole,
// pre-aggregated, partitioned by page), and how long parquet-wasm takes to decode one, as the
// browser does before DuckDB-WASM sees it.
//   npx tsx scripts/scaling.ts                 1M and 10M rows (about a minute; 1 GB of memory)
//   npx tsx scripts/scaling.ts 100000,1000000  other sizes
import {DuckDBInstance} from "@duckdb/node-api";
import {readParquet} from "parquet-wasm/node";
import {mkdtempSync, readdirSync, readFileSync, rmSync, statSync} from "node:fs";
import {loadavg, tmpdir} from "node:os";
import {join} from "node:path";

const dir = mkdtempSync(join(tmpdir(), "observatory-scaling-"));
const sizes = (process.argv[2] ?? "1000000,10000000").split(",").map(Number);
const db = await (await DuckDBInstance.create(":memory:")).connect();
const time = async (sql: string) => {
  const t = performance.now();
  const reader = await db.runAndReadAll(sql);
  return {ms: performance.now() - t, rows: reader.getRowsJS()};
};
const mib = (bytes: number) => (bytes / 2 ** 20).toFixed(1) + " MiB";
console.log(`load average ${loadavg().map((l) => l.toFixed(1)).join(" ")}; threads ${(await time("SELECT current_setting('threads')")).rows[0][0]}`);
for (const n of sizes) {
  const file = join(dir, `synthetic-${n}.parquet`);
  // 2,000 series (400 per page), each monthly over 25 years (2000–2024), repeated for up to 40
  // geographies as the table grows; values to one decimal from a hash, so every run is the same.
  const make = await time(`COPY (
      SELECT 'series-' || (i % 2000) AS series_id,
             'geo-' || (i // 600000 % 40) AS geography,
             ['supply','trade','magnets','wind','robotics'][1 + i % 5] AS page,
             DATE '2000-01-01' + INTERVAL (i // 2000 % 300) MONTH AS period_start,
             (hash(i) % 1000000) / 10 AS value,
             't' AS unit, 'actual' AS basis
      FROM range(${n}) t(i)
    ) TO '${file}' (FORMAT parquet, COMPRESSION zstd)`);
  const size = statSync(file).size;
  const agg = await time(`SELECT series_id, year(period_start) AS year, sum(value) AS total, count(*) AS n
      FROM read_parquet('${file}') GROUP BY ALL ORDER BY ALL`);
  const one = await time(`SELECT year(period_start) AS year, sum(value) FROM read_parquet('${file}')
      WHERE series_id = 'series-42' GROUP BY ALL ORDER BY ALL`);
  const aggFile = join(dir, `synthetic-${n}-by-year.parquet`);
  await time(`COPY (SELECT series_id, year(period_start) AS year, sum(value) AS total, count(*) AS n
      FROM read_parquet('${file}') GROUP BY ALL ORDER BY ALL) TO '${aggFile}' (FORMAT parquet, COMPRESSION zstd)`);
  const partDir = join(dir, `synthetic-${n}-by-page`);
  await time(`COPY (SELECT * FROM read_parquet('${file}')) TO '${partDir}' (FORMAT parquet, COMPRESSION zstd, PARTITION_BY (page), OVERWRITE_OR_IGNORE)`);
  const parts = readdirSync(partDir, {recursive: true}).filter((p) => String(p).endsWith(".parquet"));
  const partBytes = parts.map((p) => statSync(join(partDir, String(p))).size);
  const bytes = readFileSync(file);
  const t = performance.now();
  const table = readParquet(bytes);
  const decodeMs = performance.now() - t;
  const ipc = table.intoIPCStream().length;
  console.log(`${n.toLocaleString("en")} rows: write ${(make.ms / 1000).toFixed(1)} s, Parquet ${mib(size)}; ` +
    `aggregate to ${agg.rows.length.toLocaleString("en")} rows ${(agg.ms / 1000).toFixed(2)} s; one series ${(one.ms / 1000).toFixed(2)} s; ` +
    `pre-aggregated Parquet ${mib(statSync(aggFile).size)}; ${parts.length} page partitions ${mib(Math.min(...partBytes))}–${mib(Math.max(...partBytes))}; ` +
    `parquet-wasm decode ${(decodeMs / 1000).toFixed(2)} s to ${mib(ipc)} of Arrow`);
}
db.closeSync();
rmSync(dir, {recursive: true, force: true});
