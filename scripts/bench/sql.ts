// SQL timings: the same queries in DuckDB-WASM (in Chromium, after the page's database is
// ready) and in native DuckDB in Node, median of several runs each.
import type {DuckDBConnection} from "@duckdb/node-api";
import {readdirSync} from "node:fs";
import {join} from "node:path";
import type {Browser} from "playwright-core";
import {median} from "./pageLoad.ts";

export interface SqlCase {
  name: string;
  sql: string;
}

/** Queries an analyst runs in the workbench, on the real tables. */
export const WORKBENCH_QUERIES: SqlCase[] = [
  {name: "rows per theme", sql: "SELECT theme, count(*) AS n FROM observations GROUP BY theme ORDER BY n DESC"},
  {
    name: "China's share of mine production",
    sql: `SELECT c.period_start, c.value / w.value AS share FROM observations c JOIN observations w
      ON c.period_start = w.period_start AND w.geography = 'World' AND w.dataset = c.dataset AND w.is_latest_vintage
      WHERE c.dataset = 'usgs_mine_production' AND c.geography = 'China' AND c.is_latest_vintage ORDER BY 1`
  },
  {name: "figures per source", sql: "SELECT s.title, count(o.row_id) AS figures FROM sources s LEFT JOIN observations o USING (source_id) GROUP BY s.title ORDER BY figures DESC"},
  {name: "checks with their rows", sql: "SELECT kind, count(*) AS findings FROM checks GROUP BY kind ORDER BY findings DESC"},
  {name: "latest value per series", sql: "SELECT series_id, arg_max(value, period_end) AS latest, max(period_end) AS period_end FROM observations WHERE value IS NOT NULL GROUP BY series_id ORDER BY series_id"}
];

export const SYNTHETIC_ROWS = 1_000_000;

/** Generated trade flows: clearly synthetic (the table's name says so), never shown as data. */
export const SYNTHETIC_SELECT = `SELECT i AS flow_id,
       DATE '2015-01-01' + CAST(i % 3650 AS INTEGER) AS day,
       'partner_' || CAST(i % 60 AS VARCHAR) AS partner,
       CAST(i % 12 AS INTEGER) AS product,
       CAST((i * 7919) % 100000 AS DOUBLE) / 10 AS tonnes,
       CAST((i * 104729) % 1000000 AS DOUBLE) / 100 AS value_usd
FROM range(${SYNTHETIC_ROWS}) AS t(i)`;

export const SYNTHETIC_CREATE = `CREATE OR REPLACE TABLE synthetic_trade_flows AS\n${SYNTHETIC_SELECT}`;

export const SYNTHETIC_QUERIES: SqlCase[] = [
  {name: "1M: total by partner", sql: "SELECT partner, sum(tonnes) AS t FROM synthetic_trade_flows GROUP BY partner ORDER BY t DESC"},
  {name: "1M: monthly series", sql: "SELECT date_trunc('month', day) AS month, sum(value_usd) AS v FROM synthetic_trade_flows GROUP BY month ORDER BY month"},
  {name: "1M: top 10 flows per product", sql: "SELECT * FROM (SELECT product, flow_id, tonnes, row_number() OVER (PARTITION BY product ORDER BY tonnes DESC, flow_id) AS r FROM synthetic_trade_flows) WHERE r <= 10 ORDER BY product, r"},
  {name: "1M: filtered count", sql: "SELECT count(*) FROM synthetic_trade_flows WHERE tonnes > 5000 AND day >= DATE '2020-01-01'"}
];

export interface SqlTiming {
  name: string;
  wasmMs: number;
  nodeMs: number;
}

async function timeNode(connection: DuckDBConnection, sql: string, runs: number): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    await connection.runAndReadAll(sql);
    times.push(performance.now() - start);
  }
  return median(times);
}

/** The page's db module, found by its content-hashed name in dist/. */
export function dbModulePath(dist: string): string {
  const dir = join(dist, "_import", "components");
  const file = readdirSync(dir).find((f) => /^db\.[0-9a-f]+\.js$/.test(f));
  if (!file) throw new Error(`no db module in ${dir}; build the site first`);
  return `/_import/components/${file}`;
}

export async function measureSql(browser: Browser, base: string, dist: string, node: DuckDBConnection, runs: number): Promise<{timings: SqlTiming[]; wasmStartMs: number; syntheticCreate: SqlTiming}> {
  const page = await browser.newPage();
  await page.goto(base + "/");
  const modulePath = dbModulePath(dist);
  const wasmStartMs = await page.evaluate(async (path) => {
    const start = performance.now();
    const db = await import(path);
    await db.getDatabase();
    return performance.now() - start;
  }, modulePath);
  const timeWasm = async (sql: string, n = runs) =>
    median(
      await page.evaluate(
        async ({sql, n}) => {
          const {query} = (globalThis as any).observatory;
          const times: number[] = [];
          for (let i = 0; i < n; i++) {
            const start = performance.now();
            await query(sql);
            times.push(performance.now() - start);
          }
          return times;
        },
        {sql, n}
      )
    );
  const timings: SqlTiming[] = [];
  for (const {name, sql} of WORKBENCH_QUERIES) {
    timings.push({name, wasmMs: await timeWasm(sql), nodeMs: await timeNode(node, sql, runs)});
  }
  // Creating the table is timed once in each engine: that is what a reader pays.
  const syntheticCreate = {name: `create ${SYNTHETIC_ROWS.toLocaleString("en")} synthetic rows`, wasmMs: await timeWasm(SYNTHETIC_CREATE, 1), nodeMs: await timeNode(node, SYNTHETIC_CREATE, 1)};
  for (const {name, sql} of SYNTHETIC_QUERIES) {
    timings.push({name, wasmMs: await timeWasm(sql), nodeMs: await timeNode(node, sql, runs)});
  }
  await page.close();
  return {timings, wasmStartMs, syntheticCreate};
}
