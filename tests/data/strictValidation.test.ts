// The stricter validator: each case is one small edit to the good fixture, and each must stop
// the load with the real file and line.
import {cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync} from "node:fs";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {fileURLToPath} from "node:url";
import {afterEach, beforeEach, describe, expect, it} from "vitest";
import {ValidationError} from "../../data-loaders/lib/problems.ts";
import {loadObservations} from "../../data-loaders/observations.ts";
import {rangeProblems} from "../../data-loaders/schema/valueRanges.ts";

const good = fileURLToPath(new URL("./fixtures/good", import.meta.url));
let dir: string;
let figures: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), "strict-"));
  cpSync(good, dir, {recursive: true});
  figures = join(dir, "observations", "figures.csv");
});
afterEach(() => rmSync(dir, {recursive: true, force: true}));

const lines = () => readFileSync(figures, "utf8").split("\n");
/** Replaces the first `from` on line `line` (1-based) of figures.csv. */
function editLine(line: number, from: string, to: string): void {
  const all = lines();
  expect(all[line - 1], `line ${line} of the good fixture`).toContain(from);
  all[line - 1] = all[line - 1].replace(from, to);
  writeFileSync(figures, all.join("\n"));
}

function problems(): string[] {
  try {
    loadObservations(dir);
  } catch (error) {
    if (error instanceof ValidationError) return error.problems.map((p) => `${p.line ?? "-"}: ${p.message}`);
    throw error;
  }
  throw new Error("the edited fixture loaded without complaint");
}

describe("the validator", () => {
  it("names the real file, not a copy, in every problem", () => {
    editLine(2, ",2025,100,", ",2025,-100,");
    try {
      loadObservations(dir);
      expect.unreachable();
    } catch (error) {
      expect((error as Error).message).toContain(`${figures}:2: value -100 is outside the range for unit "t"`);
    }
  });

  it("rejects negative tonnes unless the series may be negative", () => {
    editLine(2, ",2025,100,", ",2025,-100,");
    expect(problems()).toContain('2: value -100 is outside the range for unit "t" (at least 0; a series that may be negative is listed in data-loaders/schema/valueRanges.ts)');
    expect(rangeProblems({value: -100}, "t", "ndfeb.balance.world")).toEqual([]);
  });

  it("rejects a share over 100 %", () => {
    editLine(2, ",100,,,,,t,", ",250,,,,,%,");
    expect(problems()).toContain('2: value 250 is outside the range for unit "%" (within 0–100)');
  });

  it("rejects a value too long to be stored as a number", () => {
    editLine(2, ",2025,100,", `,2025,${"9".repeat(400)},`);
    expect(problems().join("\n")).toMatch(/^2: value "9{20}\.\.\." has more than 15 significant digits/m);
  });

  it("rejects years outside 1900–2100", () => {
    editLine(2, ",2025,100,", ",0000,100,");
    editLine(3, ",2025,60,", ",2000-9999,60,");
    expect(problems()).toEqual(expect.arrayContaining(['2: period "0000" lies outside 1900–2100', '3: period "2000-9999" lies outside 1900–2100']));
  });

  it("rejects a header that names a column twice", () => {
    const header = lines()[0].split(",");
    const all = lines().map((line, i) => (line === "" ? line : i === 0 ? `${line},unit` : `${line},t`));
    writeFileSync(figures, all.join("\n"));
    expect(problems()).toContain(`1: column "unit" appears twice in the header (columns ${header.indexOf("unit") + 1} and ${header.length + 1})`);
  });

  it("rejects bytes that are not UTF-8, at their line", () => {
    const all = lines();
    // Line 3 saved as Latin-1: "é" is the one byte 0xE9, which is not UTF-8.
    const latin1 = Buffer.from(all[2].replace(",p. 1,", ",caf\u00e9,"), "latin1");
    writeFileSync(figures, Buffer.concat([Buffer.from(`${all.slice(0, 2).join("\n")}\n`), latin1, Buffer.from(`\n${all.slice(3).join("\n")}`)]));
    expect(problems()).toEqual(["3: is not valid UTF-8 (byte 0xe9); save the file as UTF-8"]);
  });

  it("rejects a NUL byte, at its line", () => {
    editLine(4, ",", ",\u0000");
    expect(problems()).toEqual(["4: contains a NUL byte"]);
  });

  it("rejects a file with a header and no records", () => {
    writeFileSync(figures, `${lines()[0]}\n`);
    expect(problems()).toEqual(["1: has a header but no records"]);
  });

  it("reports a quote that is never closed at the line where it opens", () => {
    expect(lines().filter(Boolean).length).toBeGreaterThan(5);
    editLine(3, ",p. 1,", ',"p. 1,');
    expect(problems()).toEqual(["3: has a quote that is never closed (it opens on this line)"]);
  });

  it("rejects mixed CRLF and LF line endings, at the first line that differs", () => {
    const all = lines();
    writeFileSync(figures, `${all.slice(0, 4).join("\r\n")}\r\n${all.slice(4).join("\n")}`);
    expect(problems()).toEqual(["5: line 5 ends with LF but line 1 ends with CRLF; use one kind of line ending throughout"]);
  });

  it("rejects a 50 MB field at the line of its record", () => {
    const all = lines();
    all[2] = all[2].replace(",p. 1,", `,"${"x".repeat(50 * 1024 * 1024)}",`);
    writeFileSync(figures, all.join("\n"));
    expect(problems()).toEqual(['3: field "source_locator" is longer than 10,000 characters']);
  });
});
