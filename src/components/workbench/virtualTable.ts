// A result table that shows any number of rows without freezing the tab: the rows are read
// from the Arrow batches only when they scroll into view, and only those (plus a margin) are
// in the DOM. Text always goes in as text nodes.
import type {ColumnInfo} from "../arrowRows.js";
import {toCell} from "../arrowRows.js";
import {formatCell, type BatchLike} from "./cells.js";
import {h, replace} from "./dom.js";

export const ROW_HEIGHT = 26;
const OVERSCAN = 20;

/** Random access to row `i` of a list of batches. */
export function rowReader(batches: readonly BatchLike[], columns: readonly ColumnInfo[]): {count: number; row(i: number): unknown[]} {
  const starts: number[] = [];
  let count = 0;
  for (const batch of batches) (starts.push(count), (count += batch.numRows));
  return {
    count,
    row(i) {
      let lo = 0;
      let hi = starts.length - 1;
      while (lo < hi) {
        const mid = (lo + hi + 1) >> 1;
        if (starts[mid] <= i) lo = mid;
        else hi = mid - 1;
      }
      const batch = batches[lo];
      return columns.map(({kind}, c) => toCell(batch.getChildAt(c)?.get(i - starts[lo]), kind));
    }
  };
}

/** The rows [first, last) to draw for a viewport. */
export function visibleRange(scrollTop: number, viewportHeight: number, count: number, rowHeight = ROW_HEIGHT): [number, number] {
  const first = Math.max(0, Math.floor(scrollTop / rowHeight) - OVERSCAN);
  const last = Math.min(count, Math.ceil((scrollTop + viewportHeight) / rowHeight) + OVERSCAN);
  return [first, Math.max(first, last)];
}

export function virtualTable(result: {batches: readonly BatchLike[]; columns: readonly ColumnInfo[]}): HTMLElement {
  const {columns} = result;
  if (columns.length === 0) return h("p", {class: "wb-muted"}, "The statement returned no columns.");
  const reader = rowReader(result.batches, columns);
  const numeric = columns.map((c) => c.kind === "number");
  const top = h("tr", {class: "wb-spacer", "aria-hidden": "true"});
  const bottom = h("tr", {class: "wb-spacer", "aria-hidden": "true"});
  const body = h("tbody", {});
  const scroller = h(
    "div",
    {class: "wb-table-scroll", tabindex: 0, role: "region", "aria-label": `Query result, ${reader.count.toLocaleString("en-US")} rows`, "data-rows": reader.count},
    h("table", {class: "wb-result"}, h("thead", {}, h("tr", {}, ...columns.map((c, i) => h("th", {title: c.type, class: numeric[i] ? "wb-num" : null}, c.name)))), body)
  );
  let drawn = "";
  const draw = () => {
    const [first, last] = visibleRange(scroller.scrollTop, scroller.clientHeight || 512, reader.count);
    if (`${first}:${last}` === drawn) return;
    drawn = `${first}:${last}`;
    top.style.height = `${first * ROW_HEIGHT}px`;
    bottom.style.height = `${(reader.count - last) * ROW_HEIGHT}px`;
    const rows: HTMLTableRowElement[] = [];
    for (let i = first; i < last; i++) {
      const cells = reader.row(i);
      rows.push(h("tr", {"data-row": i}, ...cells.map((cell, c) => h("td", {class: [numeric[c] ? "wb-num" : "", cell == null ? "wb-null" : ""].join(" ").trim() || null}, cell == null ? "null" : formatCell(cell)))));
    }
    replace(body, top, ...rows, bottom);
  };
  let frame = 0;
  scroller.addEventListener("scroll", () => (frame ||= requestAnimationFrame(() => ((frame = 0), draw()))), {passive: true});
  // Draw once attached, when the viewport has a height; until then, draw the first screenful.
  draw();
  requestAnimationFrame(() => ((drawn = ""), draw()));
  return scroller;
}
