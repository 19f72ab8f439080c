// What a figure carries when a reader takes it away: a CSV whose every row names its sources
// by title and address and the data release; a citation (plain text, BibTeX, CSL-JSON) with
// the release, the link to the view the reader sees and the documents it draws on; and a data
// package (zip: the CSV, metadata.json, the SQL and a README). Pure functions, no DOM: the
// figure's toolbar (figureTools.ts) calls them, unit tests reach them, and metadata.json is
// validated by data-loaders/schema/figurePackage.ts.
import {strToU8, zipSync} from "npm:fflate";
import {columnNames, rowSourceIds, rowsToCsv, shortSourceName, type Row} from "./figureData.js";
import type {Rows} from "./rows.js";

/** A source document as the take-away files name it (the `sources` table's columns). */
export interface SourceDetail {
  source_id: string;
  short_name: string;
  title: string;
  publisher: string;
  /** Publication date as the record gives it: YYYY, YYYY-MM or YYYY-MM-DD. */
  date: string;
  /** The original's address, where known. */
  url: string | null;
  /** The copy that was read, when it is not the original. */
  read_at: string | null;
  licence: string;
}

/** The data release a build was made from (data-loaders/release.ts), as the page's head names it. */
export interface ReleaseRef {
  release_id: string;
  as_of: string;
}

/** Which figure, in which view, from which release. */
export interface FigureIdentity {
  id: string;
  /** The page's path, e.g. "/supply". */
  page: string;
  title: string;
  subtitle: string | null;
  /** The address of the view the reader sees: the page, its inputs' state, and #chart-<id>. */
  url: string;
  sql: string;
  release: ReleaseRef;
  /** The day the reader took the figure away, YYYY-MM-DD. */
  accessed: string;
}

export const PUBLISHER = "Rare Earth Observatory";
export const PACKAGE_FORMAT = "rare-earth-observatory.figure-package";
export const PACKAGE_VERSION = 1;

/** The original document's address, where the record knows it ("" where it does not). */
export function sourceAddress(source: SourceDetail): string {
  return source.url ?? "";
}

/** The address of the copy that was read, where it is not the original ("" otherwise). */
export function copyReadAddress(source: SourceDetail): string {
  return source.read_at && source.read_at !== source.url ? source.read_at : "";
}

/** A lookup by id that refuses an id it does not hold: a cited source must be named, never left blank. */
function sourceLookup(details: readonly SourceDetail[]): (id: string) => SourceDetail {
  const byId = new Map(details.map((source) => [source.source_id, source]));
  return (id) => {
    const source = byId.get(id);
    if (!source) throw new Error(`source ${id} is cited by the figure's rows but not in the sources table`);
    return source;
  };
}

/** The sources some rows cite, in id order. */
export function citedSources(rows: readonly Row[], details: readonly SourceDetail[]): SourceDetail[] {
  return [...new Set(rows.flatMap(rowSourceIds))].sort().map(sourceLookup(details));
}

/** The columns the evidence CSV adds after the figure's own. */
export const EVIDENCE_COLUMNS = ["source_title", "source_publisher", "source_date", "source_url", "source_copy_read", "source_licence", "release_id"] as const;

/**
 * The figure's rows, every column as the query returned it, then for each row the title,
 * publisher, date, address (the original's; the copy read, where that is another) and licence
 * of the sources it cites (" | " between several) and the data release. The unit and basis are the rows' own `unit` / `canonical_unit` and `basis`.
 */
export function evidenceRows(rows: Rows, details: readonly SourceDetail[], release: ReleaseRef): Rows {
  const lookup = sourceLookup(details);
  const own = columnNames(rows).filter((name) => !(EVIDENCE_COLUMNS as readonly string[]).includes(name));
  const joined = (sources: SourceDetail[], pick: (source: SourceDetail) => string) => sources.map(pick).join(" | ");
  const out: Row[] & {columns?: string[]} = rows.map((row) => {
    const sources = rowSourceIds(row).map(lookup);
    return {
      ...Object.fromEntries(own.map((name) => [name, row[name]])),
      source_title: joined(sources, (s) => s.title),
      source_publisher: joined(sources, (s) => s.publisher),
      source_date: joined(sources, (s) => s.date),
      source_url: joined(sources, sourceAddress),
      source_copy_read: joined(sources, copyReadAddress),
      source_licence: joined(sources, (s) => s.licence),
      release_id: release.release_id
    };
  });
  out.columns = [...own, ...EVIDENCE_COLUMNS];
  return out;
}

export function evidenceCsv(rows: Rows, details: readonly SourceDetail[], release: ReleaseRef): string {
  return rowsToCsv(evidenceRows(rows, details, release));
}

/** The distinct values of the first of `columns` the rows have, in order of appearance. */
function distinct(rows: readonly Row[], columns: readonly string[]): string[] {
  const column = columns.find((name) => rows.some((row) => row[name] != null && row[name] !== ""));
  if (!column) return [];
  return [...new Set(rows.map((row) => row[column]).filter((value) => value != null && value !== "").map(String))];
}

/** The units the figure's numbers are in (the measure's canonical unit where the rows carry it). */
export const unitsOf = (rows: readonly Row[]) => distinct(rows, ["canonical_unit", "unit"]);
/** actual / estimate / forecast / target, as the rows label their figures. */
export const basesOf = (rows: readonly Row[]) => distinct(rows, ["basis"]);

/** [year, month?, day?] of a YYYY[-MM[-DD]] date, for CSL-JSON. */
function dateParts(date: string): number[] {
  return date.split("-").map(Number);
}


/** A source as a citation names it: the original's address, and the copy read where that is another. */
function sourceCitation(source: SourceDetail): string {
  const address = sourceAddress(source);
  const copy = copyReadAddress(source);
  return `${source.publisher}, “${source.title}” (${source.date})${address ? `, ${address}` : ""}${copy ? ` (copy read: ${copy})` : ""}`;
}

/** The citation as a reader pastes it into a report. */
export function citationText(figure: FigureIdentity, sources: readonly SourceDetail[]): string {
  const lines = [
    `${PUBLISHER}, “${figure.title}” [chart]${figure.subtitle ? ` (${figure.subtitle})` : ""}, data release ${figure.release.release_id} (data as of ${figure.release.as_of}). ${figure.url} (accessed ${figure.accessed}).`
  ];
  if (sources.length) lines.push(`Sources: ${sources.map(sourceCitation).join("; ")}.`);
  return lines.join("\n");
}

/** BibTeX's special characters, escaped in a field's text. */
export function bibtexEscape(text: string): string {
  return text.replace(/[\\{}%&$#_^~]/g, (c) => (c === "\\" ? "\\textbackslash{}" : c === "^" ? "\\^{}" : c === "~" ? "\\~{}" : `\\${c}`));
}

const bibtexKey = (text: string) => text.replace(/[^A-Za-z0-9.:-]+/g, "-");

/** A field's value; a corporate author is braced twice so BibTeX keeps the name whole. */
type BibField = [name: string, value: string | null, corporate?: boolean];

function bibtexEntry(key: string, fields: BibField[]): string {
  const body = fields
    .filter(([, value]) => value != null && value !== "")
    .map(([name, value, corporate]) => {
      const text = name === "url" ? value!.replace(/[{}\\]/g, encodeURIComponent) : bibtexEscape(value!);
      return `  ${name} = {${corporate ? `{${text}}` : text}}`;
    });
  return `@misc{${bibtexKey(key)},\n${body.join(",\n")}\n}`;
}

/** The figure as a @misc entry, then one entry per source it draws on. */
export function citationBibtex(figure: FigureIdentity, sources: readonly SourceDetail[]): string {
  const entries = [
    bibtexEntry(`reo-${figure.id}-${figure.release.release_id}`, [
      ["author", PUBLISHER, true],
      ["title", figure.title],
      ["howpublished", figure.subtitle ? `Chart: ${figure.subtitle}` : "Chart"],
      ["year", figure.release.as_of.slice(0, 4)],
      ["version", figure.release.release_id],
      ["url", figure.url],
      ["urldate", figure.accessed],
      ["note", `Data release ${figure.release.release_id}, data as of ${figure.release.as_of}.${sources.length ? ` Sources: ${sources.map((s) => s.short_name).join("; ")}.` : ""}`]
    ]),
    ...sources.map((source) =>
      bibtexEntry(`src-${source.source_id}`, [
        ["author", source.publisher, true],
        ["title", source.title],
        ["year", source.date.slice(0, 4)],
        ["url", sourceAddress(source)],
        ["note", `Licence: ${source.licence}.${copyReadAddress(source) ? ` Copy read: ${copyReadAddress(source)}.` : ""}`]
      ])
    )
  ];
  return entries.join("\n\n") + "\n";
}

/** CSL-JSON items: the figure first, then its sources, for Zotero, Pandoc and citeproc. */
export function citationCsl(figure: FigureIdentity, sources: readonly SourceDetail[]): Record<string, unknown>[] {
  return [
    {
      id: `reo-${figure.id}-${figure.release.release_id}`,
      type: "figure",
      title: figure.title,
      genre: "chart",
      author: [{literal: PUBLISHER}],
      publisher: PUBLISHER,
      issued: {"date-parts": [dateParts(figure.release.as_of)]},
      accessed: {"date-parts": [dateParts(figure.accessed)]},
      version: figure.release.release_id,
      URL: figure.url,
      note: `${figure.subtitle ? `${figure.subtitle}. ` : ""}Data release ${figure.release.release_id}. Sources: ${sources.map((s) => s.source_id).join(", ") || "none named"}.`
    },
    ...sources.map((source) => ({
      id: source.source_id,
      type: "report",
      title: source.title,
      author: [{literal: source.publisher}],
      publisher: source.publisher,
      issued: {"date-parts": [dateParts(source.date)]},
      ...(sourceAddress(source) ? {URL: sourceAddress(source)} : {}),
      ...(copyReadAddress(source) ? {note: `Copy read: ${copyReadAddress(source)}`} : {}),
      license: source.licence
    }))
  ];
}

/** Publications shown by name under an image; the rest are counted (all are in the data package). */
const IMAGE_SOURCE_GROUPS = 8;

/**
 * The sources line under an image: short names grouped by their head ("SMM, 2025-01-23" and
 * "SMM, May 2025" are "SMM (2 documents)"), the eight with the most documents named and the rest counted.
 */
export function imageSourceLine(sources: readonly SourceDetail[]): string {
  if (!sources.length) return "Sources: none named in the rows.";
  const groups = new Map<string, number>();
  for (const source of sources) {
    const head = shortSourceName(source).split(",")[0].trim();
    groups.set(head, (groups.get(head) ?? 0) + 1);
  }
  const named = [...groups].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).slice(0, IMAGE_SOURCE_GROUPS).map(([head, n]) => (n > 1 ? `${head} (${n} documents)` : head));
  const rest = groups.size - named.length;
  const more = rest > 0 ? `; ${rest} more ${rest === 1 ? "publisher" : "publishers"} (every document is listed in the figure's data package)` : "";
  return `${sources.length === 1 ? "Source" : "Sources"}: ${named.join("; ")}${more}.`;
}

/** The file names inside a figure's data package. */
export function packageFiles(id: string) {
  return {csv: `${id}.csv`, metadata: "metadata.json", sql: `${id}.sql`, readme: "README.md"};
}

/** metadata.json: what the figure is, where its numbers come from, and how to make them again. */
export function packageMetadata(figure: FigureIdentity, rows: Rows, sources: readonly SourceDetail[], created: string) {
  const files = packageFiles(figure.id);
  return {
    format: PACKAGE_FORMAT,
    version: PACKAGE_VERSION,
    created,
    figure: {id: figure.id, page: figure.page, title: figure.title, subtitle: figure.subtitle, url: figure.url},
    release: {release_id: figure.release.release_id, as_of: figure.release.as_of},
    rows: rows.length,
    columns: columnNames(evidenceRows(rows, sources, figure.release)),
    units: unitsOf(rows),
    bases: basesOf(rows),
    sql: figure.sql,
    sources: sources.map((s) => ({source_id: s.source_id, short_name: s.short_name, title: s.title, publisher: s.publisher, date: s.date, url: s.url, read_at: s.read_at, licence: s.licence})),
    citation: {text: citationText(figure, sources), bibtex: citationBibtex(figure, sources)},
    files: [
      {name: files.csv, description: "The figure's rows, each with the title, address and licence of its sources and the data release."},
      {name: files.metadata, description: "This file."},
      {name: files.sql, description: "The query that returns the rows, over the site's tables (runs in the SQL workbench)."},
      {name: files.readme, description: "What the package holds, in words."}
    ]
  };
}

export type PackageMetadata = ReturnType<typeof packageMetadata>;

export function packageReadme(metadata: PackageMetadata): string {
  const lines = [
    `# ${metadata.figure.title}`,
    "",
    ...(metadata.figure.subtitle ? [metadata.figure.subtitle, ""] : []),
    `A figure of the ${PUBLISHER}, data release ${metadata.release.release_id} (data as of ${metadata.release.as_of}), taken away on ${metadata.created.slice(0, 10)}.`,
    "",
    `The view: ${metadata.figure.url}`,
    "",
    "## Files",
    ...metadata.files.map((file) => `- \`${file.name}\`: ${file.description}`),
    "",
    `${metadata.rows} ${metadata.rows === 1 ? "row" : "rows"}; units: ${metadata.units.join(", ") || "as in the rows"}; bases: ${metadata.bases.join(", ") || "not stated in the rows"}.`,
    "Each figure keeps its source's label: actual, estimate, forecast or target.",
    "",
    "## Sources",
    ...(metadata.sources.length ? metadata.sources.map((s) => `- ${sourceCitation(s)}. Licence: ${s.licence}.`) : ["- None named in the rows."]),
    "",
    "## How to cite",
    "",
    metadata.citation.text,
    ""
  ];
  return lines.join("\n");
}

/** The zip a reader downloads: CSV, metadata.json, the SQL and the README. */
export function dataPackage(figure: FigureIdentity, rows: Rows, details: readonly SourceDetail[], created: string): Uint8Array {
  const sources = citedSources(rows, details);
  const metadata = packageMetadata(figure, rows, sources, created);
  const files = packageFiles(figure.id);
  const mtime = new Date(created);
  return zipSync(
    {
      [files.csv]: strToU8(evidenceCsv(rows, details, figure.release)),
      [files.metadata]: strToU8(`${JSON.stringify(metadata, null, 2)}\n`),
      [files.sql]: strToU8(`${figure.sql.trim()}\n`),
      [files.readme]: strToU8(packageReadme(metadata))
    },
    {mtime}
  );
}
