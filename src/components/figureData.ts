// The pure parts of a chart figure — which rows a data-check finding touches, which sources
// a figure cites, the CSV of its rows — kept apart from the DOM so unit tests can reach them.
import {csvFormatBody, csvFormatRows} from "npm:d3";
import {csvCell, csvText} from "./cellText.js";

import type {Row, RowsMeta} from "./rows.js";

export type {Row} from "./rows.js";

export interface SourceRef {
  source_id: string;
  title: string;
  /** A short name for source lines and tooltips ("USGS MCS 2025"), when the sources table has one. */
  short_name?: string | null;
}

/**
 * A source's name as a source line or tooltip gives it: its short name, or else its title up to
 * the first comma, colon or bracket, at most 48 characters.
 */
export function shortSourceName(source: SourceRef): string {
  if (source.short_name) return source.short_name;
  const head = source.title.split(/[,:;[]| \(| — /)[0].trim() || source.title;
  return head.length > 48 ? head.slice(0, 47).trimEnd() + "…" : head;
}

/** The rows, each with `source_name`: the short names of the sources it cites. */
export function withSourceNames<T extends Row>(rows: readonly T[] & {columns?: readonly string[]}, sources: readonly SourceRef[]): (T & {source_name?: string})[] {
  if (!sources.length) return [...rows];
  const byId = new Map(sources.map((source) => [source.source_id, shortSourceName(source)]));
  return rows.map((row) => {
    const names = [...new Set(rowSourceIds(row).map((id) => byId.get(id) ?? id))];
    return names.length ? {...row, source_name: names.join("; ")} : row;
  });
}

export interface Finding {
  check_id: string;
  message: string;
  /** Row ids the finding is about, separated by commas, semicolons or white space. */
  row_ids: string | string[] | null;
  severity?: string | null;
  kind?: string | null;
}

export function splitRowIds(value: string | readonly string[] | null | undefined): string[] {
  if (value == null) return [];
  const parts = typeof value === "string" ? value.split(/[\s,;|]+/) : [...value];
  return parts.map((id) => id.trim()).filter(Boolean);
}

/**
 * The ids of the sources one row cites: its `source_id`, and on an aggregated row the
 * comma-separated `source_ids` (SQL: `string_agg(source_id, ',')`). The one rule the caption,
 * the tooltips, the CSV and the citations share.
 */
export function rowSourceIds(row: Row): string[] {
  const ids = typeof row.source_id === "string" && row.source_id ? [row.source_id] : [];
  if (typeof row.source_ids === "string") ids.push(...splitRowIds(row.source_ids));
  return [...new Set(ids)];
}

/**
 * The row ids behind some rows: a `row_id` column, or a `row_ids` column on aggregated rows
 * (SQL: `string_agg(row_id, ',') AS row_ids`), so a sum still knows which figures it used.
 */
export function rowIdsOf(rows: readonly Row[]): Set<string> {
  const ids = new Set<string>();
  for (const row of rows) {
    if (typeof row.row_id === "string") ids.add(row.row_id);
    if (typeof row.row_ids === "string") for (const id of splitRowIds(row.row_ids)) ids.add(id);
  }
  return ids;
}

/** The findings that name at least one of the rows, each with the ids it shares with them. */
export function findingsFor(rows: readonly Row[], findings: readonly Finding[] = []): (Finding & {matched: string[]})[] {
  const ids = rowIdsOf(rows);
  return findings
    .map((finding) => ({...finding, matched: splitRowIds(finding.row_ids).filter((id) => ids.has(id))}))
    .filter((finding) => finding.matched.length > 0);
}

/**
 * The sources a figure cites: those whose id appears in the rows' `source_id` (or
 * comma-separated `source_ids`) column; when the rows name none, every source given.
 */
export function sourcesFor(rows: readonly Row[], sources: readonly SourceRef[] = []): SourceRef[] {
  const cited = new Set(rows.flatMap(rowSourceIds));
  if (cited.size === 0) return [...sources];
  const byId = new Map(sources.map((source) => [source.source_id, source]));
  return [...cited].sort().map((id) => byId.get(id) ?? {source_id: id, title: id});
}

/** Column names in the order the query returned them (falls back to the first row's keys). */
export function columnNames(rows: readonly Row[] & RowsMeta): string[] {
  if (rows.columns?.length) return [...rows.columns];
  return rows.length ? Object.keys(rows[0]) : [];
}

export {csvCell};

/** Exactly the rows, every column, header first. */
export function rowsToCsv(rows: readonly Row[] & RowsMeta): string {
  const names = columnNames(rows);
  const header = csvFormatRows([names.map(csvText)]);
  if (!rows.length) return header + "\n";
  return header + "\n" + csvFormatBody(rows.map((row) => Object.fromEntries(names.map((name) => [name, csvCell(row[name])]))), names) + "\n";
}

/** A file name from a figure id and the query's state, safe on every file system. */
export function downloadName(id: string, extension: string): string {
  return `${id.replace(/[^a-z0-9-]+/gi, "-").replace(/^-+|-+$/g, "") || "rows"}.${extension}`;
}
