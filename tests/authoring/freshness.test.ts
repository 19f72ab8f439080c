import {mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, symlinkSync, utimesSync, writeFileSync} from "node:fs";
import {tmpdir} from "node:os";
import {dirname, join} from "node:path";
import {afterEach, beforeEach, describe, expect, it} from "vitest";
import {dependencies} from "../../scripts/freshness/dependencies.ts";
import {freshen} from "../../scripts/freshness/freshen.ts";
import {findEntryPoints} from "../../scripts/freshness/project.ts";
import {fingerprint} from "../../scripts/freshness/state.ts";
import {PROJECT_ROOT} from "../../scripts/authoring/projectCopy.ts";

// A project in miniature: a loader entry point that imports a loader module, which imports a
// helper and reads a CSV; and a second entry point that depends on nothing else.
const FILES: Record<string, string> = {
  "src/data/total.json.ts": `import {total} from "../../data-loaders/total.ts";\nprocess.stdout.write(JSON.stringify({total: total()}));\n`,
  "src/data/constant.json.ts": `process.stdout.write("{}");\n`,
  "src/index.md": "# Index\n",
  "data-loaders/total.ts": [
    `import {readFileSync} from "node:fs";`,
    `import {SCALE} from "./lib/scale.ts";`,
    `export function total(): number {`,
    `  const lines = readFileSync(new URL("./sources/values.csv", import.meta.url), "utf8").trim().split("\\n");`,
    `  return lines.slice(1).reduce((sum, line, i) => {`,
    `    if (!/^\\d+$/.test(line)) { process.stderr.write(\`data-loaders/sources/values.csv:\${i + 2}: "\${line}" is not a number\\n\`); process.exit(1); }`,
    `    return sum + Number(line) * SCALE;`,
    `  }, 0);`,
    `}`
  ].join("\n"),
  "data-loaders/lib/scale.ts": "export const SCALE = 1;\n",
  "data-loaders/sources/values.csv": "value\n1\n2\n"
};

let root: string;
const write = (path: string, text: string) => {
  mkdirSync(dirname(join(root, path)), {recursive: true});
  writeFileSync(join(root, path), text);
};
const mtime = (path: string) => statSync(join(root, path)).mtimeMs;
const quiet = () => {};
// Back-date every file, so "touched" means "set to about now" and cannot happen by accident.
const backdate = (path: string) => utimesSync(join(root, path), new Date(2020, 0, 1), new Date(2020, 0, 1));

beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), "freshness-"));
  for (const [path, text] of Object.entries(FILES)) {
    write(path, text);
    backdate(path);
  }
  symlinkSync(join(PROJECT_ROOT, "node_modules"), join(root, "node_modules"), "dir");
});
afterEach(() => rmSync(root, {recursive: true, force: true}));

describe("dependencies", () => {
  it("include the modules an entry point imports and the source records loaders read", async () => {
    const total = findEntryPoints(root).find((e) => e.path === "src/data/total.json.ts")!;
    expect(total.target).toBe("data/total.json");
    expect(total.cachePath).toBe("src/.observablehq/cache/data/total.json");
    expect(await dependencies(root, total)).toEqual([
      "data-loaders/lib/scale.ts",
      "data-loaders/sources/values.csv",
      "data-loaders/total.ts",
      "src/data/total.json.ts"
    ]);
  });

  it("count every source record for every entry point, since loaders find records by folder", async () => {
    const constant = findEntryPoints(root).find((e) => e.path === "src/data/constant.json.ts")!;
    expect(await dependencies(root, constant)).toEqual(["data-loaders/sources/values.csv", "src/data/constant.json.ts"]);
  });

  it("include a page's queries module and its Markdown for the page's first-state results", async () => {
    write("src/data/initial/index.json.ts", `import "../../../data-loaders/total.ts";\n`);
    write("src/queries/index.ts", `import {SCALE} from "../../data-loaders/lib/scale.ts";\nexport const defaults = {SCALE};\n`);
    const initial = findEntryPoints(root).find((e) => e.target === "data/initial/index.json")!;
    const deps = await dependencies(root, initial);
    expect(deps).toContain("src/queries/index.ts");
    expect(deps).toContain("src/index.md");
    expect(deps).toContain("data-loaders/lib/scale.ts");
  });

  it("fingerprint changes when a dependency's contents change, and not when it is only touched", async () => {
    const total = findEntryPoints(root).find((e) => e.path === "src/data/total.json.ts")!;
    const deps = await dependencies(root, total);
    const before = fingerprint(root, deps);
    utimesSync(join(root, "data-loaders/lib/scale.ts"), new Date(), new Date());
    expect(fingerprint(root, deps)).toBe(before);
    write("data-loaders/lib/scale.ts", "export const SCALE = 10;\n");
    expect(fingerprint(root, deps)).not.toBe(before);
  });
});

describe("the build pass", () => {
  const cache = (target: string) => `src/.observablehq/cache/data/${target}`;

  it("runs the loader of an entry point whose dependency changed, and only that one", async () => {
    // Outputs of unknown provenance (no fingerprint recorded) are made again.
    write(cache("total.json"), `{"total":99}`);
    expect((await freshen(root, {mode: "build", log: quiet})).map((r) => r.status)).toEqual(["refreshed", "refreshed"]);
    expect(readFileSync(join(root, cache("total.json")), "utf8")).toBe(`{"total":3}`);
    expect((await freshen(root, {mode: "build", log: quiet})).map((r) => r.status)).toEqual(["fresh", "fresh"]);
    const constantMadeAt = mtime(cache("constant.json"));

    write("data-loaders/lib/scale.ts", "export const SCALE = 10;\n");
    const reports = await freshen(root, {mode: "build", log: quiet});
    expect(reports.find((r) => r.target === "data/total.json")?.status).toBe("refreshed");
    expect(reports.find((r) => r.target === "data/constant.json")?.status).toBe("fresh");
    expect(readFileSync(join(root, cache("total.json")), "utf8")).toBe(`{"total":30}`);
    expect(mtime(cache("constant.json"))).toBe(constantMadeAt);
  });

  it("fails a loader that outlives its time limit, names it and keeps its last output", async () => {
    await freshen(root, {mode: "build", log: quiet});
    // A synchronous hang: it needs no top-level await, whose support depends on how the module is loaded.
    write("data-loaders/lib/scale.ts", "export const SCALE = 1;\nconst until = Date.now() + 60_000;\nwhile (Date.now() < until);\n");
    const lines: string[] = [];
    const startedAt = Date.now();
    const reports = await freshen(root, {mode: "build", timeoutMs: 1500, log: (line) => lines.push(line)});
    expect(Date.now() - startedAt).toBeLessThan(20_000);
    expect(reports.find((r) => r.target === "data/total.json")?.status).toBe("failed");
    expect(lines.join("\n")).toMatch(/src\/data\/total\.json\.ts: killed after 1\.5 s \(the time limit, OBSERVATORY_LOADER_TIMEOUT_MS\)/);
    expect(lines.join("\n")).toContain("the build stops");
    expect(readFileSync(join(root, cache("total.json")), "utf8")).toBe(`{"total":3}`);
  });

  it("refuses an output that is not what its name says, and keeps the last good one", async () => {
    await freshen(root, {mode: "build", log: quiet});
    write("src/data/constant.json.ts", `process.stdout.write("{\\"cut\\": ");\n`);
    const reports = await freshen(root, {mode: "build", log: quiet});
    const constant = reports.find((r) => r.target === "data/constant.json")!;
    expect(constant.status).toBe("failed");
    expect(constant.error).toContain("wrote JSON that does not parse");
    expect(readFileSync(join(root, cache("constant.json")), "utf8")).toBe("{}");
  });
});

describe("the dev pass", () => {
  const output = () => readFileSync(join(root, "src/.observablehq/cache/data/total.json"), "utf8");
  // Snapshots Framework made (no fingerprint recorded): the dev pass cannot vouch for them.
  beforeEach(() => {
    write("src/.observablehq/cache/data/total.json", "{}");
    write("src/.observablehq/cache/data/constant.json", "{}");
  });

  it("makes the output of an entry point that has none yet", async () => {
    rmSync(join(root, "src/.observablehq/cache/data/total.json"));
    const reports = await freshen(root, {mode: "dev", log: quiet});
    expect(reports.find((r) => r.target === "data/total.json")?.status).toBe("refreshed");
    expect(output()).toBe(`{"total":3}`);
  });

  it("re-runs a loader and touches its entry point only when a dependency changed", async () => {
    await freshen(root, {mode: "dev", log: quiet});
    expect(output()).toBe(`{"total":3}`);
    const touched = mtime("src/data/total.json.ts");
    const other = mtime("src/data/constant.json.ts");
    // Framework serves the cached output while it is not older than the entry point.
    expect(mtime("src/.observablehq/cache/data/total.json")).toBeGreaterThanOrEqual(touched);

    expect((await freshen(root, {mode: "dev", log: quiet})).map((r) => r.status)).toEqual(["fresh", "fresh"]);
    expect(mtime("src/data/total.json.ts")).toBe(touched);

    write("data-loaders/lib/scale.ts", "export const SCALE = 10;\n");
    const reports = await freshen(root, {mode: "dev", log: quiet});
    expect(reports.find((r) => r.target === "data/total.json")?.status).toBe("refreshed");
    expect(reports.find((r) => r.target === "data/constant.json")?.status).toBe("fresh");
    expect(output()).toBe(`{"total":30}`);
    expect(mtime("src/data/total.json.ts")).toBeGreaterThan(touched);
    expect(mtime("src/data/constant.json.ts")).toBe(other);
  });

  it("keeps the last good snapshot when the loader fails, and reports the file and line", async () => {
    await freshen(root, {mode: "dev", log: quiet});
    const touched = mtime("src/data/total.json.ts");
    write("data-loaders/sources/values.csv", "value\n1\nx\n");
    const lines: string[] = [];
    const reports = await freshen(root, {mode: "dev", log: (line) => lines.push(line)});
    const total = reports.find((r) => r.target === "data/total.json")!;
    expect(total.status).toBe("failed");
    expect(lines.join("\n")).toContain(`data-loaders/sources/values.csv:3: "x" is not a number`);
    expect(output()).toBe(`{"total":3}`);
    expect(mtime("src/data/total.json.ts")).toBe(touched);

    // The fix is picked up on the next pass.
    write("data-loaders/sources/values.csv", "value\n1\n5\n");
    await freshen(root, {mode: "dev", log: quiet});
    expect(output()).toBe(`{"total":6}`);
  });
});
