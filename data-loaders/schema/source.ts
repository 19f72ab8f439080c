import {z} from "zod";
import type {Column} from "../lib/parquet.ts";
import {oneOf, optionalText, required, slug} from "./fields.ts";

export const CONFIDENCES = ["normal", "low"] as const;

export const SOURCE_RECORD_COLUMNS = ["source_id", "title", "publisher", "date", "url", "licence", "confidence", "notes"] as const;

/** One source document (data-loaders/sources/sources.csv). */
export const sourceRecord = z.object({
  source_id: slug("source_id"),
  title: required("title"),
  publisher: required("publisher"),
  date: z.string().regex(/^\d{4}(-\d{2}(-\d{2})?)?$/, {
    error: (issue) => `date "${String(issue.input)}" is not YYYY, YYYY-MM or YYYY-MM-DD`
  }),
  url: optionalText.refine((url) => url === null || /^https?:\/\/\S+$/.test(url), {
    error: (issue) => `url "${String(issue.input)}" is not an http(s) address`
  }),
  licence: required("licence"),
  confidence: oneOf("confidence", CONFIDENCES),
  notes: optionalText
});

export type SourceRecord = z.output<typeof sourceRecord>;

export interface Source extends SourceRecord {
  year: number;
}

export const SOURCE_COLUMNS: readonly Column[] = [
  {name: "source_id", type: "VARCHAR"},
  {name: "title", type: "VARCHAR"},
  {name: "publisher", type: "VARCHAR"},
  {name: "date", type: "VARCHAR"},
  {name: "year", type: "INTEGER"},
  {name: "url", type: "VARCHAR"},
  {name: "licence", type: "VARCHAR"},
  {name: "confidence", type: "VARCHAR"},
  {name: "notes", type: "VARCHAR"}
];
