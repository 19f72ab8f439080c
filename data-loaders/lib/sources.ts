import {join} from "node:path";
import {readCsv} from "./csv.ts";
import {sourcesDir} from "./paths.ts";
import type {Problem} from "./problems.ts";
import {issueMessages} from "../schema/fields.ts";
import {SOURCE_RECORD_COLUMNS, sourceRecord, type Source} from "../schema/source.ts";

/** Reads and validates sources.csv, returning rows and every problem found (nothing thrown). */
export function readSources(dir?: string): {sources: Source[]; problems: Problem[]} {
  const path = join(sourcesDir(dir), "sources.csv");
  const {records, problems} = readCsv(path, SOURCE_RECORD_COLUMNS);
  const sources: Source[] = [];
  const seen = new Map<string, number>();
  for (const {file, line, record} of records) {
    const parsed = sourceRecord.safeParse(record);
    if (!parsed.success) {
      for (const message of issueMessages(parsed.error)) problems.push({file, line, message});
      continue;
    }
    const source = parsed.data;
    const first = seen.get(source.source_id);
    if (first !== undefined) {
      problems.push({file, line, message: `source_id "${source.source_id}" is already used on line ${first}`});
      continue;
    }
    seen.set(source.source_id, line);
    sources.push({...source, year: Number(source.date.slice(0, 4))});
  }
  return {sources, problems};
}
