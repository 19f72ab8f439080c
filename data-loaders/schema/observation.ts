import {z} from "zod";
import type {Column} from "../lib/parquet.ts";
import {UNIT_NAMES, isUnit, type Unit} from "./units.ts";
import {optionalNumber, optionalOneOf, optionalText, required, slug} from "./fields.ts";
import type {Page, Theme} from "./themes.ts";
import type {Basis} from "../lib/basis.ts";

export {PAGES, THEMES} from "./themes.ts";
export const BASES = ["actual", "estimate", "forecast", "target"] as const;
export const CHANGE_BASES = ["yoy", "mom", "vs-period"] as const;
export const BOUNDS = ["lower", "upper"] as const;

/** The columns of every curated observation file (data-loaders/sources/observations/*.csv). */
export const OBSERVATION_RECORD_COLUMNS = [
  "row_id", "series_id", "dataset", "indicator", "geography", "partner", "period",
  "value", "value_low", "value_high", "bound", "qualifier", "unit", "basis_marker", "change_pct", "change_basis",
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
  /** The source's own word for the kind of figure ("e", "Estimated.", "expects"), or empty. */
  basis_marker: z.string().transform((text) => text.trim()),
  change_pct: optionalNumber("change_pct"),
  change_basis: optionalOneOf("change_basis", CHANGE_BASES),
  source_id: slug("source_id"),
  source_locator: required("source_locator"),
  vintage: optionalText,
  part_of: optionalText,
  /** The row_id of the figure the source states this one with (a demand with the units it is for). Optional column. */
  stated_with: z.string().optional().transform((text) => (text ? text : null)),
  notes: optionalText
});

export type ObservationRecord = z.output<typeof observationRecord>;

/** A row of the observations table: the record, its series' registry entry, and what code derived. */
export interface Observation extends Omit<ObservationRecord, "period"> {
  measure: string;
  part: string;
  counting_basis: string | null;
  stated_by: string;
  is_preferred: boolean;
  theme: Theme;
  page: Page;
  basis: Basis;
  canonical_unit: Unit;
  value_canonical: number | null;
  value_low_canonical: number | null;
  value_high_canonical: number | null;
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
  {name: "measure", type: "VARCHAR"},
  {name: "part", type: "VARCHAR"},
  {name: "counting_basis", type: "VARCHAR"},
  {name: "stated_by", type: "VARCHAR"},
  {name: "is_preferred", type: "BOOLEAN"},
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
  {name: "canonical_unit", type: "VARCHAR"},
  {name: "value_canonical", type: "DOUBLE"},
  {name: "value_low_canonical", type: "DOUBLE"},
  {name: "value_high_canonical", type: "DOUBLE"},
  {name: "basis", type: "VARCHAR"},
  {name: "basis_marker", type: "VARCHAR"},
  {name: "change_pct", type: "DOUBLE"},
  {name: "change_basis", type: "VARCHAR"},
  {name: "source_id", type: "VARCHAR"},
  {name: "source_locator", type: "VARCHAR"},
  {name: "vintage", type: "VARCHAR"},
  {name: "is_latest_vintage", type: "BOOLEAN"},
  {name: "confidence", type: "VARCHAR"},
  {name: "part_of", type: "VARCHAR"},
  {name: "stated_with", type: "VARCHAR"},
  {name: "notes", type: "VARCHAR"}
];
