// The SQL workbench: a notebook of SQL, markdown and input cells (notebook/*), beside the
// schema browser, the reader's files, saved and example notebooks, and the query history.
// Each SQL cell's result is a table of the cell's name that later cells select from; running a
// cell or changing an input re-runs exactly the cells that read it, in order. The page only
// supplies the database.
import type {Database, ReaderFile} from "../db.js";
import {drawChart} from "../notebook/chart.js";
import {AUTO_CHART, FIRST_CELL_NAME, hashFor, MARKS, NAME_PATTERN, notebookFromHash, notebookFromText, notebookToText, singleQuery, type Cell, type ChartSettings, type InputSettings, type Notebook} from "../notebook/format.js";
import {EXAMPLE_NOTEBOOKS} from "../notebook/examples.js";
import {exportPage, pageFileName} from "../notebook/exportPage.js";
import {dependentsOf, planNotebook, type Plan} from "../notebook/graph.js";
import {renderMarkdown} from "../notebook/markdown.js";
import {inlineParameters} from "../notebook/params.js";
import {newNotebookId, SavedNotebooks} from "../notebook/saved.js";
import {resultTable} from "../notebook/virtualTable.js";
import {cellRows, objectRows, uniqueKeys} from "./cells.js";
import {append, h, replace} from "./dom.js";
import {createEditor, type SqlEditor} from "./editor.js";
import {availableExamples, type Example} from "./examples.js";
import {download, toArrowFile, toCsv, toParquet, type ExportLibraries} from "./exporters.js";
import {historyNote, QueryHistory, type HistoryEntry} from "./history.js";
import {profileColumn, profileView} from "./profile.js";
import {summaryText} from "./results.js";
import {QueryRunner, QueryStopped, type DatabaseSource, type QueryResult} from "./runner.js";
import {completionSchema, loadSchema, renderSchema, type TableSchema} from "./schema.js";
import {isBlank, quoteIdentifier} from "./statements.js";
import {ACCEPTED_FILES, readUserFile, type ParquetReader} from "./userFiles.js";

export interface WorkbenchOptions {
  /** The page's database (db.ts): the current one, a restart, and the reader's files. */
  database: DatabaseSource & {current(): Promise<Database>; addReaderFile(file: ReaderFile): Promise<{database: Database; restarted: boolean}>};
  descriptions: Record<string, string>;
  libraries: ExportLibraries & {Parquet: ParquetReader};
  storage?: Storage | null;
}

const STARTER = "SELECT *\nFROM observations\nLIMIT 100";
const CHART_KEY = "observatory:sql-quick-chart";
const CHART_ROWS = 20_000;
const CHOICES_LIMIT = 1000;

type Status = "idle" | "queued" | "running" | "done" | "error" | "stale";

interface CellState {
  id: string;
  cell: Cell;
  element: HTMLElement;
  status: Status;
  runs: number;
  result?: QueryResult;
  /** The chart last drawn (for "auto", the columns the quick chart chose). */
  drawn?: ChartSettings | null;
  editor?: SqlEditor;
  /** Draws the state (status line, stale/error boxes) after a change. */
  refresh(): void;
  focus(): void;
}

let nextId = 0;
const newId = () => `cell-${++nextId}`;

export function createWorkbench({database: source, descriptions, libraries, storage = globalThis.localStorage ?? null}: WorkbenchOptions): HTMLElement {
  const past = new QueryHistory(storage);
  const saved = new SavedNotebooks(storage);
  const userTables = new Set<string>();
  /** Tables a cell of this tab made (so that a renamed or removed cell's table can go). */
  const cellTables = new Set<string>();
  let runner: QueryRunner | undefined;
  let schema: TableSchema[] = [];
  let runs = 0;
  let loads = 0;
  let states: CellState[] = [];
  let title = "Untitled notebook";
  let notebookId = newNotebookId();
  /** Whether the reader changed this notebook (an untouched starter is not autosaved). */
  let touched = false;
  let active: CellState | undefined;
  // Runs asked for while the database is still opening (Ctrl+Enter right after the page opens): they run once it is ready.
  let pending: {ids: string[]; keep: boolean} | null = null;
  // Why the database did not open, once that is known: a run then says so instead of queuing.
  let failed: string | null = null;
  let chain: Promise<void> = Promise.resolve();
  /** Runs asked for and not finished: the page is "running" from the ask to the last cell, not only while a query runs. */
  let inFlight = 0;
  /** Which notebook load is the newest: a load another one replaced does not count as done. */
  let loadGeneration = 0;
  let stopChain = false;

  // ---- elements
  const titleInput = h("input", {type: "text", class: "nb-title", "aria-label": "Notebook title", maxlength: 200, value: title, onchange: () => ((title = titleInput.value.trim() || "Untitled notebook"), changed())});
  const shareButton = h("button", {type: "button", class: "wb-share", onclick: () => share()}, "Copy link");
  const notebookStatus = h("span", {class: "nb-notebook-status wb-muted", role: "status", "aria-live": "polite"});
  const timeLimit = h("input", {type: "number", class: "wb-time-limit", min: 1, step: 1, value: 30, "aria-label": "Time limit in seconds"});
  const rowCap = h("input", {type: "number", class: "wb-row-cap", min: 1, step: 1000, value: 100_000, "aria-label": "Most rows to keep"});
  const chartToggle = h("input", {type: "checkbox", class: "wb-chart-toggle", onchange: () => (storage?.setItem(CHART_KEY, chartToggle.checked ? "on" : "off"), states.forEach(drawCellChart))});
  chartToggle.checked = storage?.getItem(CHART_KEY) !== "off";
  const openInput = h("input", {type: "file", class: "nb-open", accept: ".sql,.txt,text/plain", onchange: () => openNotebookFile(openInput.files?.[0])});
  const cellList = h("div", {class: "nb-cells"});
  const schemaList = h("div", {class: "wb-schema"}, h("p", {class: "wb-muted"}, "Loading tables…"));
  const fileInput = h("input", {type: "file", class: "wb-file", accept: ACCEPTED_FILES, multiple: true, onchange: () => openFiles([...(fileInput.files ?? [])])});
  const fileStatus = h("p", {class: "wb-file-status wb-muted", "aria-live": "polite"});
  const savedList = h("ul", {class: "nb-saved"});
  const savedStatus = h("p", {class: "nb-saved-note wb-muted", role: "status"});
  const exampleNotebooks = h("ul", {class: "nb-examples"});
  const examples = h("div", {class: "wb-examples"});
  const historyList = h("ol", {class: "wb-history"});
  const historyStatus = h("p", {class: "wb-history-note wb-muted", role: "status"});
  const button = (cls: string, label: string, onclick: () => void, title?: string) => h("button", {type: "button", class: cls, onclick, title: title ?? null}, label);

  const root = h(
    "div",
    {class: "wb", "data-state": "loading"},
    h(
      "div",
      {class: "wb-main"},
      h(
        "div",
        {class: "wb-toolbar nb-toolbar"},
        titleInput,
        button("nb-run-all", "Run all", () => runAll()),
        shareButton,
        button("nb-download", "Download notebook", () => downloadNotebook()),
        h("label", {class: "nb-open-label"}, "Open notebook file ", openInput),
        button("nb-export", "Export as a page", () => downloadPage()),
        button("nb-new", "New notebook", () => loadNotebook(singleQuery(STARTER), {id: newNotebookId(), keep: false})),
        notebookStatus
      ),
      h(
        "div",
        {class: "wb-settings"},
        h("label", {}, "Time limit ", timeLimit, " s"),
        h("label", {}, "Keep at most ", rowCap, " rows"),
        h("label", {}, chartToggle, " Charts")
      ),
      cellList,
      h(
        "div",
        {class: "nb-add"},
        button("nb-add-sql", "+ SQL", () => insertCell(sqlCell(), active), "Add a SQL cell below the current one (Alt+Enter in a cell)"),
        button("nb-add-markdown", "+ Note", () => insertCell({kind: "markdown", text: "", collapsed: false}, active), "Add a markdown note below the current cell"),
        button("nb-add-input", "+ Input", () => insertCell({kind: "input", name: freeName("param"), collapsed: false, input: {control: "text", value: ""}}, active), "Add an input (a parameter for SQL cells: $name) below the current cell")
      )
    ),
    h(
      "aside",
      {class: "wb-side"},
      h("h2", {}, "Tables"),
      h("p", {class: "wb-muted"}, "Click a name to put it in the current cell."),
      schemaList,
      h("h2", {}, "Your data"),
      h("p", {class: "wb-muted"}, "Open a CSV or Parquet file, or drop it on the workbench. It becomes a table you can join with ours. It stays in this browser tab."),
      fileInput,
      fileStatus,
      h("h2", {}, "Your notebooks"),
      h("p", {class: "wb-muted"}, "Saved in this browser as you work."),
      savedStatus,
      savedList,
      h("h2", {}, "Example notebooks"),
      exampleNotebooks,
      h("h2", {}, "Example queries"),
      examples,
      h("h2", {}, "History"),
      historyStatus,
      historyList,
      h("button", {type: "button", class: "wb-clear-history", onclick: () => (past.clear(), drawHistory())}, "Clear history")
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
    let notebook: Notebook | null;
    try {
      notebook = notebookFromHash(location.hash);
    } catch (error) {
      return void (notebookStatus.textContent = message(error));
    }
    if (notebook && hashFor(notebook) !== hashFor(current())) loadNotebook(notebook, {id: newNotebookId(), keep: true});
  });

  // ---- the notebook
  function current(): Notebook {
    return {title, cells: states.map((s) => s.cell)};
  }

  const plan = (): Plan => planNotebook(states.map((s) => ({...s.cell, id: s.id})), {tables: new Set([...Object.keys(descriptions), ...userTables])});
  const byId = (id: string) => states.find((s) => s.id === id);
  const nameOf = (s: CellState) => (s.cell.kind === "markdown" ? "note" : s.cell.name);

  function freeName(prefix: string): string {
    const taken = new Set(states.map(nameOf));
    for (let n = 1; ; n++) if (!taken.has(`${prefix}_${n}`)) return `${prefix}_${n}`;
  }

  const sqlCell = (text = ""): Cell => ({kind: "sql", name: freeName("query"), text, collapsed: false, chart: AUTO_CHART});

  function loadNotebook(notebook: Notebook, {id, keep}: {id: string; keep: boolean}) {
    if (touched) autosave();
    runner?.cancel();
    stopChain = true;
    title = notebook.title;
    titleInput.value = title;
    notebookId = id;
    touched = false;
    states = notebook.cells.map((cell) => makeState(structuredClone(cell)));
    replace(cellList, ...states.map((s) => s.element));
    active = states.find((s) => s.cell.kind === "sql");
    if (keep) writeHash();
    drawSaved();
    // `data-loads` counts notebooks opened and run to the end (lets a test wait for one); a load
    // replaced by a newer one before it finished is not counted.
    const generation = ++loadGeneration;
    return request(plan().order, {keep}).then(() => void (generation === loadGeneration && (root.dataset.loads = String(++loads))));
  }

  /** After any change the reader makes: the address, the autosave. */
  function changed({hash = true} = {}) {
    touched = true;
    if (hash) writeHash();
    autosaveSoon();
  }

  function writeHash() {
    window.history.replaceState(window.history.state, "", hashFor(current()));
  }

  let saveTimer: ReturnType<typeof setTimeout> | undefined;
  function autosaveSoon() {
    clearTimeout(saveTimer);
    saveTimer = setTimeout(autosave, 400);
  }
  function autosave() {
    clearTimeout(saveTimer);
    if (!touched) return;
    if (!saved.save(notebookId, current())) savedStatus.textContent = "This browser's storage is full or switched off: download the notebook to keep it.";
    drawSaved();
  }

  function insertCell(cell: Cell, after?: CellState) {
    const state = makeState(cell);
    const at = after ? states.indexOf(after) + 1 : states.length;
    states.splice(at, 0, state);
    cellList.insertBefore(state.element, states[at + 1]?.element ?? null);
    active = state;
    state.focus();
    changed();
    if (cell.kind === "input") request([state.id, ...dependentsOf(plan(), state.id)], {keep: true});
    return state;
  }

  function removeCell(state: CellState) {
    const dependents = dependentsOf(plan(), state.id).map(byId).filter((s): s is CellState => !!s);
    states = states.filter((s) => s !== state);
    state.element.remove();
    if (state.cell.kind === "sql") dropTable(state.cell.name);
    for (const dependent of dependents) setStale(dependent, `It reads ${nameOf(state)}, which was removed.`);
    if (active === state) active = states.find((s) => s.cell.kind === "sql");
    changed();
  }

  function moveCell(state: CellState, by: -1 | 1) {
    const i = states.indexOf(state);
    const j = i + by;
    if (j < 0 || j >= states.length) return;
    [states[i], states[j]] = [states[j], states[i]];
    replace(cellList, ...states.map((s) => s.element));
    state.focus();
    changed();
  }

  function dropTable(name: string) {
    if (!cellTables.has(name) || !runner) return;
    cellTables.delete(name);
    source
      .current()
      .then((db) => (db as Database).query(`DROP TABLE IF EXISTS ${quoteIdentifier(name)}`))
      .then(() => refreshSchema())
      .catch(() => {});
  }

  function runAll() {
    return request(plan().order, {keep: true});
  }

  /** Runs the cell and every cell that reads it (directly or not), in order. */
  function runFrom(state: CellState, {text, keep = true}: {text?: string; keep?: boolean} = {}) {
    return request([state.id, ...dependentsOf(plan(), state.id)], {keep, text: text ? {id: state.id, text} : undefined});
  }

  function request(ids: string[], options: {keep: boolean; text?: {id: string; text: string}}): Promise<void> {
    if (!runner) {
      if (failed !== null) {
        for (const id of ids) {
          const s = byId(id);
          if (s?.cell.kind === "sql") setError(s, failed);
        }
        return Promise.resolve();
      }
      pending = {ids: [...new Set([...(pending?.ids ?? []), ...ids])], keep: options.keep || !!pending?.keep};
      for (const id of ids) {
        const s = byId(id);
        if (s && s.cell.kind !== "markdown") (s.status = "queued"), s.refresh();
      }
      return Promise.resolve();
    }
    stopChain = false;
    inFlight++;
    chain = chain
      .then(() => execute(ids, options))
      .catch((error) => void (notebookStatus.textContent = message(error)))
      .finally(() => (inFlight--, setRootState()));
    return chain;
  }

  async function execute(ids: string[], {keep, text}: {keep: boolean; text?: {id: string; text: string}}) {
    const planned = plan();
    const wanted = new Set(ids);
    // A cell that reads one that never ran (its table does not exist yet) runs it first.
    const addUpstream = (id: string) => {
      for (const up of planned.upstream.get(id) ?? []) {
        const s = byId(up);
        if (s && !wanted.has(up) && (s.status === "idle" || s.status === "queued")) (wanted.add(up), addUpstream(up));
      }
    };
    for (const id of ids) addUpstream(id);
    const order = planned.order.filter((id) => wanted.has(id));
    for (const id of order) {
      if (stopChain) break;
      const state = byId(id);
      if (!state || state.cell.kind === "markdown") continue;
      const planError = planned.errors.get(id);
      if (planError) {
        setError(state, planError);
        continue;
      }
      const upstream = planned.upstream.get(id)!.map(byId).find((s) => s && (s.status === "error" || s.status === "stale" || s.status === "queued"));
      if (upstream) {
        setStale(state, `It reads ${nameOf(upstream)}, which ${upstream.status === "error" ? "failed" : upstream.status === "stale" ? "is stale" : "has not run"}. Fix ${nameOf(upstream)} and run it: this cell runs again after it.`);
        continue;
      }
      if (state.cell.kind === "input") await runInput(state);
      else await runSql(state, {keep, text: text?.id === id ? text.text : undefined});
    }
  }

  function inputValues(): Map<string, InputSettings> {
    return new Map(states.flatMap((s) => (s.cell.kind === "input" ? [[s.cell.name, s.cell.input] as [string, InputSettings]] : [])));
  }

  async function runSql(state: CellState, {keep, text}: {keep: boolean; text?: string}) {
    const cell = state.cell as Extract<Cell, {kind: "sql"}>;
    const written = text ?? cell.text;
    if (isBlank(written)) return setError(state, "There is no SQL to run: the cell is empty or holds only comments.");
    let sql: string;
    try {
      sql = inlineParameters(written, inputValues());
    } catch (error) {
      return setError(state, message(error));
    }
    state.status = "running";
    state.element.dataset.sql = sql;
    // The address holds the notebook as the reader ran it (not the starter, which nobody asked for).
    if (keep) writeHash();
    setRootState();
    state.refresh();
    const ranAt = new Date().toISOString();
    // A selection runs as written, without becoming the cell's table.
    const saveAs = text === undefined || text === cell.text ? cell.name : undefined;
    try {
      const result = await runner!.run(sql, {timeLimitMs: Number(timeLimit.value) * 1000, rowCap: Math.max(1, Number(rowCap.value) || 1), saveAs});
      if (saveAs) cellTables.add(saveAs);
      state.result = result;
      state.status = "done";
      showResult(state);
      if (keep) remember({query: written.trim(), ranAt, rows: result.rowCount, error: null});
      await refreshSchema();
    } catch (error) {
      const text = message(error);
      state.result = undefined;
      setError(state, text);
      if (keep) remember({query: written.trim(), ranAt, rows: null, error: text});
      if (error instanceof QueryStopped) stopChain = true;
      // A restarted database has only the site's tables and the reader's files: redraw the list (without holding up the next query).
      if (error instanceof QueryStopped && error.restarted) (cellTables.clear(), refreshSchema().catch(() => {}));
    } finally {
      state.runs++;
      state.element.dataset.runs = String(state.runs);
      setRootState();
      root.dataset.runs = String(++runs); // lets a test (or a person's script) wait for a run to finish
    }
  }

  async function runInput(state: CellState) {
    const cell = state.cell as Extract<Cell, {kind: "input"}>;
    if (cell.input.control === "select") {
      const {table, column} = cell.input;
      try {
        const result = await runner!.run(`SELECT DISTINCT ${quoteIdentifier(column)} AS value FROM ${quoteIdentifier(table)} WHERE ${quoteIdentifier(column)} IS NOT NULL ORDER BY 1 LIMIT ${CHOICES_LIMIT}`, {timeLimitMs: 30_000, rowCap: CHOICES_LIMIT});
        (state as any).choices = cellRows(result.batches, result.columns).map((row) => row[0]);
      } catch (error) {
        state.runs++;
        state.element.dataset.runs = String(state.runs);
        return setError(state, `The choices could not be read: ${message(error)}`);
      }
    }
    state.status = "done";
    state.runs++;
    state.element.dataset.runs = String(state.runs);
    state.refresh();
  }

  function setError(state: CellState, text: string) {
    state.status = "error";
    (state as any).message = text;
    state.refresh();
  }

  function setStale(state: CellState, text: string) {
    state.status = "stale";
    (state as any).message = text;
    state.refresh();
  }

  /** "loading" until the database is open and the first results are in, then "running" or "idle". */
  let started = false;
  function setRootState() {
    root.dataset.state = inFlight > 0 || states.some((s) => s.status === "running") ? "running" : started ? "idle" : "loading";
  }

  // ---- cells
  function makeState(cell: Cell): CellState {
    const id = newId();
    const element = h("section", {class: `nb-cell nb-${cell.kind}`, "data-cell": id, "data-kind": cell.kind, "data-runs": 0});
    const state: CellState = {id, cell, element, status: "idle", runs: 0, refresh: () => {}, focus: () => {}};
    element.addEventListener("focusin", () => (active = state));
    if (cell.kind === "sql") buildSql(state);
    else if (cell.kind === "markdown") buildMarkdown(state);
    else buildInput(state);
    return state;
  }

  /** The header every cell has: its name, its buttons, its status. */
  function cellHeader(state: CellState, ...middle: (Node | string)[]) {
    const collapse = h("button", {type: "button", class: "nb-collapse", "aria-expanded": String(!state.cell.collapsed), title: "Collapse or expand the cell", onclick: () => toggleCollapsed()}, state.cell.collapsed ? "Expand" : "Collapse");
    const toggleCollapsed = () => {
      state.cell.collapsed = !state.cell.collapsed;
      state.element.classList.toggle("nb-collapsed", state.cell.collapsed);
      collapse.textContent = state.cell.collapsed ? "Expand" : "Collapse";
      collapse.setAttribute("aria-expanded", String(!state.cell.collapsed));
      changed();
    };
    state.element.classList.toggle("nb-collapsed", state.cell.collapsed);
    return h(
      "header",
      {class: "nb-cell-head"},
      ...middle,
      h(
        "span",
        {class: "nb-cell-buttons"},
        button("nb-up", "↑", () => moveCell(state, -1), "Move the cell up"),
        button("nb-down", "↓", () => moveCell(state, 1), "Move the cell down"),
        collapse,
        button("nb-insert-below", "+ below", () => insertCell(sqlCell(), state), "Add a SQL cell below this one (Alt+Enter)"),
        button("nb-remove", "Remove", () => removeCell(state), "Remove the cell")
      )
    );
  }

  function nameInput(state: CellState & {cell: {name: string}}) {
    const input = h("input", {type: "text", class: "nb-name", value: state.cell.name, "aria-label": "Cell name", spellcheck: "false", maxlength: 63, size: 14});
    input.addEventListener("change", () => {
      const name = input.value.trim();
      if (!NAME_PATTERN.test(name)) {
        input.setCustomValidity("Lower-case letters, digits and _, starting with a letter or _");
        input.reportValidity();
        return;
      }
      input.setCustomValidity("");
      const old = state.cell.name;
      if (name === old) return;
      state.cell.name = name;
      if (state.cell.kind === "sql") dropTable(old);
      changed();
      runFrom(state);
    });
    return input;
  }

  function buildSql(state: CellState) {
    const cell = state.cell as Extract<Cell, {kind: "sql"}>;
    const runButton = h("button", {type: "button", class: "wb-run", onclick: () => runCell()}, "Run");
    const cancelButton = h("button", {type: "button", class: "wb-cancel", disabled: true, onclick: () => ((stopChain = true), runner?.cancel())}, "Cancel");
    const status = h("span", {class: "wb-status", role: "status", "aria-live": "polite"}, runner ? "" : "Opening the database…");
    const editorHost = h("div", {class: "wb-editor"});
    const staleBox = h("div", {class: "nb-stale", role: "status", hidden: true});
    const errorBox = h("div", {class: "wb-error", role: "alert", hidden: true});
    const summary = h("p", {class: "wb-summary"});
    const exportButtons = (["csv", "parquet", "arrow"] as const).map((format) => h("button", {type: "button", class: `wb-export-${format}`, disabled: true, onclick: () => save(state, format)}, `Download ${format === "csv" ? "CSV" : format === "parquet" ? "Parquet" : "Arrow"}`));
    const chartSettings = h("div", {class: "nb-chart-settings"});
    const chart = h("div", {class: "wb-chart"});
    const profile = h("div", {class: "wb-profile-holder"});
    const results = h("div", {class: "wb-results"});
    const body = h("div", {class: "nb-cell-body"}, editorHost, staleBox, errorBox, summary, h("div", {class: "wb-exports"}, ...exportButtons), chartSettings, chart, profile, results);
    append(state.element, cellHeader(state, h("span", {class: "nb-kind"}, "SQL"), nameInput(state as any), runButton, cancelButton, status), body);
    const runCell = () => {
      active = state;
      const selected = editor.hasSelection() ? editor.runnableText() : undefined;
      return runFrom(state, {text: selected});
    };
    const editor = createEditor({
      parent: editorHost,
      doc: cell.text,
      label: `SQL of cell ${cell.name}`,
      onRun: () => void runCell(),
      onRunAndNext: () => (runCell(), focusNext(state)),
      onInsertBelow: () => void insertCell(sqlCell(), state),
      onSelectionChange: (selected) => (runButton.textContent = selected ? "Run selection" : "Run"),
      onChange: (text) => {
        cell.text = text;
        state.element.dataset.edited = "";
        changed({hash: false});
      }
    });
    state.editor = editor;
    state.focus = () => editor.view.focus();
    (state as any).chartHolder = chart;
    (state as any).chartSettings = chartSettings;
    (state as any).summary = summary;
    (state as any).profile = profile;
    (state as any).results = results;
    (state as any).exportButtons = exportButtons;
    state.refresh = () => {
      const text: string | undefined = (state as any).message;
      state.element.dataset.status = state.status;
      runButton.disabled = state.status === "running";
      cancelButton.disabled = state.status !== "running";
      status.textContent =
        state.status === "running" ? "Running…" : state.status === "queued" ? "Opening the database… your query runs as soon as it is open." : state.status === "done" ? "Done." : state.status === "error" ? "The query failed." : state.status === "stale" ? "Stale." : runner ? "" : "Opening the database…";
      errorBox.hidden = state.status !== "error";
      errorBox.textContent = state.status === "error" ? (text ?? "") : "";
      staleBox.hidden = state.status !== "stale";
      staleBox.textContent = state.status === "stale" ? (text ?? "") : "";
      if (state.status === "error" && text && /cancelled|time limit/.test(text)) status.textContent = "Stopped.";
      if (state.status === "done") delete state.element.dataset.edited;
      if (state.status === "error" || state.status === "stale") {
        // What is shown is no longer this cell's result.
        summary.textContent = state.status === "stale" ? "" : summary.textContent;
        if (state.status === "stale") (replace(results), replace(chart), replace(profile), replace(chartSettings));
      }
    };
  }

  function showResult(state: CellState) {
    const result = state.result!;
    const s = state as any;
    state.refresh();
    s.summary.textContent = summaryText(result, Number(rowCap.value));
    replace(s.results, resultTable(result, {label: `Result of ${nameOf(state)}`}));
    for (const b of s.exportButtons) b.disabled = false;
    drawCellChart(state);
    delete s.profile.dataset.rows;
    replace(s.profile);
    // The column profile, computed once the result is on screen, one column per task (a large
    // result takes a moment, and the page stays responsive meanwhile).
    void (async () => {
      const profiles = [];
      for (const [i, column] of result.columns.entries()) {
        await new Promise((resolve) => setTimeout(resolve, 0));
        if (state.result !== result) return;
        profiles.push(profileColumn(result.batches, column, i));
      }
      replace(s.profile, profileView(profiles, {complete: result.complete}));
      s.profile.dataset.rows = String(result.rowCount); // lets a test wait for the profile
    })();
  }

  function drawCellChart(state: CellState) {
    if (state.cell.kind !== "sql") return;
    const s = state as any;
    const holder: HTMLElement = s.chartHolder;
    replace(holder);
    const result = state.result;
    if (!result) return;
    const keys = uniqueKeys(result.columns);
    const settings = state.cell.chart;
    drawSettings(state, keys);
    if (!chartToggle.checked) return;
    const rows = objectRows(cellRows(result.batches, result.columns, CHART_ROWS), keys);
    const drawn = drawChart(rows, result.columns, keys, settings, {width: Math.max(320, s.results.clientWidth || 640)});
    state.drawn = drawn.drawn;
    if (drawn.node) append(holder, drawn.node);
    else if (drawn.message) append(holder, h("p", {class: "wb-muted wb-no-chart"}, drawn.message));
    drawSettings(state, keys);
  }

  /** The chart's settings: a mark, and the columns for x, y, colour and facet. */
  function drawSettings(state: CellState, keys: string[]) {
    if (state.cell.kind !== "sql") return;
    const cell = state.cell;
    const shown = cell.chart.mark === "auto" && state.drawn ? state.drawn : cell.chart;
    const select = (field: keyof ChartSettings, label: string, options: readonly string[], allowNone: boolean) => {
      const element = h("select", {class: `nb-chart-${field}`, "aria-label": `Chart ${label}`}, ...(allowNone ? [h("option", {value: ""}, "—")] : []), ...options.map((o) => h("option", {value: o}, o === "auto" ? "quick chart" : o)));
      element.value = (field === "mark" ? cell.chart.mark : (shown[field] ?? "")) as string;
      element.addEventListener("change", () => {
        const value = element.value || null;
        // Choosing a column while the quick chart draws keeps what it drew and changes that column.
        const base = cell.chart.mark === "auto" && field !== "mark" && state.drawn ? state.drawn : cell.chart;
        cell.chart = {...base, [field]: field === "mark" ? (value ?? "auto") : value} as ChartSettings;
        changed();
        drawCellChart(state);
      });
      return h("label", {}, `${label} `, element);
    };
    replace((state as any).chartSettings, select("mark", "Chart", MARKS, false), select("x", "x", keys, true), select("y", "y", keys, true), select("color", "colour", keys, true), select("facet", "facet", keys, true));
  }

  function buildMarkdown(state: CellState) {
    const cell = state.cell as Extract<Cell, {kind: "markdown"}>;
    const view = h("div", {class: "nb-markdown-view", title: "Double-click to edit"});
    const source = h("textarea", {class: "nb-markdown-source", rows: 5, "aria-label": "Markdown note", hidden: true, spellcheck: "true"});
    const edit = button("nb-edit", "Edit", () => setEditing(source.hidden));
    const render = () => {
      view.innerHTML = cell.text.trim() ? renderMarkdown(cell.text) : "";
      if (!cell.text.trim()) append(view, h("p", {class: "wb-muted"}, "An empty note. Double-click to write in Markdown."));
    };
    const setEditing = (editing: boolean) => {
      source.hidden = !editing;
      view.hidden = editing;
      edit.textContent = editing ? "Done" : "Edit";
      if (editing) (source.value = cell.text), source.focus();
      else render();
    };
    source.addEventListener("input", () => ((cell.text = source.value), changed({hash: false})));
    source.addEventListener("change", () => changed());
    source.addEventListener("keydown", (event) => {
      if (event.key !== "Enter") return;
      if (event.ctrlKey || event.metaKey) (event.preventDefault(), setEditing(false), changed());
      else if (event.shiftKey) (event.preventDefault(), setEditing(false), changed(), focusNext(state));
      else if (event.altKey) (event.preventDefault(), setEditing(false), insertCell(sqlCell(), state));
    });
    view.addEventListener("dblclick", () => setEditing(true));
    append(state.element, cellHeader(state, h("span", {class: "nb-kind"}, "Note"), edit), h("div", {class: "nb-cell-body"}, view, source));
    render();
    state.focus = () => setEditing(true);
    state.refresh = () => {};
    if (!cell.text) queueMicrotask(() => state.element.isConnected && setEditing(true));
  }

  function buildInput(state: CellState) {
    const cell = state.cell as Extract<Cell, {kind: "input"}>;
    const control = h("select", {class: "nb-input-control", "aria-label": "Kind of input"}, ...[["select", "drop-down"], ["number", "number"], ["text", "text"], ["daterange", "date range"]].map(([value, label]) => h("option", {value}, label)));
    control.value = cell.input.control;
    const settingsHolder = h("div", {class: "nb-input-settings"});
    const valueHolder = h("div", {class: "nb-input-value-holder"});
    const staleBox = h("div", {class: "nb-stale", role: "status", hidden: true});
    const errorBox = h("div", {class: "wb-error", role: "alert", hidden: true});
    const usage = h("p", {class: "wb-muted nb-input-usage"});
    append(state.element, cellHeader(state, h("span", {class: "nb-kind"}, "Input"), nameInput(state as any), control), h("div", {class: "nb-cell-body"}, settingsHolder, valueHolder, usage, staleBox, errorBox));
    const set = (input: InputSettings, {rerun = true} = {}) => {
      cell.input = input;
      changed();
      if (rerun) runFrom(state);
      else drawValue();
    };
    control.addEventListener("change", () => {
      const kind = control.value as InputSettings["control"];
      const firstTable = Object.keys(descriptions)[0] ?? "observations";
      set(kind === "select" ? {control: "select", table: firstTable, column: "geography", value: null} : kind === "number" ? {control: "number", value: null} : kind === "text" ? {control: "text", value: ""} : {control: "daterange", start: null, end: null});
      drawSettingsRow();
    });
    const drawSettingsRow = () => {
      const input = cell.input;
      if (input.control !== "select") return replace(settingsHolder);
      const table = h("input", {type: "text", class: "nb-input-table", value: input.table, "aria-label": "Table the choices come from", size: 14});
      const column = h("input", {type: "text", class: "nb-input-column", value: input.column, "aria-label": "Column the choices come from", size: 14});
      const apply = () => {
        if (!NAME_PATTERN.test(table.value.trim())) return void ((table.setCustomValidity("A table or cell name")), table.reportValidity());
        table.setCustomValidity("");
        set({control: "select", table: table.value.trim(), column: column.value.trim() || input.column, value: null});
      };
      table.addEventListener("change", apply);
      column.addEventListener("change", apply);
      replace(settingsHolder, h("label", {}, "Choices from table ", table), " ", h("label", {}, "column ", column));
    };
    const drawValue = () => {
      const input = cell.input;
      const name = cell.name;
      if (input.control === "select") {
        const choices: unknown[] = (state as any).choices ?? [];
        const select = h("select", {class: "nb-input-value", "aria-label": `Value of ${name}`}, h("option", {value: ""}, "(none: NULL)"), ...choices.map((c, i) => h("option", {value: String(i)}, String(c))));
        const index = choices.findIndex((c) => c === input.value);
        select.value = index >= 0 ? String(index) : "";
        select.addEventListener("change", () => set({...input, value: select.value === "" ? null : (choices[Number(select.value)] as string | number)}));
        replace(valueHolder, h("label", {}, `${name} = `, select));
        usage.textContent = `Write $${name} in a SQL cell: it becomes the chosen value as a literal.`;
      } else if (input.control === "number" || input.control === "text") {
        const field = h("input", {type: input.control, class: "nb-input-value", "aria-label": `Value of ${name}`, value: input.value ?? "", step: "any"});
        field.addEventListener("change", () => set(input.control === "number" ? {control: "number", value: field.value === "" ? null : Number(field.value)} : {control: "text", value: field.value}));
        replace(valueHolder, h("label", {}, `${name} = `, field));
        usage.textContent = `Write $${name} in a SQL cell: it becomes ${input.control === "number" ? "this number" : "this text, quoted"}.`;
      } else {
        const start = h("input", {type: "date", class: "nb-input-start", value: input.start ?? "", "aria-label": `${name} from`});
        const end = h("input", {type: "date", class: "nb-input-end", value: input.end ?? "", "aria-label": `${name} to`});
        const apply = () => set({control: "daterange", start: start.value || null, end: end.value || null});
        start.addEventListener("change", apply);
        end.addEventListener("change", apply);
        replace(valueHolder, h("label", {}, `${name} from `, start), " ", h("label", {}, "to ", end));
        usage.textContent = `Write $${name}.start and $${name}.end in a SQL cell: they become DATE literals (NULL when empty).`;
      }
    };
    drawSettingsRow();
    drawValue();
    state.focus = () => control.focus();
    state.refresh = () => {
      const text: string | undefined = (state as any).message;
      state.element.dataset.status = state.status;
      errorBox.hidden = state.status !== "error";
      errorBox.textContent = state.status === "error" ? (text ?? "") : "";
      staleBox.hidden = state.status !== "stale";
      staleBox.textContent = state.status === "stale" ? (text ?? "") : "";
      if (state.status === "done") drawValue();
    };
  }

  function focusNext(state: CellState) {
    const next = states[states.indexOf(state) + 1];
    if (next) (active = next), next.focus();
    else insertCell(sqlCell(), state);
  }

  // ---- files and links
  async function save(state: CellState, format: "csv" | "parquet" | "arrow") {
    const result = state.result;
    if (!result) return;
    const name = nameOf(state);
    try {
      if (format === "csv") download(toCsv(result.columns, result.batches), `${name}.csv`, "text/csv");
      else if (format === "parquet") download(toParquet(libraries, result.schema, result.batches), `${name}.parquet`, "application/vnd.apache.parquet");
      else download(toArrowFile(libraries, result.schema, result.batches), `${name}.arrow`, "application/vnd.apache.arrow.file");
    } catch (error) {
      setError(state, `Could not write the ${format} file: ${message(error)}`);
    }
  }

  async function share() {
    writeHash();
    try {
      await navigator.clipboard.writeText(location.href);
      notebookStatus.textContent = "Link copied. Whoever opens it gets this notebook, and it runs.";
    } catch {
      notebookStatus.textContent = "Copy the address in the address bar: it holds this notebook.";
    }
  }

  function downloadNotebook() {
    download(notebookToText(current()), pageFileName(title).replace(/\.md$/, ".notebook.sql"), "text/plain");
  }

  function downloadPage() {
    const drawn = new Map(states.flatMap((s) => (s.cell.kind === "sql" ? [[s.cell.name, s.drawn ?? null] as [string, ChartSettings | null]] : [])));
    download(exportPage(current(), {drawn}), pageFileName(title), "text/markdown");
    notebookStatus.textContent = `Put ${pageFileName(title)} in the project's src/ folder and build: the page runs these cells over the site's tables.`;
  }

  async function openNotebookFile(file: File | undefined) {
    if (!file) return;
    try {
      loadNotebook(notebookFromText(await file.text()), {id: newNotebookId(), keep: true});
      touched = true;
      autosave();
      notebookStatus.textContent = `Opened ${file.name}.`;
    } catch (error) {
      notebookStatus.textContent = `Could not open ${file.name}: ${message(error)}`;
    } finally {
      openInput.value = "";
    }
  }

  // ---- side panel
  function remember(entry: HistoryEntry) {
    past.add(entry);
    drawHistory();
  }

  /** Puts a query in the current SQL cell (a new one if there is none) and runs it. */
  function runInCell(query: string) {
    let target = active?.cell.kind === "sql" ? active : states.find((s) => s.cell.kind === "sql");
    if (!target) target = insertCell(sqlCell(query));
    target.editor!.setText(query);
    return runFrom(target);
  }

  function drawHistory() {
    const loaded = past.load();
    const entries = loaded.entries;
    historyStatus.textContent = historyNote(loaded) ?? "";
    if (entries.length === 0) return replace(historyList, h("li", {class: "wb-muted"}, "Queries you run appear here."));
    replace(
      historyList,
      ...entries.map((entry) =>
        h(
          "li",
          {class: entry.error ? "wb-history-failed" : null},
          h("button", {type: "button", class: "wb-rerun", title: "Put this query in the current cell and run it", onclick: () => runInCell(entry.query)}, "Run again"),
          " ",
          h("span", {class: "wb-muted"}, entry.error ? "failed" : `${entry.rows?.toLocaleString("en-US")} ${entry.rows === 1 ? "row" : "rows"}`),
          h("pre", {class: "wb-history-query"}, entry.query)
        )
      )
    );
  }

  function drawSaved() {
    const loaded = saved.load();
    savedStatus.textContent = loaded.dropped ? `${loaded.dropped} stored ${loaded.dropped === 1 ? "notebook was" : "notebooks were"} damaged and left out.` : "";
    if (loaded.entries.length === 0) return replace(savedList, h("li", {class: "wb-muted"}, "Notebooks you change are kept here."));
    replace(
      savedList,
      ...loaded.entries.map((entry) =>
        h(
          "li",
          {class: entry.id === notebookId ? "nb-saved-current" : null, "data-id": entry.id},
          h("button", {type: "button", class: "nb-saved-open nb-link", title: "Open this notebook", onclick: () => loadNotebook(entry.notebook, {id: entry.id, keep: true})}, entry.title),
          " ",
          h("span", {class: "wb-muted"}, `${entry.notebook.cells.length} cells · ${entry.savedAt.slice(0, 16).replace("T", " ")}`),
          " ",
          h("button", {type: "button", class: "nb-saved-delete", title: `Delete ${entry.title}`, onclick: () => (saved.remove(entry.id), entry.id === notebookId && (touched = false), drawSaved())}, "Delete")
        )
      )
    );
  }

  function drawExampleNotebooks() {
    replace(
      exampleNotebooks,
      ...EXAMPLE_NOTEBOOKS.map((example) =>
        h("li", {}, h("button", {type: "button", class: "nb-example nb-link", title: example.notebook.title, onclick: () => loadNotebook(structuredClone(example.notebook), {id: newNotebookId(), keep: true})}, example.notebook.title), h("span", {class: "wb-muted"}, ` ${example.theme}`))
      )
    );
  }

  function drawExamples(list: Example[]) {
    // Redraw only when the list changes, so themes the reader opened stay open.
    const key = list.map((e) => e.title).join("\n");
    if (examples.dataset.key === key) return;
    examples.dataset.key = key;
    const themes = [...new Set(list.map((e) => e.theme))];
    replace(
      examples,
      ...themes.map((theme) =>
        h(
          "details",
          {class: "wb-example-theme"},
          h("summary", {}, theme),
          h("ul", {}, ...list.filter((e) => e.theme === theme).map((example) => h("li", {}, h("button", {type: "button", class: "wb-example", title: example.query, onclick: () => runInCell(example.query)}, example.title))))
        )
      )
    );
  }

  async function refreshSchema() {
    const client = await source.current();
    const connection = await client._db.connect();
    try {
      schema = await loadSchema(connection, {descriptions, userTables});
    } finally {
      await connection.close();
    }
    renderSchema(schemaList, schema, (name) => (active?.editor ?? states.find((s) => s.editor)?.editor)?.insert(name));
    const completion = completionSchema(schema);
    for (const s of states) s.editor?.setSchema(completion);
    drawExamples(availableExamples(schema.map((t) => t.name)));
  }

  async function openFiles(files: File[]) {
    if (files.length === 0) return;
    try {
      for (const file of files) {
        fileStatus.textContent = `Reading ${file.name}…`;
        const taken = schema.map((t) => t.name).filter((name) => !userTables.has(name));
        const readerFile = await readUserFile(file, {parquet: libraries.Parquet, taken});
        const {restarted} = await source.addReaderFile(readerFile);
        const name = readerFile.name;
        userTables.add(name);
        if (restarted) cellTables.clear();
        replace(
          fileStatus,
          `${file.name} is now the table `,
          h("code", {}, name),
          ". ",
          restarted ? "(The database restarted to read it: tables you made in this tab are gone.) " : "",
          h("button", {type: "button", class: "wb-query-file", onclick: () => runInCell(`SELECT *\nFROM ${name}\nLIMIT 100`)}, "Query it")
        );
      }
    } catch (error) {
      fileStatus.textContent = `Could not read the file: ${message(error)}`;
    } finally {
      fileInput.value = "";
      await refreshSchema();
    }
  }

  // ---- start
  let start: Notebook;
  let fromLink = false;
  try {
    const linked = notebookFromHash(location.hash);
    fromLink = linked !== null;
    start = linked ?? singleQuery(STARTER);
  } catch (error) {
    start = singleQuery(STARTER);
    notebookStatus.textContent = `The notebook in the link could not be read: ${message(error)}`;
  }
  title = start.title;
  titleInput.value = title;
  states = start.cells.map((cell) => makeState(cell));
  replace(cellList, ...states.map((s) => s.element));
  active = states.find((s) => s.cell.kind === "sql");
  drawHistory();
  drawSaved();
  drawExampleNotebooks();
  source.current().then(
    async () => {
      // The runner is set only once the schema is in: until then a run is queued, so nothing
      // runs twice.
      const ready = new QueryRunner(source);
      await refreshSchema();
      runner = ready;
      setRootState();
      for (const s of states) s.refresh();
      // The page opens with results: the runs the reader asked for while the database opened,
      // else the link's notebook, else the starter query (not kept in the history: nobody asked for it).
      const asked = pending;
      pending = null;
      if (asked) await request(asked.ids, {keep: asked.keep});
      else if (fromLink) await request(plan().order, {keep: true});
      else await request(plan().order, {keep: false});
      started = true;
      setRootState();
    },
    (error) => {
      failed = `The database did not open: ${message(error)}`;
      for (const s of states) if (s.cell.kind === "sql") setError(s, failed);
    }
  );
  return root;
}

function message(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
