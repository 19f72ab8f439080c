// Runs a page's queries at the state its inputs start in, with DuckDB in Node over the same
// Parquet snapshots and views the browser uses, so the page can draw its charts from the
// shipped rows before (or without) starting DuckDB-WASM.
import {DuckDBInstance, type DuckDBConnection} from "@duckdb/node-api";
import {mkdtemp, readFile, rm, writeFile} from "node:fs/promises";
import {tmpdir} from "node:os";
import {join, resolve} from "node:path";
import {pathToFileURL} from "node:url";
import {isQueryChoice, statesOneChangeAway, type Choices, type ResolvedChoices} from "../../src/components/choices.ts";
import {isQueryDef, queryKey, type PackedResult, type PrecomputedResults, type QueryDef} from "../../src/components/query.ts";
import {VIEWS} from "../../src/components/views.ts";
import {SNAPSHOT_BUILDERS} from "../../data-loaders/snapshots.ts";

const SRC = resolve(import.meta.dirname, "..", "..", "src");

/** Every table's Parquet bytes, by table name. */
export type Snapshots = Record<string, Uint8Array>;

/** Builds every snapshot once (data-loaders/snapshots.ts), in table order. */
export async function buildSnapshots(): Promise<Snapshots> {
  const snapshots: Snapshots = {};
  for (const [name, build] of Object.entries(SNAPSHOT_BUILDERS)) snapshots[name] = await build();
  return snapshots;
}

/**
 * A connection with every snapshot loaded as a table and every view created: from the given
 * Parquet bytes (the ones the site ships), or built from the records when none are given.
 */
export async function openSnapshotDatabase(snapshots?: Snapshots): Promise<{connection: DuckDBConnection; close: () => Promise<void>}> {
  const tables = snapshots ?? (await buildSnapshots());
  const dir = await mkdtemp(join(tmpdir(), "observatory-"));
  const instance = await DuckDBInstance.create(":memory:");
  const connection = await instance.connect();
  try {
    for (const [name, bytes] of Object.entries(tables)) {
      const file = join(dir, `${name}.parquet`);
      await writeFile(file, bytes);
      await connection.run(`CREATE TABLE "${name}" AS SELECT * FROM read_parquet('${file}')`);
    }
    for (const view of VIEWS) await connection.run(view.sql);
  } finally {
    await rm(dir, {recursive: true, force: true});
  }
  return {connection, close: async () => connection.closeSync()};
}

export async function runPacked(connection: DuckDBConnection, text: string): Promise<PackedResult> {
  const reader = await connection.runAndReadAll(text);
  const columns = reader.columnNames().map((name, i) => ({name, kind: kindOf(reader.columnTypes()[i].toString())}));
  const rows = reader.getRowsJS().map((cells) => cells.map(packCell));
  return {columns, rows};
}

function kindOf(type: string): PackedResult["columns"][number]["kind"] {
  if (/^(DATE|TIMESTAMP)/.test(type)) return "date";
  if (/^(TINYINT|SMALLINT|INTEGER|BIGINT|HUGEINT|UTINYINT|USMALLINT|UINTEGER|UBIGINT|FLOAT|DOUBLE|DECIMAL)/.test(type)) return "number";
  if (type === "VARCHAR") return "string";
  if (type === "BOOLEAN") return "boolean";
  return "other";
}

function packCell(cell: unknown): unknown {
  if (cell instanceof Date) return cell.getTime();
  if (typeof cell === "bigint") return Number(cell);
  return cell;
}

/** The static ```sql blocks of a page (those with no ${…} in them): their text is known at build time. */
export function staticSqlBlocks(markdown: string): string[] {
  const blocks: string[] = [];
  for (const match of markdown.matchAll(/^```sql\b[^\n]*\n([\s\S]*?)^```/gm)) {
    if (!match[1].includes("${")) blocks.push(match[1]);
  }
  return blocks;
}

/** A page's queries module (src/queries/<page>.ts), or an empty one when it has none. */
async function pageModule(page: string, src: string): Promise<Record<string, unknown>> {
  return import(pathToFileURL(join(src, "queries", `${page}.ts`)).href).catch((error) => {
    if (error?.code === "ERR_MODULE_NOT_FOUND") return {};
    throw error;
  });
}

const queriesOf = (module: Record<string, unknown>) => Object.values(module).filter((value): value is QueryDef<any> => isQueryDef(value) && value.precompute !== false);

/** Every query the page `page` (a file name in src/, without .md) runs in its first state. */
export async function pageQueryTexts(page: string, src = SRC): Promise<string[]> {
  const texts = staticSqlBlocks(await readFile(join(src, `${page}.md`), "utf8").catch(() => ""));
  const module = await pageModule(page, src);
  const defaults = module.defaults ?? {};
  for (const query of queriesOf(module)) texts.push(query.sql(defaults));
  return texts;
}

/**
 * Every query the page runs in the states one change away from its first state (its module's
 * `choices`, src/components/choices.ts), less those the first state runs; null for a page
 * with no choices. A choice taken from a query's column is that query's first-state rows.
 */
export async function pageNextQueryTexts(connection: DuckDBConnection, page: string, src = SRC): Promise<string[] | null> {
  const module = await pageModule(page, src);
  const choices = module.choices as Choices<Record<string, unknown>> | undefined;
  if (!choices) return null;
  const defaults = (module.defaults ?? {}) as Record<string, unknown>;
  const resolved: ResolvedChoices<Record<string, unknown>> = {};
  for (const [key, choice] of Object.entries(choices)) {
    if (!isQueryChoice<Record<string, unknown>>(choice)) {
      resolved[key] = choice as readonly unknown[];
      continue;
    }
    const {columns, rows} = await runPacked(connection, choice.from.sql(defaults));
    const index = columns.findIndex((c) => c.name === choice.column);
    if (index < 0) throw new Error(`${page}: the choices for "${key}" name column "${choice.column}", which query ${choice.from.id} does not return`);
    resolved[key] = rows.map((cells) => cells[index]);
  }
  const first = new Set((await pageQueryTexts(page, src)).map(queryKey));
  const texts = new Map<string, string>();
  for (const state of statesOneChangeAway(defaults, resolved)) {
    for (const query of queriesOf(module)) {
      const text = query.sql(state);
      const key = queryKey(text);
      if (!first.has(key) && !texts.has(key)) texts.set(key, text);
    }
  }
  return [...texts.values()];
}

async function resultsFor(connection: DuckDBConnection, page: string, texts: string[], what: string): Promise<PrecomputedResults["results"]> {
  const results: PrecomputedResults["results"] = {};
  for (const text of texts) {
    try {
      results[queryKey(text)] = {sql: text, ...(await runPacked(connection, text))};
    } catch (error) {
      throw new Error(`${page}: a ${what} query failed: ${(error as Error).message}\n${text}`);
    }
  }
  return results;
}

/** One page's results for the states one change away from its first (null: the page has no choices). */
export async function precomputeNextWith(connection: DuckDBConnection, page: string, src = SRC): Promise<PrecomputedResults | null> {
  const texts = await pageNextQueryTexts(connection, page, src);
  if (!texts) return null;
  return {generated_by: `scripts/snapshot-set/precompute.ts for src/${page}.md, the states one change away from the first`, results: await resultsFor(connection, page, texts, "next-state")};
}

/** One page's first-state results, over an open snapshot database. */
export async function precomputeWith(connection: DuckDBConnection, page: string, src = SRC): Promise<PrecomputedResults> {
  return {generated_by: `scripts/snapshot-set/precompute.ts for src/${page}.md`, results: await resultsFor(connection, page, await pageQueryTexts(page, src), "first-state")};
}

export async function precomputePage(page: string): Promise<PrecomputedResults> {
  const {connection, close} = await openSnapshotDatabase();
  try {
    return await precomputeWith(connection, page);
  } finally {
    await close();
  }
}
