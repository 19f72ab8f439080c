// An input cell: a drop-down of a column's distinct values, a number, a text or a date
// range. Changing it re-runs the SQL cells that use it as `$name`.
import {cellFrame, type CellHost} from "./cellFrame.js";
import {h, replace} from "./dom.js";
import type {InputCell} from "./notebookModel.js";
import {quoteIdentifier} from "./statements.js";

export interface InputCellView {
  cell: InputCell;
  element: HTMLElement;
  /** Refills a drop-down from the database; other inputs need nothing. */
  loadOptions(query: (sql: string) => Promise<Record<string, unknown>[]>): Promise<void>;
}

export function optionsSql(table: string, column: string): string {
  const c = quoteIdentifier(column);
  return `SELECT DISTINCT CAST(${c} AS VARCHAR) AS value FROM ${quoteIdentifier(table)} WHERE ${c} IS NOT NULL ORDER BY 1 LIMIT 1000`;
}

export function inputCellView(cell: InputCell, host: CellHost): InputCellView {
  const control = h("div", {class: "nb-input-control"});
  const note = h("p", {class: "wb-muted nb-input-note"});
  const body = h("div", {class: "nb-body"}, control, note);
  const element = cellFrame(cell, host, {body});
  const changed = () => host.inputChanged(cell.id);
  const input = cell.input;
  let select: HTMLSelectElement | undefined;

  if (input.type === "select") {
    select = h("select", {class: "nb-input-value", "aria-label": `Value of $${cell.name}`, onchange: () => ((input.value = select!.value), changed())});
    replace(select, h("option", {value: input.value ?? ""}, input.value ?? "(loading)"));
    const source = (field: "table" | "column") =>
      h("input", {type: "text", class: `nb-input-${field}`, value: input[field], "aria-label": field, size: 14, onchange: (event: Event) => ((input[field] = (event.target as HTMLInputElement).value.trim()), host.edited(cell.id))});
    replace(control, h("label", {}, "value ", select), h("label", {class: "wb-muted"}, " from ", source("table"), " . ", source("column")));
  } else if (input.type === "number" || input.type === "text") {
    const field = h("input", {type: input.type, class: "nb-input-value", value: String(input.value), "aria-label": `Value of $${cell.name}`});
    field.addEventListener("change", () => {
      if (input.type === "number") {
        const value = Number(field.value);
        if (!Number.isFinite(value) || field.value.trim() === "") return (note.textContent = "Type a number.");
        input.value = value;
      } else input.value = field.value;
      note.textContent = "";
      changed();
    });
    replace(control, h("label", {}, "value ", field));
  } else {
    const dates = input.value.map((value, i) =>
      h("input", {type: "date", class: `nb-input-${i === 0 ? "from" : "to"}`, value, "aria-label": `$${cell.name}_${i === 0 ? "from" : "to"}`, onchange: (event: Event) => ((input.value[i] = (event.target as HTMLInputElement).value), changed())})
    );
    replace(control, h("label", {}, `$${cell.name}_from `, dates[0]), h("label", {}, ` $${cell.name}_to `, dates[1]));
  }

  return {
    cell,
    element,
    async loadOptions(query) {
      if (input.type !== "select" || !select) return;
      try {
        const values = (await query(optionsSql(input.table, input.column))).map((r) => String(r.value));
        if (input.value == null || !values.includes(input.value)) input.value = values[0] ?? null;
        replace(select, ...values.map((v) => h("option", {value: v}, v)));
        select.value = input.value ?? "";
        note.textContent = "";
      } catch (error) {
        note.textContent = `No values yet from ${input.table}.${input.column}: ${error instanceof Error ? error.message.split("\n")[0] : error}`;
      }
    }
  };
}
