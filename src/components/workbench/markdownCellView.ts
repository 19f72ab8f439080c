// A Markdown cell: notes between queries. Shown as text (headings and paragraphs), never
// parsed as HTML; "Edit" opens the source.
import {cellFrame, type CellHost} from "./cellFrame.js";
import {h, replace} from "./dom.js";
import type {MarkdownCell} from "./notebookModel.js";

export function renderNotes(text: string): HTMLElement[] {
  return text
    .split(/\n\s*\n/)
    .filter((block) => block.trim())
    .map((block) => {
      const heading = /^(#{1,6})\s+(.*)$/.exec(block.trim());
      return heading ? h("h3", {class: "nb-note-heading"}, heading[2]) : h("p", {}, block.trim());
    });
}

export function markdownCellView(cell: MarkdownCell, host: CellHost): {cell: MarkdownCell; element: HTMLElement} {
  const rendered = h("div", {class: "nb-notes"});
  const source = h("textarea", {class: "nb-md-source", rows: 4, "aria-label": "Markdown", hidden: true});
  source.value = cell.text;
  const draw = () => replace(rendered, ...(cell.text.trim() ? renderNotes(cell.text) : [h("p", {class: "wb-muted"}, "An empty note. Press Edit to write one.")]));
  const edit = h("button", {type: "button", class: "nb-md-edit"}, "Edit");
  const toggle = (editing: boolean) => {
    source.hidden = !editing;
    rendered.hidden = editing;
    edit.textContent = editing ? "Done" : "Edit";
    if (editing) source.focus();
    else draw();
  };
  edit.addEventListener("click", () => toggle(source.hidden));
  source.addEventListener("input", () => ((cell.text = source.value), host.edited(cell.id)));
  source.addEventListener("keydown", (event) => {
    if ((event.ctrlKey || event.metaKey || event.shiftKey) && event.key === "Enter") (event.preventDefault(), toggle(false), event.shiftKey && host.run(cell.id, {advance: true}));
    if (event.altKey && event.key === "Enter") (event.preventDefault(), host.insertBelow(cell.id, "sql"));
  });
  draw();
  return {cell, element: cellFrame(cell, host, {tools: [edit], body: h("div", {class: "nb-body"}, rendered, source)})};
}
