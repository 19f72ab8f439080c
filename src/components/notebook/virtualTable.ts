// A result table that holds any number of rows: the rows in view (and a few either side) are
// in the page, and scrolling swaps them; spacer rows above and below keep the scroll bar true.
// Rows are read from the Arrow batches only when shown, so a million-row result costs no more
// to show than a hundred. Small results are drawn whole, as a plain table.
import {toCell, type ColumnInfo} from "../arrowRows.js";
import {formatCell, type BatchLike} from "../workbench/cells.js";
import {h} from "../workbench/dom.js";

/** Results of at most this many rows are drawn whole. */
export const DRAW_ALL = 200;
export const ROW_HEIGHT = 26;
const OVERSCAN = 30;

export interface TableSource {
  batches: readonly BatchLike[];
  columns: readonly ColumnInfo[];
  rowCount: number;
}

/** Reads row `i` of the batches as cells, by column. */
export function rowReader({batches, columns}: Pick<TableSource, "batches" | "columns">): (i: number) => unknown[] {
  const starts: number[] = [];
  let total = 0;
  for (const batch of batches) starts.push(total), (total += batch.numRows);
  return (i) => {
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid] <= i) lo = mid;
      else hi = mid - 1;
    }
    const batch = batches[lo];
    const j = i - starts[lo];
    return columns.map(({kind}, c) => toCell(batch.getChildAt(c)?.get(j), kind));
  };
}

/** The rows `from` (inclusive) to `to` (exclusive) that a scroll position shows, with the overscan. */
export function visibleRange(scrollTop: number, viewHeight: number, total: number): {from: number; to: number} {
  const first = Math.floor(scrollTop / ROW_HEIGHT);
  const from = Math.max(0, first - OVERSCAN);
  const to = Math.min(total, first + Math.ceil(viewHeight / ROW_HEIGHT) + OVERSCAN);
  return {from, to};
}

export function resultTable(result: TableSource, {label = "Query result"} = {}): HTMLElement {
  const {columns, rowCount} = result;
  if (columns.length === 0) return h("p", {class: "wb-muted"}, "The statement returned no columns.");
  const read = rowReader(result);
  const numeric = columns.map((c) => c.kind === "number");
  /** Writes row `i` into a row element of empty cells. */
  const fill = (tr: HTMLElement, i: number) => {
    tr.dataset.row = String(i);
    const cells = read(i);
    for (let c = 0; c < cells.length; c++) {
      const td = tr.children[c] as HTMLElement;
      const cell = cells[c];
      td.className = [numeric[c] ? "wb-num" : "", cell == null ? "wb-null" : ""].join(" ").trim();
      td.textContent = cell == null ? "null" : formatCell(cell);
    }
    return tr;
  };
  const blankRow = () => h("tr", {}, ...columns.map(() => h("td", {})));
  const head = h("thead", {}, h("tr", {}, ...columns.map((c, i) => h("th", {title: c.type, class: numeric[i] ? "wb-num" : null}, c.name))));
  const body = h("tbody", {});
  const table = h("table", {class: "wb-result"}, head, body);
  const scroll = h("div", {class: "wb-table-scroll", tabindex: 0, role: "region", "aria-label": label, "data-rows": rowCount}, table);
  if (rowCount <= DRAW_ALL) {
    for (let i = 0; i < rowCount; i++) body.append(fill(blankRow(), i));
    return scroll;
  }
  // Fixed column widths (from the header and a sample of rows), so columns do not jump as rows change.
  table.classList.add("wb-virtual");
  const sample = [...Array(Math.min(100, rowCount)).keys(), ...Array.from({length: Math.min(100, rowCount)}, (_, k) => rowCount - 1 - k)];
  const widths = columns.map((c, i) => Math.min(28 * 16, 16 + 7.5 * Math.max(c.name.length, ...sample.map((r) => formatCell(read(r)[i] ?? "null").length))));
  table.prepend(h("colgroup", {}, ...widths.map((w) => h("col", {style: `width: ${Math.ceil(w)}px`}))));
  table.style.width = `${Math.ceil(widths.reduce((a, b) => a + b, 0))}px`;
  scroll.classList.add("wb-virtual-scroll");
  const spacer = () => h("tr", {class: "wb-spacer", "aria-hidden": "true"}, h("td", {colspan: columns.length}));
  const top = spacer();
  const bottom = spacer();
  body.append(top, bottom);
  // The rows in the page, for the rows `from` to `to`. Scrolling keeps the rows still in view and
  // refills the ones that left it, so a step of the wheel touches a few rows, not every one.
  let from = 0;
  let to = 0;
  let rows: HTMLElement[] = [];
  const draw = () => {
    const range = visibleRange(scroll.scrollTop, scroll.clientHeight || 32 * 16, rowCount);
    if (range.from === from && range.to === to && rows.length) return;
    const keepFrom = Math.max(from, range.from);
    const keepTo = Math.min(to, range.to);
    const overlap = keepFrom < keepTo;
    const kept = overlap ? rows.slice(keepFrom - from, keepTo - from) : [];
    const free = overlap ? [...rows.slice(0, keepFrom - from), ...rows.slice(keepTo - from)] : rows;
    for (const tr of free) tr.remove();
    const take = (i: number) => fill(free.pop() ?? blankRow(), i);
    const before: HTMLElement[] = [];
    for (let i = range.from; i < (overlap ? keepFrom : range.to); i++) before.push(take(i));
    const after: HTMLElement[] = [];
    if (overlap) for (let i = keepTo; i < range.to; i++) after.push(take(i));
    top.after(...before);
    bottom.before(...after);
    rows = [...before, ...kept, ...after];
    ({from, to} = range);
    top.style.height = `${from * ROW_HEIGHT}px`;
    bottom.style.height = `${(rowCount - to) * ROW_HEIGHT}px`;
  };
  let frame = 0;
  scroll.addEventListener("scroll", () => {
    if (!frame) frame = requestAnimationFrame(() => ((frame = 0), draw()));
  });
  draw();
  // Once in the page, the view's real height is known: draw again if it shows more rows.
  requestAnimationFrame(draw);
  return scroll;
}
