// The tables every page and the workbench can query, with one line each for people.
// src/components/db.ts registers a Parquet snapshot for each; data-loaders/snapshots.ts
// builds them. A test keeps the three lists the same.
export const TABLE_DESCRIPTIONS = {
  observations: "Every figure, one row each: value, unit, period, basis (actual/estimate/forecast/target) and its source.",
  sources: "One row per source document: title, publisher, date, URL and licence or terms.",
  checks: "Data-quality findings computed from observations: parts that do not sum, stated changes that disagree, sources that disagree.",
  events: "Dated policy and trade events (export controls, tariff steps) that charts annotate.",
  release: "One row: the data release id (newest source date plus a hash of every record file) that every snapshot is stamped with; cite a figure with it."
} as const;

export type TableName = keyof typeof TABLE_DESCRIPTIONS;
export const TABLE_NAMES = Object.keys(TABLE_DESCRIPTIONS) as TableName[];
