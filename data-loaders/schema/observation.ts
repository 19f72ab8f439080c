import {z} from "zod";
import type {Column} from "../lib/parquet.ts";
import {UNIT_NAMES, isUnit, type Unit} from "./units.ts";
import {oneOf, optionalNumber, optionalOneOf, optionalText, required, slug} from "./fields.ts";

export const THEMES = ["supply", "trade", "magnets", "wind", "robotics", "prices", "demand"] as const;
export const PAGES = ["supply", "trade", "magnets", "wind", "robotics", "prices"] as const;
export const BASES = ["actual", "estimate", "forecast", "target"] as const;
export const CHANGE_BASES = ["yoy", "mom", "vs-period"] as const;
export const BOUNDS = ["lower", "upper"] as const;

/** The columns of every curated observation file (data-loaders/sources/observations/*.csv). */
export const OBSERVATION_RECORD_COLUMNS = [
  "row_id", "series_id", "dataset", "theme", "page", "indicator", "geography", "partner", "period",
  "value", "value_low", "value_high", "bound", "qualifier", "unit", "basis", "change_pct", "change_basis",
  "source_id", "source_locator", "vintage", "part_of", "notes"
] as const;

const unit = z.string().refine((text): text is Unit => isUnit(text), {
  error: (issue) => `unit "${String(issue.input)}" is not in the unit list (${UNIT_NAMES.join(", ")})`
}) as unknown as z.ZodType<Unit, string>;

/** One row of a curated observation file, as written by a person. */
export const observationRecord = z.object({
  row_id: slug("row_id"),
  series_id: slug("series_id"),
  dataset: slug("dataset"),
  theme: oneOf("theme", THEMES),
  page: oneOf("page", PAGES),
  indicator: required("indicator"),
  geography: required("geography"),
  partner: optionalText,
  period: z.string(),
  value: optionalNumber("value"),
  value_low: optionalNumber("value_low"),
  value_high: optionalNumber("value_high"),
  bound: optionalOneOf("bound", BOUNDS),
  qualifier: optionalText,
  unit,
  basis: oneOf("basis", BASES),
  change_pct: optionalNumber("change_pct"),
  change_basis: optionalOneOf("change_basis", CHANGE_BASES),
  source_id: slug("source_id"),
  source_locator: required("source_locator"),
  vintage: optionalText,
  part_of: optionalText,
  notes: optionalText
});

export type ObservationRecord = z.output<typeof observationRecord>;

/** A row of the observations table. */
export interface Observation extends Omit<ObservationRecord, "period"> {
  period: string | null;
  period_start: string | null;
  period_end: string | null;
  is_latest_vintage: boolean;
  confidence: "normal" | "low";
}

export const OBSERVATION_COLUMNS: readonly Column[] = [
  {name: "row_id", type: "VARCHAR"},
  {name: "series_id", type: "VARCHAR"},
  {name: "dataset", type: "VARCHAR"},
  {name: "theme", type: "VARCHAR"},
  {name: "page", type: "VARCHAR"},
  {name: "indicator", type: "VARCHAR"},
  {name: "geography", type: "VARCHAR"},
  {name: "partner", type: "VARCHAR"},
  {name: "period", type: "VARCHAR"},
  {name: "period_start", type: "DATE"},
  {name: "period_end", type: "DATE"},
  {name: "value", type: "DOUBLE"},
  {name: "value_low", type: "DOUBLE"},
  {name: "value_high", type: "DOUBLE"},
  {name: "bound", type: "VARCHAR"},
  {name: "qualifier", type: "VARCHAR"},
  {name: "unit", type: "VARCHAR"},
  {name: "basis", type: "VARCHAR"},
  {name: "change_pct", type: "DOUBLE"},
  {name: "change_basis", type: "VARCHAR"},
  {name: "source_id", type: "VARCHAR"},
  {name: "source_locator", type: "VARCHAR"},
  {name: "vintage", type: "VARCHAR"},
  {name: "is_latest_vintage", type: "BOOLEAN"},
  {name: "confidence", type: "VARCHAR"},
  {name: "part_of", type: "VARCHAR"},
  {name: "notes", type: "VARCHAR"}
];
