// The Sources page's two listings as plain HTML tables with an anchor per entry, so captions
// can link to `./sources#source-<id>` and flag notices to `./sources#check-<id>`. Every value is
// interpolated with htl (escaped); a URL becomes a link only when it is http(s).
import {html} from "npm:htl";
import {splitRowIds} from "./figureData.js";

export interface SourceEntry {
  source_id: string;
  short_name?: string | null;
  title: string;
  publisher?: string | null;
  date?: string | null;
  url?: string | null;
  read_at?: string | null;
  read_note?: string | null;
  licence?: string | null;
  confidence?: string | null;
  notes?: string | null;
  figures?: number | null;
  pages?: string | null;
}

export interface CheckEntry {
  check_id: string;
  kind: string;
  severity: string;
  page?: string | null;
  message: string;
  row_ids: string | null;
}

export function isWebAddress(url: unknown): url is string {
  return typeof url === "string" && /^https?:\/\/[^\s]+$/i.test(url);
}

export function sourceTable(sources: readonly SourceEntry[]): HTMLElement {
  return html`<div class="listing"><table class="source-list">
    <thead><tr><th>Source</th><th>Figures</th><th>Licence or terms</th><th>Confidence</th></tr></thead>
    <tbody>${sources.map(
      (s) => html`<tr id=${`source-${s.source_id}`} data-source=${s.source_id} data-confidence=${s.confidence ?? ""}>
        <td>
          <strong>${s.title}</strong><br>
          <span class="muted">${[s.publisher, s.date].filter(Boolean).join(", ")}</span>
          <br>${isWebAddress(s.url) ? link(s.url) : html`<span class="muted">Address of the original not known</span>`}
          <br><span class="read-at">${readAt(s)}</span>
          ${s.notes ? html`<br><span class="small">${s.notes}</span>` : null}
          <br><span class="small">Cited as “${s.short_name ?? s.title}”</span> · <code class="small">${s.source_id}</code>
        </td>
        <td data-label="Figures">${s.figures ?? 0}${s.pages ? html`<br><span class="muted small">${s.pages}</span>` : null}</td>
        <td class="small" data-label="Licence or terms">${s.licence ?? ""}</td>
        <td data-label="Confidence">${s.confidence === "low" ? html`<strong>low</strong>` : s.confidence ?? ""}</td>
      </tr>`
    )}</tbody>
  </table></div>`;
}

function link(url: string): HTMLElement {
  return html`<a href=${url} rel="noopener noreferrer" target="_blank">${url}</a>`;
}

/** Where the figures were read: the original itself, or a copy named apart from it. */
function readAt(s: SourceEntry): (HTMLElement | string)[] {
  const sameAsOriginal = isWebAddress(s.read_at) && s.read_at === s.url;
  if (sameAsOriginal && !s.read_note) return ["Read at the original."];
  return [
    "Read at: ",
    isWebAddress(s.read_at) && !sameAsOriginal ? link(s.read_at) : sameAsOriginal ? "the original" : "no web address",
    ...(s.read_note ? [html`<span class="small"> — ${s.read_note}</span>`] : [])
  ];
}

export function checkTable(checks: readonly CheckEntry[]): HTMLElement {
  return html`<div class="listing"><table class="check-list">
    <thead><tr><th>Kind</th><th>Severity</th><th>Page</th><th>Finding</th><th>Rows involved</th></tr></thead>
    <tbody>${checks.map(
      (c) => html`<tr id=${`check-${c.check_id}`} data-check=${c.check_id}>
        <td data-label="Kind">${c.kind.replaceAll("_", " ")}</td>
        <td data-label="Severity">${c.severity === "warning" ? html`<strong>warning</strong>` : c.severity}</td>
        <td data-label="Page">${c.page ? html`<a href=${`./${c.page}`}>${c.page}</a>` : ""}</td>
        <td data-label="Finding">${c.message}</td>
        <td class="small" data-label="Rows involved">${splitRowIds(c.row_ids).map((id, i) => html`${i ? ", " : ""}<code>${id}</code>`)}</td>
      </tr>`
    )}</tbody>
  </table></div>`;
}
