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

  it("rejects a title that says the copy was republished when url is that copy's address", () => {
    expect(messages).toContain(`${file}:8: the title says the copy read was republished, but url is that copy's address: leave url empty (or give the original's) and say in read_note who republished it`);
  });

  it("rejects an IP address given as the publisher", () => {
    expect(messages).toContain(`${file}:9: publisher "192.0.2.7" is an IP address: name who published the document (the address belongs in read_at)`);
  });

  it("rejects a note on what the document cites kept in its title or its publisher's name", () => {
    expect(messages).toContain(`${file}:10: the title carries a note on what the document cites ("(kappa.example.com, citing customs)"): give the title as published and say "Cites …" in notes`);
    expect(messages).toContain(`${file}:10: the publisher carries a note on what the document cites ("(citing customs)"): give the publisher as published and say "Cites …" in notes`);
  });

  it("accepts an original read at its own address, and a described copy of an original whose address is unknown", () => {
    expect(sources.map((s) => s.source_id)).toEqual(["alpha", "eta"]);
    expect(sources[1]).toMatchObject({url: null, read_at: "https://eta.example.org/copy", short_name: "Eta, 2024"});
    expect(problems).toHaveLength(8);
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

  it("names a publisher, not a server, in every caption: no IP address, no republished copy given as the original", () => {
    for (const source of real) {
      expect(`${source.publisher} ${source.short_name}`, source.source_id).not.toMatch(/\b\d{1,3}(\.\d{1,3}){3}\b|squidsite/);
      if (/\bvia\b|republish/i.test(source.title)) expect(source.url === null || source.url !== source.read_at, source.source_id).toBe(true);
    }
    const byId = new Map(real.map((s) => [s.source_id, s]));
    // The compiled list's "low confidence" marks reach the record, and its notes on copies leave the title.
    expect(byId.get("2025-chinese-blog-post-2026")).toMatchObject({confidence: "low", title: "2025年中国电力装机数据"});
    for (const source of real) expect(source.title, source.source_id).not.toMatch(/low confidence|\bvia\b|\bciting\b/i);
    for (const source of real) expect(source.publisher, source.source_id).not.toMatch(/\bciting\b/i);
    expect(byId.get("rare-earth-prices-fall-2025")).toMatchObject({publisher: "Rare Earth Exchanges", notes: "Cites SMM."});
    expect(byId.get("china-s-imports-us-2025")).toMatchObject({publisher: "Reuters", short_name: "Reuters, 2025", url: null, read_at: "https://squidsite02.com/2025/08/22/chinas-imports-of-us"});
  });

  it("cites the USGS releases and the forum report at the addresses the reference data names", () => {
    const byId = new Map(real.map((s) => [s.source_id, s]));
    expect(byId.get("usgs-mcs2026-data")?.url).toBe("https://doi.org/10.5066/P1WKQ63T");
    expect(byId.get("usgs-myb2022-t8")?.url).toBe("https://www.usgs.gov/media/files/rare-earths-2022-tables-only-release");
    expect(byId.get("smm-forum-2025")?.url).toMatch(/^https:\/\/news\.metal\.com\/newscontent\/103353038\//);
    expect(byId.get("smm-forum-2025")?.short_name).toBe("SMM, May 2025");
  });
});
