import {z} from "zod";
import type {Column} from "../lib/parquet.ts";
import {THEMES} from "./observation.ts";
import {oneOf, required, slug} from "./fields.ts";

export const EVENT_RECORD_COLUMNS = ["event_id", "date", "title", "description", "theme", "source_id", "source_locator"] as const;

/** One dated event for chart annotations (data-loaders/sources/events.csv). */
export const eventRecord = z.object({
  event_id: slug("event_id"),
  date: required("date"),
  title: required("title"),
  description: required("description"),
  theme: oneOf("theme", THEMES),
  source_id: slug("source_id"),
  source_locator: required("source_locator")
});

export type EventRecord = z.output<typeof eventRecord>;

export interface Event extends Omit<EventRecord, "date"> {
  date: string;
  date_start: string;
  date_end: string;
}

export const EVENT_COLUMNS: readonly Column[] = [
  {name: "event_id", type: "VARCHAR"},
  {name: "date", type: "VARCHAR"},
  {name: "date_start", type: "DATE"},
  {name: "date_end", type: "DATE"},
  {name: "title", type: "VARCHAR"},
  {name: "description", type: "VARCHAR"},
  {name: "theme", type: "VARCHAR"},
  {name: "source_id", type: "VARCHAR"},
  {name: "source_locator", type: "VARCHAR"}
];
