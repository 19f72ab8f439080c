// The one shared pre-build step (`tsx scripts/snapshot-set/write.ts <staging dir> [page …]`): builds
// every snapshot once, computes every listed page's first-state results from those same Parquet
// bytes, writes each file into the staging folder and the manifest last. Any problem — a bad
// record, a failed query, a failed write (a full disk) — exits non-zero; the caller then keeps
// the whole last good set (scripts/freshness/snapshotSet.ts).
import {createHash} from "node:crypto";
import {mkdir, writeFile} from "node:fs/promises";
import {dirname, join} from "node:path";
import {log} from "../../data-loaders/lib/log.ts";
import {REFERENCE_SQL} from "../bench/reference.ts";
import {buildSnapshots, openSnapshotDatabase, precomputeNextWith, precomputeWith, runPacked} from "./precompute.ts";
import {MANIFEST_NAME, type Manifest, type SetFile} from "./manifest.ts";

const SOURCE_DETAILS_SQL = "SELECT source_id, short_name, title, publisher, date, url, read_at, licence FROM sources ORDER BY source_id";

async function put(staging: string, path: string, bytes: Uint8Array, rows: number): Promise<SetFile> {
  const file = join(staging, path);
  await mkdir(dirname(file), {recursive: true});
  await writeFile(file, bytes);
  return {path, sha256: createHash("sha256").update(bytes).digest("hex"), bytes: bytes.byteLength, rows};
}

export async function writeSnapshotSet(staging: string, pages: readonly string[]): Promise<Manifest> {
  const snapshots = await buildSnapshots();
  const files: SetFile[] = [];
  const {connection, close} = await openSnapshotDatabase(snapshots);
  try {
    for (const [name, bytes] of Object.entries(snapshots)) {
      const reader = await connection.runAndReadAll(`SELECT count(*)::INTEGER AS n FROM "${name}"`);
      files.push(await put(staging, `data/${name}.parquet`, bytes, Number(reader.getRowsJS()[0][0])));
    }
    for (const page of pages) {
      const results = await precomputeWith(connection, page);
      const text = new TextEncoder().encode(JSON.stringify(results));
      files.push(await put(staging, `data/initial/${page}.json`, text, Object.keys(results.results).length));
      // The states one change away, fetched by the page when the reader reaches for an input.
      const next = await precomputeNextWith(connection, page);
      if (next) files.push(await put(staging, `data/initial/${page}.next.json`, new TextEncoder().encode(JSON.stringify(next)), Object.keys(next.results).length));
    }
    // Every source's title, publisher, date, address and licence: what a figure's take-away files
    // name (src/components/figureTools.ts), fetched only when a reader downloads or cites one.
    const details = await runPacked(connection, SOURCE_DETAILS_SQL);
    const sources = details.rows.map((cells) => Object.fromEntries(details.columns.map((c, i) => [c.name, cells[i]])));
    files.push(await put(staging, "data/source-details.json", new TextEncoder().encode(JSON.stringify(sources)), sources.length));
    // The benchmark's Plot-only reference page (src/bench/plot-reference.md) draws these rows.
    const {columns, rows} = await runPacked(connection, REFERENCE_SQL);
    const reference = rows.map((cells) => Object.fromEntries(columns.map((c, i) => [c.name, cells[i]])));
    files.push(await put(staging, "data/bench/reference.json", new TextEncoder().encode(JSON.stringify(reference)), reference.length));
  } finally {
    await close();
  }
  const manifest: Manifest = {version: 1, files};
  await writeFile(join(staging, MANIFEST_NAME), `${JSON.stringify(manifest, null, 2)}\n`);
  log(`snapshot set: ${Object.keys(snapshots).length} snapshots and ${pages.length} first-state files`);
  return manifest;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const [staging, ...pages] = process.argv.slice(2);
  if (!staging) {
    process.stderr.write("usage: tsx scripts/snapshot-set/write.ts <staging dir> [page …]\n");
    process.exit(2);
  }
  try {
    await writeSnapshotSet(staging, pages);
  } catch (error) {
    process.stderr.write(`${(error as Error).stack ?? error}\n`);
    process.exit(1);
  }
}
