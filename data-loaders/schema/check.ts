import {z} from "zod";
import type {Column} from "../lib/parquet.ts";
import {PAGES} from "./observation.ts";

export const CHECK_KINDS = [
  "sum_mismatch",
  "change_mismatch",
  "source_conflict",
  "within_source_disagreement",
  "vintage_revision",
  "forecast_outcome",
  "not_comparable"
] as const;

export const SEVERITIES = ["warning", "info"] as const;

/** A data-quality finding, computed by code from the observations (never written by hand). */
export const checkRow = z.object({
  check_id: z.string().min(1),
  kind: z.enum(CHECK_KINDS),
  severity: z.enum(SEVERITIES),
  page: z.enum(PAGES),
  message: z.string().min(1),
  row_ids: z.array(z.string()).min(1),
  series_ids: z.array(z.string()).min(1),
  source_ids: z.array(z.string()).min(1),
  details: z.string(),
  // Set on forecast_outcome findings only, for charts of forecast against outcome.
  forecast_row_id: z.string().nullable().default(null),
  outcome_row_id: z.string().nullable().default(null),
  error_pct: z.number().nullable().default(null)
});

export type Check = z.output<typeof checkRow>;
/** A finding as a check module produces it (the forecast columns may be left out). */
export type Finding = z.input<typeof checkRow>;

export const CHECK_COLUMNS: readonly Column[] = [
  {name: "check_id", type: "VARCHAR"},
  {name: "kind", type: "VARCHAR"},
  {name: "severity", type: "VARCHAR"},
  {name: "page", type: "VARCHAR"},
  {name: "message", type: "VARCHAR"},
  {name: "row_ids", type: "VARCHAR[]"},
  {name: "series_ids", type: "VARCHAR[]"},
  {name: "source_ids", type: "VARCHAR[]"},
  {name: "details", type: "VARCHAR"},
  {name: "forecast_row_id", type: "VARCHAR"},
  {name: "outcome_row_id", type: "VARCHAR"},
  {name: "error_pct", type: "DOUBLE"}
];
