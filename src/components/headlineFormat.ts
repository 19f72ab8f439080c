// How a headline figure reads: "≈ 270,000 t", "2–5 kg/vehicle", "at least 800 million kW",
// "+5.1% y/y". Pure, so unit tests can pin the wording.
import {format} from "npm:d3";

export interface HeadlineRow {
  value?: number | null;
  value_low?: number | null;
  value_high?: number | null;
  bound?: string | null;
  qualifier?: string | null;
  unit?: string | null;
  change_pct?: number | null;
  change_basis?: string | null;
}

const number = (value: number) => (Math.abs(value) >= 1000 ? format(",.0f")(value) : format(",~r")(+value.toPrecision(4)));

export function formatValue(row: HeadlineRow): string {
  let text: string;
  if (row.value != null) text = number(row.value);
  else if (row.value_low != null && row.value_high != null) text = `${number(row.value_low)}–${number(row.value_high)}`;
  else if (row.value_low != null) text = number(row.value_low);
  else return "n/a";
  if (row.bound === "lower") text = `≥ ${text}`;
  else if (row.bound === "upper") text = `≤ ${text}`;
  else if (row.qualifier && /approx|about|around/i.test(row.qualifier)) text = `≈ ${text}`;
  return text;
}

const CHANGE_BASIS: Record<string, string> = {yoy: "on a year earlier", mom: "on the previous month", "vs-period": "on the previous period"};

export function formatChange(row: HeadlineRow): string | null {
  if (row.change_pct == null) return null;
  const sign = row.change_pct > 0 ? "+" : row.change_pct < 0 ? "−" : "±";
  return `${sign}${number(Math.abs(row.change_pct))}% ${CHANGE_BASIS[row.change_basis ?? ""] ?? ""}`.trim();
}
