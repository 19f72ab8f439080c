import {spawnSync} from "node:child_process";
import {fileURLToPath} from "node:url";
import {describe, expect, it} from "vitest";

const root = fileURLToPath(new URL("../../", import.meta.url));
const tsx = fileURLToPath(new URL("../../node_modules/.bin/tsx", import.meta.url));

function run(entry: string, sourcesDir: string) {
  const result = spawnSync(tsx, [entry], {
    cwd: root,
    env: {...process.env, OBSERVATORY_SOURCES_DIR: fileURLToPath(new URL(sourcesDir, import.meta.url))},
    maxBuffer: 64 * 1024 * 1024
  });
  return {status: result.status, stdout: result.stdout, stderr: result.stderr.toString()};
}

describe("loader entry points", () => {
  it("write nothing to stdout and exit non-zero when a record is invalid", () => {
    const {status, stdout, stderr} = run("src/data/observations.parquet.ts", "./fixtures/broken");
    expect(status).not.toBe(0);
    expect(stdout.length).toBe(0);
    expect(stderr).toContain('figures.csv:3: unit "tonnes" is not in the unit list');
  });

  it("fail the checks snapshot too when its inputs are invalid", () => {
    const {status, stdout} = run("src/data/checks.parquet.ts", "./fixtures/broken");
    expect(status).not.toBe(0);
    expect(stdout.length).toBe(0);
  });

  it("write one Parquet file to stdout and log to stderr when the records are valid", () => {
    const {status, stdout, stderr} = run("src/data/observations.parquet.ts", "./fixtures/good");
    expect(status).toBe(0);
    expect(stdout.subarray(0, 4).toString()).toBe("PAR1");
    expect(stdout.subarray(-4).toString()).toBe("PAR1");
    expect(stderr).toContain("observations: 20 rows");
  });
});
