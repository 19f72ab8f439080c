// One tooltip for every chart: Plot's pointer and tip (mouse, pen and touch), naming what a
// reader needs to trust a point — the value with its unit, the period, the basis, the place
// and the source's short name (which the figure frame attaches to each row as source_name).
import * as Plot from "npm:@observablehq/plot";
import {valueText} from "./basisMarks.js";
import type {Row} from "./rows.js";

type Accessor = string | ((row: Row) => unknown);

/** The lines of a point's tooltip; `label` names the point ("China", "NEVs"), `value` reads its number. */
export function tipLines(row: Row, {label, value}: {label?: Accessor; value?: Accessor} = {}): string {
  const name = typeof label === "function" ? label(row) : label ? row[label] : (row.label ?? row.series ?? row.item ?? row.category ?? row.partner);
  const number = value ? (typeof value === "function" ? value(row) : row[value]) : undefined;
  const amount = number !== undefined ? valueText({...row, value: number}) : valueText(row);
  const period = row.period ?? row.year;
  const place = row.geography && row.geography !== name ? String(row.geography) : "";
  const source = row.source_name ?? row.source_id ?? row.source_ids;
  return [
    name != null ? String(name) : "",
    [period != null ? String(period) : "", place].filter(Boolean).join(", "),
    `${amount}${row.unit ? ` ${row.unit}` : ""}${row.basis ? ` (${row.basis})` : ""}`,
    source ? `Source: ${source}` : ""
  ]
    .filter(Boolean)
    .join("\n");
}

/** A tip that follows the pointer to the nearest point; `pointer` picks the axis ("xy", "x" or "y"). */
export function pointerTip(rows: readonly Row[], {x, y, fx, fy, label, value, pointer = "xy"}: {x?: Accessor; y?: Accessor; fx?: Accessor; fy?: Accessor; label?: Accessor; value?: Accessor; pointer?: "xy" | "x" | "y"}) {
  const transform = pointer === "x" ? Plot.pointerX : pointer === "y" ? Plot.pointerY : Plot.pointer;
  return Plot.tip(rows as Row[], transform({x, y, fx, fy, title: (row: Row) => tipLines(row, {label, value})} as Plot.TipOptions));
}
