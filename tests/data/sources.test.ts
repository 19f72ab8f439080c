// The source records name the document as its publisher issued it and, apart from it, the copy read.
import {fileURLToPath} from "node:url";
import {describe, expect, it} from "vitest";
import {readSources} from "../../data-loaders/lib/sources.ts";
import {loadSources} from "../../data-loaders/sources.ts";

const citations = fileURLToPath(new URL("./fixtures/citations", import.meta.url));
const file = "tests/data/fixtures/citations/sources.csv";
const {sources, problems} = readSources(citations);
const messages = problems.map((p) => `${p.file}:${p.line}: ${p.message}`);

describe("readSources(dir)", () => {
  it("rejects a GitHub address given as the original's url, naming file and line", () => {
    expect(messages).toContain(`${file}:3: url is a GitHub address: a copy kept on GitHub is the copy read (read_at), not the original`);
  });

  it("rejects a copy read at another address than the original without a note saying what it is", () => {
    expect(messages).toContain(`${file}:4: read_note is empty but read_at differs from url: say what copy was read`);
  });

  it("rejects a copy with no address and no note", () => {
    expect(messages).toContain(`${file}:5: read_note is empty but read_at is empty: say what copy was read`);
  });

  it("rejects a record without a short name for captions", () => {
    expect(messages).toContain(`${file}:6: short_name is empty`);
  });

  it("accepts an original read at its own address, and a described copy of an original whose address is unknown", () => {
    expect(sources.map((s) => s.source_id)).toEqual(["alpha", "eta"]);
    expect(sources[1]).toMatchObject({url: null, read_at: "https://eta.example.org/copy", short_name: "Eta, 2024"});
    expect(problems).toHaveLength(4);
  });
});

describe("the project's sources.csv", () => {
  const real = loadSources();

  it("names no GitHub copy as an original and describes every copy that is not the original", () => {
    for (const source of real) {
      expect(source.url ?? "", source.source_id).not.toMatch(/github\.com/);
      if (source.read_at !== source.url) expect(source.read_note, source.source_id).not.toBeNull();
    }
  });

  it("cites the USGS releases and the forum report at the addresses the reference data names", () => {
    const byId = new Map(real.map((s) => [s.source_id, s]));
    expect(byId.get("usgs-mcs2026-data")?.url).toBe("https://doi.org/10.5066/P1WKQ63T");
    expect(byId.get("usgs-myb2022-t8")?.url).toBe("https://www.usgs.gov/media/files/rare-earths-2022-tables-only-release");
    expect(byId.get("smm-forum-2025")?.url).toMatch(/^https:\/\/news\.metal\.com\/newscontent\/103353038\//);
    expect(byId.get("smm-forum-2025")?.short_name).toBe("SMM, May 2025");
  });
});
