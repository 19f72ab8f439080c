// The SQL workbench: a notebook of SQL, Markdown and input cells, with the schema browser,
// the reader's own files, example notebooks, saved notebooks and the history beside it.
// The page only supplies the database and the Arrow and parquet-wasm modules.
import type {DuckDBClient} from "npm:@observablehq/duckdb";
import {notebookFromHash, notebookHash} from "../workbenchLink.js";
import {tableToRows} from "../arrowRows.js";
import {h, replace} from "./dom.js";
import {availableExamples} from "./examples.js";
import {download, toArrowFile, toCsv, toParquet, type ExportLibraries} from "./exporters.js";
import {QueryHistory} from "./history.js";
import {createNotebook} from "./notebook.js";
import {NotebookFileError, parseNotebook, serializeNotebook} from "./notebookFile.js";
import {singleQueryNotebook, type Notebook} from "./notebookModel.js";
import {NotebookStore} from "./notebookStore.js";
import {exportPage} from "./pageExport.js";
import {QueryRunner} from "./runner.js";
import {completionSchema, loadSchema, renderSchema, type TableSchema} from "./schema.js";
import {drawExamples, drawHistory, drawSaved} from "./sidePanel.js";
import {ACCEPTED_FILES, loadUserFile, type ParquetReader} from "./userFiles.js";

export interface WorkbenchOptions {
  database: Promise<DuckDBClient>;
  descriptions: Record<string, string>;
  libraries: ExportLibraries & {Parquet: ParquetReader};
  storage?: Storage | null;
}

const STARTER = "SELECT *\nFROM observations\nLIMIT 100";
const CHART_KEY = "observatory:sql-quick-chart";

export function createWorkbench({database, descriptions, libraries, storage = globalThis.localStorage ?? null}: WorkbenchOptions): HTMLElement {
  const past = new QueryHistory(storage);
  const saved = new NotebookStore(storage);
  const userTables = new Set<string>();
  let schema: TableSchema[] = [];
  let key = newKey();
  let touched = false;
  let writtenHash = "";
  let saveTimer: ReturnType<typeof setTimeout> | undefined;

  // ---- elements
  const runAll = h("button", {type: "button", class: "nb-run-all", title: "Run every cell, in dependency order", onclick: () => (touch(), notebook.runAll())}, "Run all");
  const cancelButton = h("button", {type: "button", class: "wb-cancel", disabled: true, onclick: () => notebook.cancel()}, "Cancel");
  const shareButton = h("button", {type: "button", class: "wb-share", onclick: () => share()}, "Copy link");
  const status = h("span", {class: "wb-status", role: "status", "aria-live": "polite"}, "Opening the database…");
  const title = h("input", {type: "text", class: "nb-title", "aria-label": "Notebook title", onchange: () => ((notebook.current().title = title.value.trim() || "Untitled notebook"), touch(), changed())});
  const fileMenu = h(
    "div",
    {class: "nb-file"},
    h("button", {type: "button", class: "nb-new", onclick: () => openNotebook(singleQueryNotebook(STARTER), {fresh: true})}, "New"),
    h("button", {type: "button", class: "nb-download", title: "The notebook as a text file you can keep, diff and open again", onclick: () => download(serializeNotebook(notebook.current()), `${slug(notebook.current().title)}.sqlnb.md`, "text/markdown")}, "Download notebook"),
    h("label", {class: "nb-open-label"}, "Open file ", h("input", {type: "file", class: "nb-open", accept: ".md,.sqlnb,.txt", onchange: (event: Event) => openNotebookFile(event.target as HTMLInputElement)})),
    h("button", {type: "button", class: "nb-export-page", title: "A Framework page (.md) for this project's src/ folder", onclick: () => exportAsPage()}, "Export as page")
  );
  const notice = h("p", {class: "nb-notice wb-muted", role: "status", hidden: true});
  const timeLimit = h("input", {type: "number", class: "wb-time-limit", min: 1, step: 1, value: 30, "aria-label": "Time limit in seconds"});
  const rowCap = h("input", {type: "number", class: "wb-row-cap", min: 1, step: 1000, value: 100_000, "aria-label": "Most rows to keep"});
  const chartToggle = h("input", {type: "checkbox", class: "wb-chart-toggle", onchange: () => (storage?.setItem(CHART_KEY, chartToggle.checked ? "on" : "off"), redrawCharts())});
  chartToggle.checked = storage?.getItem(CHART_KEY) !== "off";
  const schemaList = h("div", {class: "wb-schema"}, h("p", {class: "wb-muted"}, "Loading tables…"));
  const fileInput = h("input", {type: "file", class: "wb-file", accept: ACCEPTED_FILES, multiple: true, onchange: () => openFiles([...(fileInput.files ?? [])])});
  const fileStatus = h("p", {class: "wb-file-status wb-muted", "aria-live": "polite"});
  const examples = h("div", {class: "wb-examples"});
  const savedList = h("div", {class: "nb-saved"});
  const historyList = h("ol", {class: "wb-history"});

  const notebook = createNotebook({
    runOptions: () => ({timeLimitMs: Number(timeLimit.value) * 1000, rowCap: Math.max(1, Number(rowCap.value) || 1)}),
    quickChartOn: () => chartToggle.checked,
    save: (result, format, name) => {
      try {
        if (format === "csv") download(toCsv(result.columns, result.batches), `${name === "cell_1" ? "query" : name}.csv`, "text/csv");
        else if (format === "parquet") download(toParquet(libraries, result.schema, result.batches), `${name === "cell_1" ? "query" : name}.parquet`, "application/vnd.apache.parquet");
        else download(toArrowFile(libraries, result.schema, result.batches), `${name === "cell_1" ? "query" : name}.arrow`, "application/vnd.apache.arrow.file");
      } catch (error) {
        say(`Could not write the ${format} file: ${error instanceof Error ? error.message : error}`);
      }
    },
    reserved: () => schema.map((t) => t.name),
    afterPass: async () => {
      await refreshSchema();
      changed();
    },
    remember: (entry) => (past.add(entry), showHistory()),
    setBusy: (busy) => {
      root.dataset.state = busy ? "running" : "idle";
      cancelButton.disabled = !busy;
      status.textContent = busy ? "Running…" : "Done.";
    },
    touched: () => touch()
  });
  notebook.element.addEventListener("input", () => changed());
  notebook.element.addEventListener("change", () => changed());
  notebook.element.addEventListener("click", () => changed());

  const root = h(
    "div",
    {class: "wb", "data-state": "loading"},
    h(
      "div",
      {class: "wb-main"},
      h("div", {class: "wb-toolbar"}, title, runAll, cancelButton, shareButton, status),
      h("div", {class: "wb-toolbar nb-toolbar"}, fileMenu),
      notice,
      h("div", {class: "wb-settings"}, h("label", {}, "Time limit ", timeLimit, " s"), h("label", {}, "Keep at most ", rowCap, " rows"), h("label", {}, chartToggle, " Quick chart")),
      notebook.element
    ),
    h(
      "aside",
      {class: "wb-side"},
      h("h2", {}, "Tables"),
      h("p", {class: "wb-muted"}, "Click a name to put it in the cell you are writing."),
      schemaList,
      h("h2", {}, "Your data"),
      h("p", {class: "wb-muted"}, "Open a CSV or Parquet file, or drop it on the workbench. It becomes a table you can join with ours. It stays in this browser tab."),
      fileInput,
      fileStatus,
      h("h2", {}, "Examples"),
      examples,
      h("h2", {}, "Your notebooks"),
      h("p", {class: "wb-muted"}, "Saved in this browser as you work."),
      savedList,
      h("h2", {}, "History"),
      historyList,
      h("button", {type: "button", class: "wb-clear-history", onclick: () => (past.clear(), showHistory())}, "Clear history")
    )
  );

  root.addEventListener("dragover", (event) => (event.preventDefault(), root.classList.add("wb-dragging")));
  root.addEventListener("dragleave", () => root.classList.remove("wb-dragging"));
  root.addEventListener("drop", (event) => {
    event.preventDefault();
    root.classList.remove("wb-dragging");
    openFiles([...(event.dataTransfer?.files ?? [])]);
  });
  addEventListener("hashchange", () => {
    if (location.hash === writtenHash) return;
    const next = fromHash();
    if (next) openNotebook(next, {run: true, fresh: true});
  });

  // ---- the notebook as a whole
  function say(message: string | null) {
    notice.hidden = !message;
    notice.textContent = message ?? "";
  }

  function touch() {
    touched = true;
  }

  function changed() {
    clearTimeout(saveTimer);
    saveTimer = setTimeout(() => {
      writtenHash = hashFor(notebook.current());
      if (location.hash !== writtenHash) window.history.replaceState(window.history.state, "", writtenHash);
      if (touched && saved.save(key, notebook.current())) showSaved();
    }, 150);
  }

  function openNotebook(next: Notebook, {run = true, fresh = false}: {run?: boolean; fresh?: boolean} = {}) {
    if (fresh) ((key = newKey()), (touched = false));
    notebook.load(next);
    title.value = next.title;
    changed();
    if (run) void notebook.runAll();
  }

  function fromHash(): Notebook | null {
    try {
      return notebookFromHash(location.hash);
    } catch (error) {
      say(error instanceof Error ? error.message : String(error));
      return null;
    }
  }

  async function openNotebookFile(input: HTMLInputElement) {
    const file = input.files?.[0];
    if (!file) return;
    try {
      openNotebook(parseNotebook(await file.text()), {fresh: true});
      touch();
      say(null);
    } catch (error) {
      say(`Could not open ${file.name}: ${error instanceof NotebookFileError ? error.message : error}`);
    } finally {
      input.value = "";
    }
  }

  function exportAsPage() {
    try {
      const page = exportPage(notebook.current(), {charts: notebook.charts(), reserved: schema.filter((t) => !notebook.current().cells.some((c) => "name" in c && c.name === t.name)).map((t) => t.name)});
      download(page, `${slug(notebook.current().title)}.md`, "text/markdown");
      say(`Saved ${slug(notebook.current().title)}.md: put it in src/, list it in observablehq.config.ts, and build.`);
    } catch (error) {
      say(error instanceof Error ? error.message : String(error));
    }
  }

  async function share() {
    writtenHash = hashFor(notebook.current());
    window.history.replaceState(window.history.state, "", writtenHash);
    try {
      await navigator.clipboard.writeText(location.href);
      status.textContent = "Link copied. Whoever opens it sees this notebook and runs it.";
    } catch {
      status.textContent = "Copy the address in the address bar: it holds this notebook.";
    }
  }

  function redrawCharts() {
    for (const cell of notebook.current().cells) notebook.sqlView(cell.id)?.drawChart();
  }

  // ---- side panel
  function showHistory() {
    drawHistory(historyList, past.entries(), (query) => {
      const view = notebook.activeSql();
      if (!view) return;
      view.editor.setText(query);
      touch();
      void notebook.run([view.cell.id]);
    });
  }

  function showSaved(dropped: string[] = []) {
    drawSaved(savedList, saved.load().notebooks, dropped, {
      current: key,
      open: (entry) => ((key = entry.key), (touched = true), openNotebook(entry.notebook)),
      remove: (entry) => (saved.remove(entry.key), showSaved())
    });
  }

  async function refreshSchema() {
    const client = await database;
    const connection = await client._db.connect();
    try {
      const cells = Object.fromEntries(notebook.current().cells.flatMap((c) => (c.kind === "sql" ? [[c.name, `The result of the notebook's cell ${c.name}.`]] : [])));
      schema = await loadSchema(connection, {descriptions: {...cells, ...descriptions}, userTables});
    } finally {
      await connection.close();
    }
    renderSchema(schemaList, schema, (name) => notebook.activeSql()?.editor.insert(name));
    notebook.setSchema(completionSchema(schema));
    drawExamples(examples, availableExamples(schema.map((t) => t.name)), {
      query: (text) => {
        const view = notebook.activeSql();
        if (!view) return;
        view.editor.setText(text);
        touch();
        void notebook.run([view.cell.id]);
      },
      notebook: (next) => openNotebook(next, {fresh: true})
    });
  }

  async function openFiles(files: File[]) {
    if (files.length === 0) return;
    const client = await database;
    const connection = await client._db.connect();
    try {
      for (const file of files) {
        fileStatus.textContent = `Reading ${file.name}…`;
        const taken = schema.map((t) => t.name).filter((name) => !userTables.has(name));
        const name = await loadUserFile(file, {db: client._db, connection, parquet: libraries.Parquet, taken});
        userTables.add(name);
        replace(fileStatus, `${file.name} is now the table `, h("code", {}, name), ". ", h("button", {type: "button", class: "wb-query-file", onclick: () => queryFile(name)}, "Query it"));
      }
    } catch (error) {
      fileStatus.textContent = `Could not read the file: ${error instanceof Error ? error.message : error}`;
    } finally {
      await connection.close();
      fileInput.value = "";
      await refreshSchema();
    }
  }

  function queryFile(name: string) {
    const view = notebook.activeSql();
    if (!view) return;
    view.editor.setText(`SELECT *\nFROM ${name}\nLIMIT 100`);
    void notebook.run([view.cell.id]);
  }

  // ---- start: the notebook is there at once; runs asked for before the database is ready wait for it
  showHistory();
  const {dropped} = saved.load();
  showSaved(dropped);
  openNotebook(fromHash() ?? singleQueryNotebook(STARTER));
  database.then(
    async (client) => {
      await refreshSchema();
      const connection = await client._db.connect();
      const query = async (sql: string) => tableToRows(await connection.query(sql)) as Record<string, unknown>[];
      status.textContent = "Ready.";
      await notebook.attach(new QueryRunner(client._db), query);
      root.dataset.state = "idle";
    },
    (error) => {
      status.textContent = "The database did not open.";
      say(error instanceof Error ? error.message : String(error));
    }
  );
  return root;
}

/** A plain one-query notebook keeps the original `#q=` link; anything more is `#nb=`. */
export function hashFor(notebook: Notebook): string {
  const [cell, ...rest] = notebook.cells;
  if (cell?.kind === "sql" && rest.length === 0 && cell.name === "cell_1" && cell.chart === "quick" && !cell.collapsed && notebook.title === "Untitled notebook") return `#q=${encodeURIComponent(cell.sql.trim())}`;
  return notebookHash(notebook);
}

function slug(title: string): string {
  return title.toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-|-$/g, "") || "notebook";
}

function newKey(): string {
  return `nb-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`;
}
