// One tooltip for every chart: Plot's pointer and tip (mouse, pen and touch), naming what a
// reader needs to trust a point — the value with its unit, the period, the basis, the place
// and the source's short name (which the figure frame attaches to each row as source_name).
import * as Plot from "npm:@observablehq/plot";
import {valueText} from "./basisMarks.js";
import type {Row} from "./rows.js";

type Accessor = string | ((row: Row) => unknown);

export interface TipOptions {
  /** Names the point ("China", "NEVs"); by default the row's label, series, item, category or partner. */
  label?: Accessor;
  /** Reads its number; by default the row's value (or its value_low–value_high range). */
  value?: Accessor;
  /** The unit, for rows that do not carry one in a unit column. */
  unit?: string;
  /** What kind of figure it is beyond its basis ("as stated", "3 copies read"), after the basis. */
  detail?: (row: Row) => unknown;
  /** Lines a chart adds before the source (a description, a low-confidence warning). */
  notes?: (row: Row) => readonly unknown[];
}

/**
 * The lines of a point's tooltip: its name; its period and place; its value with unit, basis and
 * detail; the chart's notes; and the source's short name. Every chart's tooltip is made here.
 */
export function tipLines(row: Row, {label, value, unit = row.unit == null ? undefined : String(row.unit), detail, notes}: TipOptions = {}): string {
  const name = typeof label === "function" ? label(row) : label ? row[label] : (row.label ?? row.series ?? row.item ?? row.category ?? row.partner);
  const number = value ? (typeof value === "function" ? value(row) : row[value]) : undefined;
  const hasValue = number != null || row.value != null || (row.value_low != null && row.value_high != null);
  const amount = number != null ? valueText({...row, value: number}) : valueText(row);
  const period = row.period ?? row.year;
  const place = row.geography && row.geography !== name ? String(row.geography) : "";
  const source = row.source_name ?? row.source_id ?? row.source_ids;
  const qualifiers = [row.basis, detail?.(row)].filter((part) => part != null && part !== "").join("; ");
  return [
    name != null ? String(name) : "",
    [period != null ? String(period) : "", place].filter(Boolean).join(", "),
    hasValue ? `${amount}${unit ? ` ${unit}` : ""}${qualifiers ? ` (${qualifiers})` : ""}` : qualifiers,
    ...(notes?.(row) ?? []).filter((line) => line != null && line !== "" && line !== false).map(String),
    source ? `Source: ${source}` : ""
  ]
    .filter(Boolean)
    .join("\n");
}

/** A tip that follows the pointer to the nearest point; `pointer` picks the axis ("xy", "x" or "y"). */
export function pointerTip(rows: readonly Row[], {x, y, fx, fy, pointer = "xy", ...tip}: {x?: Accessor; y?: Accessor; fx?: Accessor; fy?: Accessor; pointer?: "xy" | "x" | "y"} & TipOptions) {
  const transform = pointer === "x" ? Plot.pointerX : pointer === "y" ? Plot.pointerY : Plot.pointer;
  return Plot.tip(rows as Row[], transform({x, y, fx, fy, title: (row: Row) => tipLines(row, tip)} as Plot.TipOptions));
}
