// The workbench's side lists: examples (queries and notebooks, by theme), the reader's saved
// notebooks and the history of queries.
import {h, replace} from "./dom.js";
import type {Example} from "./examples.js";
import {EXAMPLE_NOTEBOOKS, exampleNotebook} from "./exampleNotebooks.js";
import type {HistoryEntry} from "./history.js";
import type {Notebook} from "./notebookModel.js";
import type {SavedNotebook} from "./notebookStore.js";

export function drawExamples(container: HTMLElement, list: Example[], open: {query: (text: string) => void; notebook: (notebook: Notebook) => void}): void {
  // Redraw only when the list changes, so themes the reader opened stay open.
  const key = list.map((e) => e.title).join("\n");
  if (container.dataset.key === key) return;
  container.dataset.key = key;
  const themes = [...new Set([...EXAMPLE_NOTEBOOKS.map((e) => e.theme), ...list.map((e) => e.theme)])];
  replace(
    container,
    ...themes.map((theme) =>
      h(
        "details",
        {class: "wb-example-theme"},
        h("summary", {}, theme),
        h(
          "ul",
          {},
          ...EXAMPLE_NOTEBOOKS.filter((e) => e.theme === theme).map((example) =>
            h("li", {}, h("button", {type: "button", class: "nb-example-notebook", title: "Open this notebook (replaces the cells shown)", onclick: () => open.notebook(exampleNotebook(example))}, `Notebook: ${example.title}`))
          ),
          ...list
            .filter((e) => e.theme === theme)
            .map((example) => h("li", {}, h("button", {type: "button", class: "wb-example", title: example.query, onclick: () => open.query(example.query)}, example.title)))
        )
      )
    )
  );
}

export function drawSaved(container: HTMLElement, notebooks: SavedNotebook[], dropped: string[], {current, open, remove}: {current: string; open: (n: SavedNotebook) => void; remove: (n: SavedNotebook) => void}): void {
  replace(
    container,
    ...dropped.map((note) => h("p", {class: "nb-dropped wb-muted"}, note)),
    notebooks.length === 0
      ? h("p", {class: "wb-muted"}, "Notebooks you change are kept here.")
      : h(
          "ul",
          {class: "nb-saved-list"},
          ...notebooks.map((entry) =>
            h(
              "li",
              {class: entry.key === current ? "nb-saved-current" : null, "data-key": entry.key},
              h("button", {type: "button", class: "nb-saved-open", onclick: () => open(entry)}, entry.title),
              " ",
              h("span", {class: "wb-muted"}, entry.savedAt.slice(0, 16).replace("T", " ")),
              " ",
              h("button", {type: "button", class: "nb-saved-delete", "aria-label": `Delete ${entry.title}`, onclick: () => remove(entry)}, "Delete")
            )
          )
        )
  );
}

export function drawHistory(list: HTMLElement, entries: HistoryEntry[], rerun: (query: string) => void): void {
  if (entries.length === 0) return replace(list, h("li", {class: "wb-muted"}, "Queries you run appear here."));
  replace(
    list,
    ...entries.map((entry) =>
      h(
        "li",
        {class: entry.error ? "wb-history-failed" : null},
        h("button", {type: "button", class: "wb-rerun", title: "Put this query in the cell and run it", onclick: () => rerun(entry.query)}, "Run again"),
        " ",
        h("span", {class: "wb-muted"}, entry.error ? "failed" : `${entry.rows?.toLocaleString("en-US")} ${entry.rows === 1 ? "row" : "rows"}`),
        h("pre", {class: "wb-history-query"}, entry.query)
      )
    )
  );
}
