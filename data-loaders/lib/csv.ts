import {readFileSync} from "node:fs";
import {parse} from "csv-parse/sync";
import {displayPath} from "./paths.ts";
import type {Problem} from "./problems.ts";

/** A CSV record with the file and line where it starts, for error messages. */
export interface LocatedRecord {
  file: string;
  line: number;
  record: Record<string, string>;
}

/** No curated field comes near this (the longest is a few hundred characters); a longer one is a mistake, named at its line. */
export const MAX_FIELD_CHARS = 10_000;

/**
 * Reads a header-first CSV into records keyed by column name, each with the line it starts on.
 * Everything wrong with the file is returned as problems naming the file and the real line, not
 * thrown: bytes that are not UTF-8, NUL bytes, mixed line endings (CRLF and LF), a quote that is
 * never closed (at the line where it opens), a field longer than MAX_FIELD_CHARS, a header with
 * a repeated or missing column, no records under the header, a record with the wrong number of
 * fields.
 */
export function readCsv(path: string, requiredColumns: readonly string[]): {records: LocatedRecord[]; problems: Problem[]} {
  const file = displayPath(path);
  let bytes: Buffer;
  try {
    bytes = readFileSync(path);
  } catch (error) {
    return {records: [], problems: [{file, line: null, message: `cannot be read: ${(error as Error).message}`}]};
  }
  const byteProblem = encodingProblem(bytes);
  if (byteProblem) return {records: [], problems: [{file, ...byteProblem}]};
  const text = bytes.toString("utf8");
  const structure = structureProblem(text);
  if (structure) return {records: [], problems: [{file, ...structure}]};

  let rows: {record: string[]; raw: string; info: {lines: number}}[];
  try {
    rows = parse(text, {info: true, raw: true, bom: true, relax_column_count: true, skip_empty_lines: true}) as unknown as typeof rows;
  } catch (error) {
    const line = (error as {lines?: number}).lines ?? null;
    return {records: [], problems: [{file, line, message: `cannot be read as CSV: ${(error as Error).message}`}]};
  }
  if (rows.length === 0) return {records: [], problems: [{file, line: null, message: "is empty (no header row)"}]};

  const problems: Problem[] = [];
  const header = rows[0].record.map((name) => name.trim());
  const seen = new Map<string, number>();
  header.forEach((name, i) => {
    if (seen.has(name)) problems.push({file, line: 1, message: `column "${name}" appears twice in the header (columns ${seen.get(name)! + 1} and ${i + 1})`});
    else seen.set(name, i);
  });
  for (const column of requiredColumns) {
    if (!seen.has(column)) problems.push({file, line: 1, message: `missing column "${column}"`});
  }
  if (rows.length === 1) problems.push({file, line: 1, message: "has a header but no records"});
  if (problems.length) return {records: [], problems};

  const records: LocatedRecord[] = [];
  for (const {record, raw, info} of rows.slice(1)) {
    // csv-parse counts the line where a record ends; a quoted field may span lines.
    const line = info.lines - newlines(raw.replace(/\r?\n$/, ""));
    if (record.length !== header.length) {
      problems.push({file, line, message: `has ${record.length} fields but the header has ${header.length}`});
      continue;
    }
    const entry: Record<string, string> = {};
    header.forEach((name, i) => (entry[name] = record[i].trim()));
    records.push({file, line, record: entry});
  }
  return {records, problems};
}

function newlines(text: string): number {
  let count = 0;
  for (let i = text.indexOf("\n"); i >= 0; i = text.indexOf("\n", i + 1)) count++;
  return count;
}

/** The line of the first NUL byte or the first byte sequence that is not UTF-8, or null. */
export function encodingProblem(bytes: Uint8Array): {line: number; message: string} | null {
  const lineAt = (offset: number) => 1 + newlines(Buffer.from(bytes.buffer, bytes.byteOffset, offset).toString("latin1"));
  const nul = bytes.indexOf(0);
  if (nul >= 0) return {line: lineAt(nul), message: "contains a NUL byte"};
  const bad = firstInvalidUtf8(bytes);
  if (bad >= 0) return {line: lineAt(bad), message: `is not valid UTF-8 (byte 0x${bytes[bad].toString(16).padStart(2, "0")}); save the file as UTF-8`};
  return null;
}

/** Offset of the first byte that does not start or continue a well-formed UTF-8 sequence, or -1. */
function firstInvalidUtf8(bytes: Uint8Array): number {
  try {
    new TextDecoder("utf-8", {fatal: true}).decode(bytes);
    return -1;
  } catch {
    // Find the byte (files are small; a bad file is rare).
  }
  for (let i = 0; i < bytes.length; i++) {
    const c = bytes[i];
    const follow = c < 0x80 ? 0 : c >> 5 === 0b110 ? 1 : c >> 4 === 0b1110 ? 2 : c >> 3 === 0b11110 ? 3 : -1;
    if (follow < 0) return i;
    for (let k = 1; k <= follow; k++) if (i + k >= bytes.length || bytes[i + k] >> 6 !== 0b10) return i;
    i += follow;
  }
  return 0;
}

/**
 * One pass over the text, before any CSV parser sees it, for what a parser would report late or
 * at the wrong line: a line ending that differs from the first line's (CRLF against LF), a
 * field longer than MAX_FIELD_CHARS (at the line where it starts), and a quoted field that is
 * never closed — or is "closed" by a quote followed by something other than a delimiter, which
 * is the next field's opening quote when the closing one is missing — at the line where it opens.
 */
export function structureProblem(text: string): {line: number; message: string} | null {
  let line = 1;
  let firstEnding: "CRLF" | "LF" | null = null;
  let quotedSince: number | null = null;
  let atFieldStart = true;
  let fieldLength = 0;
  let fieldLine = 1;
  let fieldIndex = 0;
  const unclosed = (at: number) => ({line: at, message: "has a quote that is never closed (it opens on this line)"});
  const tooLong = () => {
    const header = (parse(text, {to_line: 1, bom: true, relax_quotes: true}) as string[][])[0] ?? [];
    const name = header[fieldIndex] === undefined ? `${fieldIndex + 1}` : `"${header[fieldIndex].trim()}"`;
    return {line: fieldLine, message: `field ${name} is longer than ${MAX_FIELD_CHARS.toLocaleString("en-US")} characters`};
  };
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quotedSince !== null) {
      if (c === '"') {
        if (text[i + 1] === '"') i++;
        else {
          const next = text[i + 1];
          if (next !== undefined && next !== "," && next !== "\r" && next !== "\n") return unclosed(quotedSince);
          quotedSince = null;
          continue;
        }
      } else if (c === "\n") line++;
      if (++fieldLength > MAX_FIELD_CHARS) return tooLong();
      continue;
    }
    if (c === "," || c === "\n") {
      if (c === "\n") {
        const ending = i > 0 && text[i - 1] === "\r" ? "CRLF" : "LF";
        firstEnding ??= ending;
        if (ending !== firstEnding) return {line, message: `line ${line} ends with ${ending} but line 1 ends with ${firstEnding}; use one kind of line ending throughout`};
        line++;
        fieldIndex = 0;
      } else fieldIndex++;
      atFieldStart = true;
      fieldLength = 0;
      fieldLine = line;
    } else if (c === '"' && atFieldStart) {
      quotedSince = line;
      atFieldStart = false;
    } else if (c !== "\r") {
      atFieldStart = false;
      if (++fieldLength > MAX_FIELD_CHARS) return tooLong();
    }
  }
  return quotedSince === null ? null : unclosed(quotedSince);
}
