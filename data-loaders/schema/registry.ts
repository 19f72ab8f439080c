import {z} from "zod";
import {UNIT_NAMES, isUnit, type Unit} from "./units.ts";
import {oneOf, optionalText, required, slug} from "./fields.ts";
import {THEMES} from "./themes.ts";

/**
 * Who states a series. The basis rule reads it: a body's "will be at least" about its own plan is
 * a target, the same words from an analyst or a speaker are a forecast.
 *   statistics  an agency or compiler reporting outturns (USGS, customs, CAAM, IFR, UN Comtrade)
 *   body        a government or industry body stating its own quotas, plans or goals (MIIT, CWEA)
 *   analyst     a consultancy, bank, agency outlook or research firm (SMM, IEA, GWEC, Argus)
 *   speaker     a speaker at an event, reported in its proceedings (the forum's invited speakers)
 *   media       a news or web page restating figures whose originator it does not name
 */
export const STATED_BY_TYPES = ["statistics", "body", "analyst", "speaker", "media"] as const;
export type StatedByType = (typeof STATED_BY_TYPES)[number];

export const MEASURE_RECORD_COLUMNS = ["measure", "name", "canonical_unit", "preferred_rule"] as const;
export const SERIES_RECORD_COLUMNS = [
  "series_id", "measure", "part", "geography", "partner", "counting_basis", "stated_by", "stated_by_type", "theme", "unit_reading", "preferred", "notes"
] as const;

const unit = (column: string) =>
  z.string().refine((text): text is Unit => isUnit(text), {
    error: (issue) => `${column} "${String(issue.input)}" is not in the unit list (${UNIT_NAMES.join(", ")})`
  }) as unknown as z.ZodType<Unit, string>;

const optionalUnit = (column: string) =>
  z
    .string()
    .refine((text) => text === "" || isUnit(text), {
      error: (issue) => `${column} "${String(issue.input)}" is not in the unit list (or empty)`
    })
    .transform((text) => (text === "" ? null : (text as Unit)));

const flag = (column: string) =>
  z.enum(["true", "false"], {error: (issue) => `${column} "${String(issue.input)}" is not true or false`}).transform((text) => text === "true");

/** A quantity, whoever states it (data-loaders/sources/registry/measures.csv). */
export const measureRecord = z.object({
  measure: z.string().regex(/^[a-z0-9_]+(\.[a-z0-9_]+)*$/, {
    error: (issue) => `measure "${String(issue.input)}" must be lower-case words (a-z, 0-9, _) joined by dots`
  }),
  name: required("name"),
  canonical_unit: unit("canonical_unit"),
  preferred_rule: required("preferred_rule")
});

/** One series: who states which part of a measure, where, counted how (registry/series.csv). */
export const seriesRecord = z.object({
  series_id: slug("series_id"),
  measure: required("measure"),
  part: required("part"),
  geography: required("geography"),
  partner: optionalText,
  counting_basis: optionalText,
  stated_by: required("stated_by"),
  stated_by_type: oneOf("stated_by_type", STATED_BY_TYPES),
  theme: oneOf("theme", THEMES),
  unit_reading: optionalUnit("unit_reading"),
  preferred: flag("preferred"),
  notes: optionalText
});

export type Measure = z.output<typeof measureRecord>;
export type Series = z.output<typeof seriesRecord>;
