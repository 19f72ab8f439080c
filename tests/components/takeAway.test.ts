// The files a reader takes away with a figure: the evidence CSV, the citations, the data
// package and the PNG text chunks, from rows and sources shaped as the site's tables give them.
import {crc32, deflateSync} from "node:zlib";
import {csvParse} from "d3";
import {strFromU8, unzipSync} from "fflate";
import {describe, expect, it} from "vitest";
import {figurePackageMetadata} from "../../data-loaders/schema/figurePackage.ts";
import {pngChunks, pngText, pngWithText} from "../../src/components/figureImage.ts";
import {
  bibtexEscape, citationBibtex, citationCsl, citationText, citedSources, dataPackage, EVIDENCE_COLUMNS, evidenceCsv, imageSourceLine,
  type FigureIdentity, type SourceDetail
} from "../../src/components/takeAway.ts";

const usgs: SourceDetail = {
  source_id: "usgs-mcs2025", short_name: "USGS MCS 2025", title: "Mineral Commodity Summaries 2025: Rare Earths", publisher: "U.S. Geological Survey",
  date: "2025-01", url: "https://pubs.usgs.gov/periodicals/mcs2025/mcs2025-rare-earths.pdf", read_at: "https://example.org/mirror/mcs2025.pdf", licence: "public domain (U.S. Government work)"
};
const smm: SourceDetail = {
  source_id: "smm-forum-2025", short_name: "SMM, May 2025", title: "Forum report: 50% & more {sic}", publisher: "SMM Information & Technology Co., Ltd.",
  date: "2025-05-29", url: null, read_at: null, licence: "not stated"
};
const smmWeekly: SourceDetail = {...smm, source_id: "smm-weekly-2026-01", short_name: "SMM, 2026-01-29", title: "Weekly review", date: "2026-01-29", url: "https://news.metal.com/x"};
const details = [usgs, smm, smmWeekly];

const rows = Object.assign(
  [
    {row_id: "a", period: "2024", value: 270000, unit: "t REO", basis: "estimate", source_id: "usgs-mcs2025"},
    {row_id: "b", period: "2025", value: 270000, unit: "t REO", basis: "forecast", source_id: "smm-forum-2025"},
    {row_id: null, period: "2025", value: 540000, unit: "t REO", basis: "actual", source_ids: "usgs-mcs2025,smm-forum-2025"}
  ],
  {columns: ["row_id", "period", "value", "unit", "basis", "source_id", "source_ids"]}
);

const figure: FigureIdentity = {
  id: "quota-2025", page: "/supply", title: "China's mining quota", subtitle: "Tonnes of REO; the forum's forecast for 2025",
  url: "http://127.0.0.1:3000/supply?years=2018-2025#chart-quota-2025", sql: "SELECT * FROM observations", release: {release_id: "2026-02-12.96f5b53ae5ba", as_of: "2026-02-12"},
  accessed: "2026-12-02"
};

describe("the evidence CSV", () => {
  it("keeps the figure's columns and adds, per row, its sources' titles, original addresses, the copy read and the release", () => {
    const csv = csvParse(evidenceCsv(rows, details, figure.release));
    expect(csv.columns).toEqual([...rows.columns, ...EVIDENCE_COLUMNS]);
    expect(csv.map((row) => row.value)).toEqual(["270000", "270000", "540000"]);
    expect(csv[0].source_title).toBe(usgs.title);
    expect(csv[0].source_url).toBe(usgs.url);
    expect(csv[0].source_copy_read).toBe(usgs.read_at);
    // No address known: empty, never the mirror's.
    expect(csv[1].source_url).toBe("");
    // A sum names both of its sources.
    expect(csv[2].source_title).toBe(`${usgs.title} | ${smm.title}`);
    expect(csv[2].source_publisher).toBe(`${usgs.publisher} | ${smm.publisher}`);
    expect(new Set(csv.map((row) => row.release_id))).toEqual(new Set([figure.release.release_id]));
  });

  it("refuses rows citing a source the lookup does not hold, in the CSV as in the citation", () => {
    expect(() => citedSources([{source_id: "nowhere"}], details)).toThrow(/nowhere.*not in the sources table/);
    expect(() => evidenceCsv(Object.assign([{row_id: "x", source_ids: "usgs-mcs2025,nowhere"}], {columns: ["row_id", "source_ids"]}), details, figure.release)).toThrow(/nowhere/);
  });

  it("neutralises a formula in the evidence columns too", () => {
    const hostile = {...usgs, title: "=HYPERLINK(\"http://evil.example\")", publisher: "+cmd|' /C calc'!A0"};
    const csv = csvParse(evidenceCsv(Object.assign([{row_id: "a", source_id: "usgs-mcs2025"}], {columns: ["row_id", "source_id"]}), [hostile], figure.release));
    expect(csv[0].source_title).toBe(`'${hostile.title}`);
    expect(csv[0].source_publisher).toBe(`'${hostile.publisher}`);
  });
});

describe("the citation", () => {
  const sources = citedSources(rows, details);

  it("names the release, the view's address and every source with its publisher and address", () => {
    const text = citationText(figure, sources);
    expect(text).toContain("data release 2026-02-12.96f5b53ae5ba");
    expect(text).toContain(figure.url);
    expect(text).toContain(`U.S. Geological Survey, “${usgs.title}” (2025-01), ${usgs.url} (copy read: ${usgs.read_at})`);
    expect(text).toContain(`SMM Information & Technology Co., Ltd., “${smm.title}” (2025-05-29)`);
    expect(sources.map((s) => s.source_id)).toEqual(["smm-forum-2025", "usgs-mcs2025"]);
  });

  it("writes BibTeX with one entry per document, special characters escaped and braces balanced", () => {
    const bib = citationBibtex(figure, sources);
    expect(bib.match(/^@misc\{/gm)).toHaveLength(3);
    expect(bib).toContain("author = {{Rare Earth Observatory}}");
    expect(bib).toContain("author = {{SMM Information \\& Technology Co., Ltd.}}");
    expect(bib).toContain("title = {Forum report: 50\\% \\& more \\{sic\\}}");
    expect(bib).toContain(`url = {${figure.url}}`);
    let depth = 0;
    for (const c of bib.replace(/\\[{}]/g, "")) {
      depth += c === "{" ? 1 : c === "}" ? -1 : 0;
      expect(depth).toBeGreaterThanOrEqual(0);
    }
    expect(depth).toBe(0);
    expect(bibtexEscape("a_b#c$d~e^f\\")).toBe("a\\_b\\#c\\$d\\~{}e\\^{}f\\textbackslash{}");
  });

  it("writes CSL-JSON: the figure with its release as version, then each source", () => {
    const [item, ...rest] = citationCsl(figure, sources) as Record<string, any>[];
    expect(item).toMatchObject({type: "figure", version: figure.release.release_id, URL: figure.url, issued: {"date-parts": [[2026, 2, 12]]}, accessed: {"date-parts": [[2026, 12, 2]]}});
    expect(rest.map((s) => s.id)).toEqual(["smm-forum-2025", "usgs-mcs2025"]);
    expect(rest[1]).toMatchObject({URL: usgs.url, issued: {"date-parts": [[2025, 1]]}, author: [{literal: "U.S. Geological Survey"}]});
    expect(rest[0].URL).toBeUndefined();
  });

  it("groups an image's source line by publication and counts what it does not name", () => {
    expect(imageSourceLine([usgs, smm, smmWeekly])).toBe("Sources: SMM (2 documents); USGS MCS 2025.");
    const many = Array.from({length: 11}, (_, i) => ({...usgs, source_id: `s${i}`, short_name: `Publisher ${String.fromCharCode(65 + i)}`}));
    expect(imageSourceLine(many)).toMatch(/Publisher A; .*Publisher H; 3 more publishers/);
    expect(imageSourceLine([])).toBe("Sources: none named in the rows.");
  });
});

describe("the data package", () => {
  const created = "2026-12-02T10:00:00.000Z";
  const files = unzipSync(dataPackage(figure, rows, details, created));

  it("holds the CSV, metadata.json, the SQL and a README", () => {
    expect(Object.keys(files).sort()).toEqual(["README.md", "metadata.json", "quota-2025.csv", "quota-2025.sql"]);
    expect(strFromU8(files["quota-2025.csv"])).toBe(evidenceCsv(rows, details, figure.release));
    expect(strFromU8(files["quota-2025.sql"]).trim()).toBe(figure.sql);
    const readme = strFromU8(files["README.md"]);
    expect(readme).toContain("# China's mining quota");
    expect(readme).toContain(usgs.url);
    expect(readme).toContain("units: t REO; bases: estimate, forecast, actual");
  });

  it("writes metadata.json that validates against the project's schema", () => {
    const metadata = figurePackageMetadata.parse(JSON.parse(strFromU8(files["metadata.json"])));
    expect(metadata.rows).toBe(3);
    expect(metadata.sources.map((s) => s.source_id)).toEqual(["smm-forum-2025", "usgs-mcs2025"]);
    expect(metadata.release.release_id).toBe(figure.release.release_id);
    expect(metadata.citation.text).toBe(citationText(figure, citedSources(rows, details)));
  });

  it("has a schema that rejects what a consumer could not rely on", () => {
    const good = JSON.parse(strFromU8(files["metadata.json"]));
    const broken = [
      {...good, release: {...good.release, release_id: "latest"}},
      {...good, bases: ["guess"]},
      {...good, figure: {...good.figure, url: "javascript:alert(1)"}},
      {...good, sources: [{...good.sources[0], url: "ftp://example.org"}]},
      {...good, extra: true}
    ];
    for (const metadata of broken) expect(figurePackageMetadata.safeParse(metadata).success).toBe(false);
  });
});

describe("the PNG's text", () => {
  // A 2×1 RGBA PNG made with Node's own zlib and crc32, not with the code under test.
  const nodeChunk = (type: string, data: Buffer) => {
    const head = Buffer.alloc(8);
    head.writeUInt32BE(data.length, 0);
    head.write(type, 4, "latin1");
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])), 0);
    return Buffer.concat([head, data, crc]);
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(2, 0);
  header.writeUInt32BE(1, 4);
  header.set([8, 6, 0, 0, 0], 8);
  const png = new Uint8Array(Buffer.concat([
    Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]),
    nodeChunk("IHDR", header),
    nodeChunk("IDAT", deflateSync(Buffer.from([0, 255, 0, 0, 255, 0, 0, 255, 255]))),
    nodeChunk("IEND", Buffer.alloc(0))
  ]));

  it("adds UTF-8 iTXt chunks before IEND that read back, with valid checksums, and keeps the image chunks", () => {
    const text = {Title: "Pr–Nd oxide: prices in ¥ by market", Source: "SMM, 2026-01-29; 生意社 100ppi"};
    const out = pngWithText(png, text);
    expect(pngText(out)).toEqual(text);
    const chunks = pngChunks(out);
    expect(chunks.at(-1)?.type).toBe("IEND");
    expect(chunks.filter((c) => c.type !== "iTXt")).toEqual(pngChunks(png));
    // Every chunk's CRC, checked with Node's own crc32.
    const view = new DataView(out.buffer, out.byteOffset);
    for (let offset = 8; offset < out.length; ) {
      const length = view.getUint32(offset);
      expect(view.getUint32(offset + 8 + length)).toBe(crc32(out.subarray(offset + 4, offset + 8 + length)));
      offset += 12 + length;
    }
  });

  it("refuses bytes that are not a PNG", () => {
    expect(() => pngWithText(new TextEncoder().encode("GIF89a......"), {Title: "x"})).toThrow(/not a PNG/);
  });
});
