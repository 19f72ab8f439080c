// A figure's rows in one sentence, for readers who do not see the chart (screen readers, a
// crawler, a page read as text): how many figures, the periods they cover, the range of their
// values with the unit, and the largest. chartFigure puts it under the chart, visually hidden.
//
//   describeRows(rows) → "134 figures, 2010 to 2025, from 0 to 390,000 t REO; the largest: World, 2025, 390,000 t REO."
import {extent, greatest} from "npm:d3";
import {numberFormat} from "./basisMarks.js";
import type {Row} from "./rows.js";

/** Columns that name what a row is about, in the order a reader would want them. */
const LABELS = ["geography", "partner", "item", "series_name", "market", "scenario"] as const;

const format = (value: number) => numberFormat(2).format(value);
const periodText = (value: unknown) => (value instanceof Date ? value.toISOString().slice(0, 10) : String(value));

export function describeRows(rows: readonly Row[]): string {
  if (!rows.length) return "No figures for this selection.";
  const parts = [`${rows.length} ${rows.length === 1 ? "figure" : "figures"}`];
  const periods = rows.map((row) => row.period).filter((period) => period != null).map(periodText);
  const [first, last] = extent(periods);
  if (first !== undefined) parts.push(first === last ? first : `${first} to ${last}`);
  const valued = rows.filter((row) => typeof row.value === "number" && Number.isFinite(row.value));
  const units = new Set(valued.map((row) => row.unit).filter(Boolean));
  const unit = units.size === 1 ? ` ${[...units][0]}` : "";
  const [low, high] = extent(valued, (row) => row.value as number);
  let sentence = parts.join(", ");
  if (low !== undefined && high !== undefined) sentence += low === high ? `, all ${format(low)}${unit}` : `, from ${format(low)} to ${format(high)}${unit}`;
  const largest = greatest(valued, (row) => row.value as number);
  if (largest && valued.length > 1) {
    const about = [...LABELS.map((column) => largest[column]), largest.period == null ? null : periodText(largest.period)].filter((part) => part != null && part !== "");
    sentence += `; the largest: ${[...about, `${format(largest.value as number)}${largest.unit && units.size !== 1 ? ` ${largest.unit}` : unit}`].join(", ")}`;
  }
  return `${sentence}.`;
}
