// One chart as a reader meets it on every page: title, the chart (redrawn to the page's
// width), a key for estimates and forecasts, the sources it cites, a notice when a data
// check flags one of its figures, and a toolbar to take its rows away (CSV, Parquet), look
// at them (table), read the SQL, or open that SQL in the workbench.
//
//   chartFigure({
//     query: mineProduction, state, rows,          // rows = await q.query(mineProduction, state); the
//                                                  // query gives the id (<figure data-chart="mine-production">),
//                                                  // the title and the subtitle, for this state
//     plot: (rows, {width}) => stackedTotalChart(rows, {width, highlight: "China"}),
//     sources?: [{source_id, title}],              // a lookup (e.g. every source); the figure cites those
//                                                  // named in the rows' source_id / source_ids column
//     checks?: [{check_id, message, row_ids}],     // findings; those naming one of the rows (row_id, or
//                                                  // aggregated row_ids "a,b") are shown next to the chart
//     note?: "…", invalidation?,                   // pass the cell's invalidation to stop resizing
//     caption?: "…"                                // instead of the sources, for charts about the tables
//   }) → HTMLElement
//
// Text from the data is always interpolated with htl (escaped), never parsed as HTML.
import * as Inputs from "npm:@observablehq/inputs";
import {html} from "npm:htl";
import {BASIS_DASH, BASIS_FILL_OPACITY, basesIn, type Basis} from "./basisStyle.js";
import {embeddedId, viewPath} from "./embed.js";
import {describeRows} from "./figureDescription.js";
import {currentRelease, figureTools} from "./figureTools.js";
import {columnNames, findingsFor, shortSourceName, sourcesFor, withSourceNames, type Finding, type Row, type SourceRef} from "./figureData.js";
import {followFragment} from "./fragment.js";
import {formatCell} from "./scales.js";
import type {Rows} from "./rows.js";
import {forState, type QueryDef} from "./query.js";
import {cellNameFor, workbenchHref} from "./workbenchLink.js";


export interface ChartFigureOptions<S> {
  /** The figure's query, which also gives its id, title and subtitle (QueryDef). */
  query: QueryDef<S>;
  state: S;
  rows: Rows;
  plot: (rows: Rows, options: {width: number}) => Element;
  sources?: readonly SourceRef[];
  checks?: readonly Finding[];
  note?: string;
  /** Replaces the list of sources, for charts about the tables themselves (e.g. figures per source). */
  caption?: string;
  invalidation?: Promise<unknown>;
}

const BASIS_LABEL: Record<Basis, string> = {actual: "actual", estimate: "estimate", forecast: "forecast", target: "target"};

export function chartFigure<S>(options: ChartFigureOptions<S>): HTMLElement {
  const {query, state, rows, plot, note, invalidation} = options;
  const id = query.id;
  const title = forState(query.title, state);
  const subtitle = query.subtitle == null ? undefined : forState(query.subtitle, state);
  installStyles();
  // The browser jumped to an address such as #chart-<id> before any figure existed (fragment.ts).
  followFragment();
  const sqlText = query.sql(state).trim();
  const flagged = findingsFor(rows, options.checks ?? []);
  const cited = sourcesFor(rows, options.sources ?? []);
  // The chart gets the rows with each one's source short name, for its tooltips.
  const named = withSourceNames(rows, options.sources ?? []);
  const tableHolder = html`<div class="chart-table" hidden></div>`;
  const tableButton = html`<button type="button" data-action="table" aria-expanded="false">Show table</button>`;
  tableButton.addEventListener("click", () => {
    const open = tableHolder.hidden;
    if (open && !tableHolder.firstChild) tableHolder.append(Inputs.table(rows, {rows: 15, layout: "auto", columns: columnNames(rows), format: cellFormats(rows)}));
    tableHolder.hidden = !open;
    tableButton.setAttribute("aria-expanded", String(open));
    tableButton.textContent = open ? "Hide table" : "Show table";
  });
  const tools = figureTools({id, title, subtitle: subtitle ?? null, sql: sqlText, rows, figure: () => figure});

  const embedded = embeddedId() === id;
  const figure: HTMLElement = html`<figure class=${embedded ? "chart-figure chart-embedded" : "chart-figure"} data-chart=${id} data-rows=${rows.length}>
    <h2 class="chart-title" id=${`chart-${id}`}>${title}</h2>
    ${subtitle ? html`<p class="chart-subtitle">${subtitle}</p>` : null}
    ${warningNotice(flagged)}
    <div class="chart-plot" aria-describedby=${`chart-${id}-description`}>${
      rows.length
        ? fitWidth(id, (width: number) => plot(named, {width}), invalidation)
        : html`<p class="chart-empty">No figures in the tables for this selection.</p>`
    }</div>
    <p class="chart-description" id=${`chart-${id}-description`}>${describeRows(rows)}</p>
    ${basisKey(basesIn(rows))}
    <figcaption>${options.caption ? [options.caption, note ? " " + note : ""] : caption(cited, note)}${revisedBadge(flagged)}</figcaption>
    <div class="chart-toolbar">
      <span class="chart-downloads" role="group" aria-label="Download">Download ${tools.csv} ${tools.parquet} ${tools.zip} ${tools.svg} ${tools.png}</span>
      <span class="chart-actions">${tableButton} ${tools.cite} ${tools.link} ${tools.embed}
      <a data-action="workbench" href=${workbenchHref(sqlText, "./sql", {title, name: cellNameFor(id), chart: query.chart === undefined ? undefined : forState(query.chart, state)})}>Open this query in the SQL workbench</a>
      <span class="chart-count">${rows.length} ${rows.length === 1 ? "row" : "rows"}</span></span>
    </div>
    ${embedded ? embedBackLink(id) : null}
    ${tools.citePanel}
    ${tableHolder}
    <details class="chart-sql"><summary>SQL</summary><pre><code>${sqlText}</code></pre></details>
  </figure>`;
  return figure;
}

/**
 * Like Framework's `resize`, but draws at once instead of waiting for the first ResizeObserver
 * callback (a full layout of the page later); the observer then redraws only if the figure's
 * own width turns out different. The first draw's width is the one this figure last had on the
 * page (a redraw after a change of input), else the main column's: both are kept by observers,
 * so a change that redraws ten figures does not make the browser lay out the page ten times to
 * measure them (it did, about 80 ms of a later change on /trade; docs/performance.md).
 */
function fitWidth(key: string, render: (width: number) => Element, invalidation?: Promise<unknown>): HTMLElement {
  const div = document.createElement("div");
  div.style.position = "relative";
  let drawn = 0;
  const draw = (width: number) => {
    width = Math.floor(width);
    if (width <= 0 || width === drawn) return;
    drawn = width;
    div.replaceChildren(render(width));
  };
  const known = figureWidths.get(key) ?? columnWidth();
  if (known !== undefined) draw(known);
  // Released when the cell is invalidated, and in any case once the figure leaves the page.
  let seen = false;
  const observer = new ResizeObserver(([entry]) => {
    if (div.isConnected) seen = true;
    else if (seen) return observer.disconnect();
    if (div.isConnected && entry.contentRect.width > 0) figureWidths.set(key, entry.contentRect.width);
    draw(entry.contentRect.width);
  });
  observer.observe(div);
  invalidation?.then(() => observer.disconnect());
  return div;
}

/** Each figure's width when it was last on the page, by figure id. */
const figureWidths = new Map<string, number>();
let mainWidth: number | undefined;

/** The main column's content width: measured once, then kept current by an observer. */
function columnWidth(): number | undefined {
  if (mainWidth !== undefined) return mainWidth;
  const main = document.querySelector("main");
  if (!main) return undefined;
  const style = getComputedStyle(main);
  mainWidth = main.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight);
  new ResizeObserver(([entry]) => {
    if (entry.contentRect.width > 0) mainWidth = entry.contentRect.width;
  }).observe(main);
  return mainWidth;
}

/** Under an embedded figure: where it comes from, and the way to its page in the same view. */
function embedBackLink(id: string): HTMLElement {
  return html`<p class="chart-embed-back"><a href=${viewPath(id)} target="_blank" rel="noopener">See this chart on the Rare Earth Observatory</a>, data release <code>${currentRelease().release_id}</code>.</p>`;
}

type Flagged = ReturnType<typeof findingsFor>;

const isWarning = (finding: Flagged[number]) => finding.severity === "warning";

function findingItem(finding: Flagged[number]): HTMLElement {
  return html`<li data-check=${finding.check_id}>${finding.message} <a href=${`./sources#check-${finding.check_id}`}>See the check</a>.</li>`;
}

/** Warnings and conflicts, in plain view beside the chart: what a reader must not miss. */
function warningNotice(findings: Flagged): HTMLElement | null {
  const warnings = findings.filter(isWarning);
  if (!warnings.length) return null;
  return html`<div class="chart-flag" role="note" data-checks=${warnings.map((f) => f.check_id).join(" ")}>
    <strong>${warnings.length === 1 ? "A data check flags a figure in this chart:" : `Data checks flag ${warnings.length} figures in this chart:`}</strong>
    <ul>${warnings.map(findingItem)}</ul>
  </div>`;
}

/** Informational findings (a later edition revised a figure, a tiny change) fold into a small badge. */
function revisedBadge(findings: Flagged): HTMLElement | null {
  const notes = findings.filter((finding) => !isWarning(finding));
  if (!notes.length) return null;
  return html`<details class="chart-revised" data-checks=${notes.map((f) => f.check_id).join(" ")}>
    <summary>revised</summary>
    <ul>${notes.map(findingItem)}</ul>
  </details>`;
}

/** Years, editions and vintages printed as "2010", never "2,010". */
function cellFormats(rows: Rows): Record<string, (value: unknown) => string> {
  const formats: Record<string, (value: unknown) => string> = {};
  for (const column of columnNames(rows)) {
    if (formatCell(2000, column) !== undefined) formats[column] = (value) => formatCell(value, column) ?? (value == null ? "" : String(value));
  }
  return formats;
}

function caption(sources: readonly SourceRef[], note?: string): (HTMLElement | string | null)[] {
  const parts: (HTMLElement | string | null)[] = [];
  if (!sources.length) parts.push("Sources: none named in the rows.");
  else parts.push(sourceLine(sources));
  if (note) parts.push(" ", html`<span class="chart-note">${note}</span>`);
  return parts;
}

const SHOWN_SOURCES = 2;

/**
 * One line naming the publications briefly ("Sources: USGS MCS 2025; SMM forum 2025; 3 more"),
 * each name linking to its Sources entry; the full list of documents is one click away.
 */
function sourceLine(sources: readonly SourceRef[]): HTMLElement {
  // Built with the DOM, not htl: a figure can cite a hundred documents, and htl parses a
  // template for each link it makes (about 55 ms of a later change on /trade).
  const link = (source: SourceRef, text: string) => element("a", {class: "source-link", href: `./sources#source-${source.source_id}`}, text);
  const byName = new Map<string, SourceRef[]>();
  for (const source of sources) byName.set(shortSourceName(source), [...(byName.get(shortSourceName(source)) ?? []), source]);
  const names = [...byName];
  const shown = names.slice(0, SHOWN_SOURCES).flatMap(([name, group], i) => [i ? "; " : "", link(group[0], name), group.length > 1 ? ` (${group.length} documents)` : ""]);
  const rest = names.length - SHOWN_SOURCES;
  const all = sources.length > 1 || rest > 0;
  const line = element("span", {class: "chart-sources"}, sources.length === 1 ? "Source: " : "Sources: ", ...shown, `${rest > 0 ? `; ${rest} more` : ""}.`);
  if (all) {
    const list = element("ul", {}, ...sources.map((source) => element("li", {}, link(source, source.title))));
    line.append(" ", element("details", {class: "chart-source-list"}, element("summary", {}, `All ${sources.length} ${sources.length === 1 ? "source" : "sources"}`), list));
  }
  return line;
}

/** An element with attributes and children; strings become text nodes, never markup. */
function element(tag: string, attributes: Record<string, string>, ...children: (Node | string)[]): HTMLElement {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) node.setAttribute(name, value);
  node.append(...children);
  return node;
}

/** A small legend for the bases other than "actual", drawn only when the rows contain them. */
function basisKey(bases: Basis[]): HTMLElement | null {
  if (!bases.some((basis) => basis !== "actual")) return null;
  return html`<div class="chart-basis-key" aria-label="How estimates and forecasts are drawn">${bases.map(
    (basis) => html`<span class="chart-basis-item" data-basis=${basis}>${swatch(basis)} ${BASIS_LABEL[basis]}</span>`
  )}</div>`;
}

function swatch(basis: Basis): SVGSVGElement {
  const svgNS = "http://www.w3.org/2000/svg";
  const svg = document.createElementNS(svgNS, "svg");
  svg.setAttribute("width", "28");
  svg.setAttribute("height", "12");
  svg.setAttribute("aria-hidden", "true");
  const rect = document.createElementNS(svgNS, "rect");
  for (const [name, value] of Object.entries({x: 1, y: 1, width: 26, height: 10, fill: "currentColor", stroke: "currentColor"})) rect.setAttribute(name, String(value));
  rect.setAttribute("fill-opacity", String(BASIS_FILL_OPACITY[basis]));
  if (BASIS_DASH[basis] !== "none") rect.setAttribute("stroke-dasharray", BASIS_DASH[basis]);
  svg.append(rect);
  return svg;
}

let stylesInstalled = false;

function installStyles(): void {
  if (stylesInstalled || typeof document === "undefined") return;
  stylesInstalled = true;
  const style = document.createElement("style");
  style.textContent = `
.chart-figure { margin: 2rem 0; max-width: none; }
.chart-figure .chart-title { margin: 0 0 0.25rem; }
.chart-figure .chart-subtitle { margin: 0 0 0.5rem; color: var(--theme-foreground-muted); }
.chart-figure figcaption { margin-top: 0.5rem; color: var(--theme-foreground-muted); font-size: 0.9em; }
.chart-figure .chart-flag { border-left: 4px solid var(--theme-red, #d03); padding: 0.25rem 0.75rem; margin: 0.5rem 0; background: var(--theme-background-alt); }
.chart-figure .chart-flag ul { margin: 0.25rem 0 0; padding-left: 1.2rem; }
.chart-figure .chart-source-list, .chart-figure .chart-revised { display: inline; }
.chart-figure .chart-source-list summary, .chart-figure .chart-revised summary { display: inline; cursor: pointer; text-decoration: underline dotted; }
.chart-figure .chart-source-list[open], .chart-figure .chart-revised[open] { display: block; }
.chart-figure .chart-source-list ul, .chart-figure .chart-revised ul { margin: 0.25rem 0; padding-left: 1.2rem; }
.chart-figure .chart-revised summary { margin-left: 0.5rem; font-size: 0.8em; padding: 0 0.4em; border: 1px solid var(--theme-foreground-faint); border-radius: 0.6em; text-decoration: none; }
.chart-figure .chart-basis-key { display: flex; gap: 1rem; flex-wrap: wrap; font-size: 0.85em; color: var(--theme-foreground-muted); }
.chart-figure .chart-basis-item { display: inline-flex; align-items: center; gap: 0.3rem; }
.chart-figure .chart-toolbar { display: flex; gap: 0.5rem; flex-wrap: wrap; align-items: center; margin-top: 0.5rem; font-size: 0.9em; }
.chart-figure .chart-toolbar button { font: inherit; font-size: 0.9em; padding: 0.1rem 0.45rem; color: inherit; background: none; border: 1px solid var(--theme-foreground-faint); border-radius: 4px; cursor: pointer; }
.chart-figure .chart-toolbar button:hover { background: var(--theme-background-alt); }
.chart-figure .chart-toolbar button[aria-busy="true"] { cursor: progress; opacity: 0.6; }
.chart-figure .chart-downloads, .chart-figure .chart-actions { display: inline-flex; gap: 0.35rem; flex-wrap: wrap; align-items: center; }
.chart-figure .chart-downloads { margin-right: 0.75rem; color: var(--theme-foreground-muted); }
.chart-figure .chart-downloads > button { color: var(--theme-foreground); }
.chart-figure .chart-toolbar button[data-error] { outline: 2px solid var(--theme-red, #d03); }
.chart-figure .chart-cite { margin-top: 0.5rem; display: grid; gap: 0.5rem; }
.chart-figure .chart-cite[hidden] { display: none; }
.chart-figure .chart-cite-head { display: flex; gap: 0.5rem; align-items: center; font-size: 0.9em; }
.chart-figure .chart-cite pre { white-space: pre-wrap; word-break: break-word; font-size: 0.8em; max-height: 16rem; overflow: auto; margin: 0.25rem 0 0; }
.chart-figure .chart-count { color: var(--theme-foreground-faint); }
.chart-figure .chart-table { margin-top: 0.5rem; }
.chart-figure .chart-sql pre { white-space: pre-wrap; font-size: 0.85em; }
.chart-figure .chart-embed-back { margin: 0.4rem 0 0; font-size: 0.85em; color: var(--theme-foreground-muted); }
.chart-figure .chart-description { position: absolute; width: 1px; height: 1px; margin: -1px; padding: 0; overflow: hidden; clip-path: inset(50%); white-space: nowrap; }
.chart-figure .chart-empty { color: var(--theme-foreground-muted); font-style: italic; }
`;
  document.head.append(style);
}
