import {z} from "zod";
import type {Column} from "../lib/parquet.ts";
import {oneOf, optionalText, required, slug} from "./fields.ts";

export const CONFIDENCES = ["normal", "low"] as const;

export const SOURCE_RECORD_COLUMNS = [
  "source_id", "short_name", "title", "publisher", "date", "url", "read_at", "read_note", "licence", "confidence", "notes"
] as const;

/** The longest short name a caption takes ("USGS MCS 2026 data release", "SMM, May 2025"). */
export const SHORT_NAME_MAX = 48;

const webAddress = (column: string) =>
  optionalText.refine((url) => url === null || /^https?:\/\/\S+$/.test(url), {
    error: (issue) => `${column} "${String(issue.input)}" is not an http(s) address`
  });

/**
 * One source document (data-loaders/sources/sources.csv). The record names the document as its
 * publisher issued it (title, publisher, date, `url` = the original's address where known) and,
 * apart from it, the copy that was read (`read_at`, `read_note`).
 */
export const sourceRecord = z
  .object({
    source_id: slug("source_id"),
    short_name: required("short_name").refine((name) => name.length <= SHORT_NAME_MAX, {
      error: (issue) => `short_name "${String(issue.input)}" is longer than ${SHORT_NAME_MAX} characters`
    }),
    title: required("title"),
    publisher: required("publisher"),
    date: z.string().regex(/^\d{4}(-\d{2}(-\d{2})?)?$/, {
      error: (issue) => `date "${String(issue.input)}" is not YYYY, YYYY-MM or YYYY-MM-DD`
    }),
    url: webAddress("url").refine((url) => url === null || !/^https?:\/\/(www\.)?github\.com\//i.test(url), {
      error: "url is a GitHub address: a copy kept on GitHub is the copy read (read_at), not the original"
    }),
    read_at: webAddress("read_at"),
    read_note: optionalText,
    licence: required("licence"),
    confidence: oneOf("confidence", CONFIDENCES),
    notes: optionalText
  })
  .superRefine((source, context) => {
    // A copy other than the original must say what it is; so must a copy with no address.
    if (source.read_note === null && source.read_at !== source.url) {
      const why = source.read_at === null ? "read_at is empty" : "read_at differs from url";
      context.addIssue({code: "custom", message: `read_note is empty but ${why}: say what copy was read`});
    }
    // Captions cite the publisher: a server's address is where a copy was read, not who published it.
    if (/^\d{1,3}(\.\d{1,3}){3}$/.test(source.publisher)) {
      context.addIssue({code: "custom", message: `publisher "${source.publisher}" is an IP address: name who published the document (the address belongs in read_at)`});
    }
    // A title that says the copy was republished ("Reuters via Nasdaq") names a copy, not the original.
    if (REPUBLISHED.test(source.title) && source.url !== null && source.url === source.read_at) {
      context.addIssue({code: "custom", message: `the title says the copy read was republished, but url is that copy's address: leave url empty (or give the original's) and say in read_note who republished it`});
    }
    // "(…, citing Reuters)" is a note on the document, not part of its title or its publisher's name.
    for (const field of ["title", "publisher"] as const) {
      if (CITING.test(source[field])) context.addIssue({code: "custom", message: `the ${field} carries a note on what the document cites ("${source[field].match(CITING)![0].trim()}"): give the ${field} as published and say "Cites …" in notes`});
    }
  });

/** A compiler's note in parentheses on what a document cites: "(Rare Earth Exchanges, citing SMM)". */
const CITING = /\s*\([^()]*\bciting\b[^()]*\)\s*$/i;

/** How a title marks the copy read as someone else's republication: "(Reuters via Nasdaq)", "(…, republished)". */
const REPUBLISHED = /\bvia\b|\brepublish|\bmirror\b|\bcopy (on|hosted)\b/i;

export type SourceRecord = z.output<typeof sourceRecord>;

export interface Source extends SourceRecord {
  year: number;
}

export const SOURCE_COLUMNS: readonly Column[] = [
  {name: "source_id", type: "VARCHAR"},
  {name: "short_name", type: "VARCHAR"},
  {name: "title", type: "VARCHAR"},
  {name: "publisher", type: "VARCHAR"},
  {name: "date", type: "VARCHAR"},
  {name: "year", type: "INTEGER"},
  {name: "url", type: "VARCHAR"},
  {name: "read_at", type: "VARCHAR"},
  {name: "read_note", type: "VARCHAR"},
  {name: "licence", type: "VARCHAR"},
  {name: "confidence", type: "VARCHAR"},
  {name: "notes", type: "VARCHAR"}
];
