// The frame every cell shares: a header with its kind, its name (SQL and input cells), and
// the buttons that move, collapse, insert below and remove it; the cell's body below.
import {h} from "./dom.js";
import type {Cell} from "./notebookModel.js";

export interface CellHost {
  /** Runs the cell and its dependents; `advance` then focuses the next cell (Shift+Enter). */
  run(id: string, options?: {advance?: boolean}): void;
  insertBelow(id: string, kind: Cell["kind"]): void;
  move(id: string, by: number): void;
  remove(id: string): void;
  /** The cell's saved state changed (text, name, chart, collapsed). */
  edited(id: string): void;
  /** An input's value changed: its dependents run. */
  inputChanged(id: string): void;
  focused(id: string): void;
}

const KIND_LABEL = {sql: "SQL", markdown: "Markdown", input: "Input"} as const;

export function cellFrame(cell: Cell, host: CellHost, {tools = [], body}: {tools?: Node[]; body: HTMLElement}): HTMLElement {
  const nameInput =
    "name" in cell
      ? h("input", {
          type: "text",
          class: "nb-name",
          value: cell.name,
          spellcheck: "false",
          "aria-label": cell.kind === "sql" ? "Cell name (later cells query it by this name)" : "Input name (SQL uses it as $name)",
          onchange: () => {
            (cell as {name: string}).name = nameInput!.value.trim();
            host.edited(cell.id);
          }
        })
      : null;
  const collapse = h("button", {type: "button", class: "nb-collapse", "aria-expanded": String(!cell.collapsed), title: "Collapse or expand this cell"}, cell.collapsed ? "Expand" : "Collapse");
  const frame = h(
    "section",
    {class: `nb-cell nb-${cell.kind}`, "data-cell": cell.id, "data-kind": cell.kind, "data-state": "idle", "data-runs": 0, "aria-label": `${KIND_LABEL[cell.kind]} cell`},
    h(
      "header",
      {class: "nb-cell-head"},
      h("span", {class: "nb-kind"}, KIND_LABEL[cell.kind]),
      cell.kind === "input" ? "$" : null,
      nameInput,
      ...tools,
      h("span", {class: "nb-spacer"}),
      h("button", {type: "button", class: "nb-up", title: "Move up", "aria-label": "Move cell up", onclick: () => host.move(cell.id, -1)}, "↑"),
      h("button", {type: "button", class: "nb-down", title: "Move down", "aria-label": "Move cell down", onclick: () => host.move(cell.id, 1)}, "↓"),
      collapse,
      h("button", {type: "button", class: "nb-add-below", title: "Insert a SQL cell below (Alt+Enter)", onclick: () => host.insertBelow(cell.id, "sql")}, "+ below"),
      h("button", {type: "button", class: "nb-delete", title: "Remove this cell", "aria-label": "Remove cell", onclick: () => host.remove(cell.id)}, "✕")
    ),
    body
  );
  body.hidden = Boolean(cell.collapsed);
  collapse.addEventListener("click", () => {
    cell.collapsed = !cell.collapsed || undefined;
    body.hidden = Boolean(cell.collapsed);
    collapse.textContent = cell.collapsed ? "Expand" : "Collapse";
    collapse.setAttribute("aria-expanded", String(!cell.collapsed));
    host.edited(cell.id);
  });
  frame.addEventListener("focusin", () => host.focused(cell.id));
  return frame;
}
