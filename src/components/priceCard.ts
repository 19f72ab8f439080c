// A card with the latest price of an element: the price (a range as published, with its
// midpoint used for changes), its date, and the change on about one month and one year before
// where a price that close in time exists. Takes a row of the latest-prices query.
import {html} from "npm:htl";
import {formatValue} from "./headlineFormat.js";
import type {Row, SourceRef} from "./figureData.js";

export function changeText(pct: unknown, before: unknown): string | null {
  if (typeof pct !== "number" || !Number.isFinite(pct)) return null;
  const sign = pct > 0 ? "+" : pct < 0 ? "−" : "±";
  return `${sign}${Math.abs(pct).toLocaleString("en-US", {maximumFractionDigits: 1})}% on ${before}`;
}

export function priceCard(row: Row | undefined, {label, sources = []}: {label: string; sources?: readonly SourceRef[]}): HTMLElement {
  if (!row) return html`<div class="card price-card"><h2>${label}</h2><p class="muted">No price in the tables.</p></div>`;
  const source = sources.find((s) => s.source_id === row.source_id);
  const month = changeText(row.change_1m_pct, row.month_before_period);
  const year = changeText(row.change_1y_pct, row.year_before_period);
  return html`<div class="card price-card" data-price=${String(row.element)} data-row=${String(row.row_id)}>
    <h2>${label}</h2>
    <div><span class="big">${formatValue(row as never)}</span> <span class="headline-unit">${String(row.unit)}</span></div>
    <div class="muted">China spot, <span class="price-date">${String(row.period)}</span>${row.price_type === "range" ? " (quotation range)" : ""}${row.confidence === "low" ? " · low confidence" : ""}</div>
    <div class="price-change" data-span="1m">${month ?? "1 month: no price within a week of a month before"}</div>
    <div class="price-change" data-span="1y">${year ?? "1 year: no price within 15 days of a year before"}</div>
    <div class="small">Source: <a href=${`./sources#source-${row.source_id}`}>${source?.title ?? String(row.source_id)}</a></div>
  </div>`;
}
