// A headline number as a Framework card: the figure with its unit, the period it covers, its
// basis (actual, estimate, forecast, target), its change with the basis of the change, and a
// link to its source on the Sources page. Takes an observations row as it comes from SQL.
//
//   headlineCard(row, {label: "China's mining quota", sources}) → <div class="card">
import {html} from "npm:htl";
import {formatChange, formatValue, type HeadlineRow} from "./headlineFormat.js";
import type {SourceRef} from "./figureData.js";

export interface HeadlineCardRow extends HeadlineRow {
  row_id?: string | null;
  indicator?: string | null;
  geography?: string | null;
  period?: string | null;
  basis?: string | null;
  source_id?: string | null;
}

export function headlineCard(row: HeadlineCardRow | undefined, options: {label?: string; sources?: readonly SourceRef[]; note?: string} = {}): HTMLElement {
  if (!row) return html`<div class="card headline-card"><h2>${options.label ?? ""}</h2><p class="muted">No figure in the tables yet.</p></div>`;
  const source = options.sources?.find((s) => s.source_id === row.source_id);
  const change = formatChange(row);
  const projected = row.basis && row.basis !== "actual";
  return html`<div class="card headline-card" data-headline=${row.row_id ?? ""} data-basis=${row.basis ?? ""}>
    <h2>${options.label ?? row.indicator ?? ""}</h2>
    <div><span class="big" style=${projected ? "font-style: italic" : ""}>${formatValue(row)}</span> <span class="headline-unit">${row.unit ?? ""}</span></div>
    <div class="muted">${[row.geography, row.period].filter(Boolean).join(", ")}${row.basis ? html` · <span class="headline-basis">${row.basis}</span>` : ""}</div>
    ${change ? html`<div class="headline-change">${change}</div>` : null}
    ${options.note ? html`<div class="muted small">${options.note}</div>` : null}
    ${row.source_id ? html`<div class="small">Source: <a href=${`./sources#source-${row.source_id}`}>${source?.title ?? row.source_id}</a></div>` : null}
  </div>`;
}
