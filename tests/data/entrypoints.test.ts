import {spawnSync} from "node:child_process";
import {existsSync, mkdtempSync, readFileSync, rmSync} from "node:fs";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {fileURLToPath} from "node:url";
import {afterEach, describe, expect, it} from "vitest";
import {ManifestSchema} from "../../scripts/snapshot-set/manifest.ts";

const root = fileURLToPath(new URL("../../", import.meta.url));
const tsx = fileURLToPath(new URL("../../node_modules/.bin/tsx", import.meta.url));
let staging: string;
afterEach(() => rmSync(staging, {recursive: true, force: true}));

/** Runs the snapshot-set step over a fixture folder of records, for no page. */
function run(sourcesDir: string) {
  staging = mkdtempSync(join(tmpdir(), "set-step-"));
  const result = spawnSync(tsx, ["scripts/snapshot-set/write.ts", staging], {
    cwd: root,
    env: {...process.env, OBSERVATORY_SOURCES_DIR: fileURLToPath(new URL(sourcesDir, import.meta.url))}
  });
  return {status: result.status, stderr: result.stderr.toString()};
}

describe("the snapshot-set step", () => {
  it("exits non-zero, names the record and writes no manifest when a record is invalid", () => {
    const {status, stderr} = run("./fixtures/broken");
    expect(status).not.toBe(0);
    expect(stderr).toContain('figures.csv:3: unit "tonnes" is not in the unit list');
    expect(existsSync(join(staging, "manifest.json"))).toBe(false);
  });

  it("writes every snapshot as complete Parquet and a manifest with its row count and hash when the records are valid", () => {
    const {status, stderr} = run("./fixtures/good");
    expect(status, stderr).toBe(0);
    expect(stderr).toContain("observations: 20 rows");
    const manifest = ManifestSchema.parse(JSON.parse(readFileSync(join(staging, "manifest.json"), "utf8")));
    expect(manifest.files.map((f) => f.path)).toEqual(["data/observations.parquet", "data/sources.parquet", "data/checks.parquet", "data/events.parquet", "data/release.parquet", "data/source-details.json", "data/bench/reference.json"]);
    expect(manifest.files.find((f) => f.path === "data/observations.parquet")?.rows).toBe(20);
    for (const file of manifest.files.filter((f) => f.path.endsWith(".parquet"))) {
      const bytes = readFileSync(join(staging, file.path));
      expect(bytes.byteLength).toBe(file.bytes);
      expect(bytes.subarray(0, 4).toString()).toBe("PAR1");
      expect(bytes.subarray(-4).toString()).toBe("PAR1");
    }
  });
});
