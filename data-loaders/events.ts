import {join} from "node:path";
import {readCsv} from "./lib/csv.ts";
import {log} from "./lib/log.ts";
import {toParquet} from "./lib/parquet.ts";
import {releaseMetadata} from "./release.ts";
import {sourcesDir} from "./lib/paths.ts";
import {parsePeriod} from "./lib/period.ts";
import {failIfAny, type Problem} from "./lib/problems.ts";
import {readSources} from "./lib/sources.ts";
import {issueMessages} from "./schema/fields.ts";
import {EVENT_COLUMNS, EVENT_RECORD_COLUMNS, eventRecord, type Event} from "./schema/event.ts";

/**
 * The events table (policy and trade events to annotate charts), ordered by date. `date` keeps
 * the precision of the source ("2025-04" for a month); date_start and date_end give the span.
 */
export function loadEvents(dir?: string): Event[] {
  const {sources, problems} = readSources(dir);
  const known = new Set(sources.map((s) => s.source_id));
  const read = readCsv(join(sourcesDir(dir), "events.csv"), EVENT_RECORD_COLUMNS);
  const all: Problem[] = [...problems, ...read.problems];
  const events: Event[] = [];
  const seen = new Set<string>();
  for (const {file, line, record} of read.records) {
    const parsed = eventRecord.safeParse(record);
    if (!parsed.success) {
      for (const message of issueMessages(parsed.error)) all.push({file, line, message});
      continue;
    }
    const event = parsed.data;
    const span = parsePeriod(event.date);
    const messages: string[] = [];
    if (!span) messages.push(`date "${event.date}" is not a recognised date or span (YYYY-MM-DD, YYYY-MM, or two joined by "/")`);
    if (!known.has(event.source_id)) messages.push(`source_id "${event.source_id}" is not in sources.csv`);
    if (seen.has(event.event_id)) messages.push(`event_id "${event.event_id}" is already used`);
    seen.add(event.event_id);
    for (const message of messages) all.push({file, line, message});
    if (span && messages.length === 0) events.push({...event, date_start: span.start, date_end: span.end});
  }
  failIfAny(all);
  return events.sort((a, b) => (a.date_start < b.date_start ? -1 : a.date_start > b.date_start ? 1 : a.event_id < b.event_id ? -1 : 1));
}

export async function eventsParquet(dir?: string): Promise<Uint8Array> {
  const rows = loadEvents(dir);
  log(`events: ${rows.length} rows`);
  return toParquet(rows, EVENT_COLUMNS, releaseMetadata(dir));
}
