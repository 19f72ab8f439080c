// The notebook on /sql: its cells in order, the dependency graph between them, and runs.
// Running a cell runs it and exactly its dependents, one pass at a time through the runner
// (Cancel, time limit and row cap apply to every cell); a run asked for while the database
// starts waits for it. Every change goes to the URL fragment and, once the reader has
// touched the notebook, to the saved notebooks.
import type {SQLNamespace} from "@codemirror/lang-sql";
import type {CellHost} from "./cellFrame.js";
import {h, replace} from "./dom.js";
import {inputCellView, type InputCellView} from "./inputCellView.js";
import {markdownCellView} from "./markdownCellView.js";
import {cellScript} from "./cellScript.js";
import {buildGraph, cellsToRun, runInOrder, type CellOutcome, type NotebookGraph} from "./notebookGraph.js";
import {inputCell, markdownCell, moveCell, parameterValues, sqlCell, type Cell, type ChartEncoding, type Notebook} from "./notebookModel.js";
import {profileTable} from "./profile.js";
import type {QueryResult, QueryRunner, RunOptions} from "./runner.js";
import {sqlCellView, type ExportFormat, type SqlCellView} from "./sqlCellView.js";
import {quoteIdentifier} from "./statements.js";

type Query = (sql: string) => Promise<Record<string, unknown>[]>;

export interface NotebookOptions {
  runOptions: () => RunOptions;
  quickChartOn: () => boolean;
  save: (result: QueryResult, format: ExportFormat, name: string) => void;
  /** Names taken in the database by something other than this notebook's cells. */
  reserved: () => string[];
  /** After every pass (tables may have changed). */
  afterPass: () => Promise<void> | void;
  remember: (entry: {query: string; ranAt: string; rows: number | null; error: string | null}) => void;
  setBusy: (busy: boolean) => void;
  /** The notebook changed because the reader changed it (not because it was opened). */
  touched: () => void;
}

export interface NotebookController {
  element: HTMLElement;
  /** Resolves once the runner is there; runs asked for before wait for it. */
  attach(runner: QueryRunner, query: Query): Promise<void>;
  load(notebook: Notebook): void;
  current(): Notebook;
  runAll(): Promise<void>;
  /** Runs the given cells and their dependents. */
  run(ids: string[]): Promise<void>;
  cancel(): void;
  /** The SQL cell the reader last worked in (or the first). */
  activeSql(): SqlCellView | undefined;
  sqlView(id: string): SqlCellView | undefined;
  charts(): Map<string, ChartEncoding | null>;
  setSchema(schema: SQLNamespace): void;
  add(kind: Cell["kind"]): void;
}

export function createNotebook(options: NotebookOptions): NotebookController {
  let notebook: Notebook = {title: "Untitled notebook", cells: []};
  let graph: NotebookGraph = buildGraph([]);
  let runner: QueryRunner | undefined;
  let query: Query | undefined;
  let active: string | undefined;
  let chain: Promise<void> = Promise.resolve();
  let cancelled = false;
  let schema: SQLNamespace = {};
  const pending = new Set<string>();
  const failed = new Set<string>();
  const materialised = new Map<string, string>(); // cell id -> table name in the database
  const cellTables = new Set<string>(); // every table a cell made in this tab, whichever notebook it was in
  const sqlViews = new Map<string, SqlCellView>();
  const inputViews = new Map<string, InputCellView>();
  const elements = new Map<string, HTMLElement>();
  const list = h("div", {class: "nb-cells"});
  const element = h(
    "div",
    {class: "nb"},
    list,
    h(
      "div",
      {class: "nb-add"},
      h("button", {type: "button", class: "nb-add-sql", onclick: () => add("sql")}, "+ SQL"),
      h("button", {type: "button", class: "nb-add-markdown", onclick: () => add("markdown")}, "+ Markdown"),
      h("button", {type: "button", class: "nb-add-input", onclick: () => add("input")}, "+ Input")
    )
  );
  const nameOf = (id: string) => {
    const cell = notebook.cells.find((c) => c.id === id);
    return cell && "name" in cell ? cell.name : id;
  };
  const index = (id: string) => notebook.cells.findIndex((c) => c.id === id);

  const host: CellHost = {
    run: (id, {advance = false} = {}) => {
      options.touched();
      void controller.run([id]);
      if (advance) focusNext(id);
    },
    insertBelow: (id, kind) => (options.touched(), insert(index(id) + 1, kind)),
    move: (id, by) => {
      options.touched();
      notebook.cells = moveCell(notebook.cells, index(id), by);
      render();
    },
    remove: (id) => {
      options.touched();
      notebook.cells = notebook.cells.filter((c) => c.id !== id);
      const table = materialised.get(id);
      if (table && query) void query(`DROP TABLE IF EXISTS ${quoteIdentifier(table)}`).catch(() => {});
      materialised.delete(id);
      render();
    },
    edited: () => (options.touched(), refreshGraph()),
    inputChanged: (id) => {
      options.touched();
      refreshGraph();
      void controller.run([id]);
    },
    focused: (id) => {
      if (sqlViews.has(id)) active = id;
    }
  };

  function newCell(kind: Cell["kind"]): Cell {
    if (kind === "sql") return sqlCell(notebook.cells, "SELECT *\nFROM observations\nLIMIT 100");
    if (kind === "markdown") return markdownCell("");
    return inputCell(notebook.cells, {type: "text", value: ""});
  }

  function add(kind: Cell["kind"]) {
    options.touched();
    insert(notebook.cells.length, kind);
  }

  function insert(at: number, kind: Cell["kind"]) {
    const cell = newCell(kind);
    notebook.cells.splice(at, 0, cell);
    render();
    focus(cell.id);
  }

  function focus(id: string) {
    const view = sqlViews.get(id);
    if (view) return view.editor.view.focus();
    elements.get(id)?.querySelector<HTMLElement>("input, select, textarea, button")?.focus();
  }

  function focusNext(id: string) {
    const next = notebook.cells[index(id) + 1];
    if (next) focus(next.id);
    else insert(index(id) + 1, "sql");
  }

  function viewFor(cell: Cell): HTMLElement {
    let element = elements.get(cell.id);
    if (element) return element;
    if (cell.kind === "sql") {
      const view = sqlCellView(cell, {host, quickChartOn: options.quickChartOn, save: options.save});
      view.setSchema(schema);
      sqlViews.set(cell.id, view);
      element = view.element;
    } else if (cell.kind === "input") {
      const view = inputCellView(cell, host);
      inputViews.set(cell.id, view);
      if (query) void view.loadOptions(query);
      element = view.element;
    } else element = markdownCellView(cell, host).element;
    elements.set(cell.id, element);
    return element;
  }

  function render() {
    const ids = new Set(notebook.cells.map((c) => c.id));
    for (const id of [...elements.keys()]) if (!ids.has(id)) (elements.delete(id), sqlViews.delete(id), inputViews.delete(id), failed.delete(id));
    replace(list, ...notebook.cells.map(viewFor));
    refreshGraph();
  }

  /** Rebuilds the graph and shows its errors (clashes, cycles, names) on the cells at once. */
  function refreshGraph() {
    graph = buildGraph(notebook.cells, {reserved: options.reserved().filter((n) => !cellTables.has(n))});
    for (const [id, view] of sqlViews) {
      const error = graph.errors.get(id);
      if (error) view.setState("failed", error);
      else if (view.element.dataset.state === "failed" && !failed.has(id)) view.setState(view.result ? "done" : "idle");
    }
  }

  function report(id: string, outcome: CellOutcome) {
    const view = sqlViews.get(id);
    if (!view) return;
    if (outcome.status === "failed") (failed.add(id), view.setState("failed", outcome.error));
    else if (outcome.status === "stale") (failed.add(id), view.setState("stale", outcome.reason));
    else failed.delete(id);
  }

  async function runCell(id: string, text: string) {
    const view = sqlViews.get(id)!;
    if (cancelled) throw new Error("Not run: the run was cancelled before this cell.");
    view.setState("running", "Running…");
    const ranAt = new Date().toISOString();
    view.element.dataset.runs = String(Number(view.element.dataset.runs) + 1);
    try {
      const script = cellScript(text, view.cell.name, parameterValues(notebook.cells));
      const before = materialised.get(id);
      if (before && before !== script.table) await query!(`DROP TABLE IF EXISTS ${quoteIdentifier(before)}`).catch(() => {});
      const runOptions = options.runOptions();
      const result = await runner!.run(script.statements.join(";\n"), runOptions);
      if (script.table) (materialised.set(id, script.table), cellTables.add(script.table));
      else materialised.delete(id);
      view.setState("done");
      view.showResult(result, {rowCap: runOptions.rowCap, statements: script.written});
      options.remember({query: text.trim(), ranAt, rows: result.rowCount, error: null});
    } catch (error) {
      options.remember({query: text.trim(), ranAt, rows: null, error: error instanceof Error ? error.message : String(error)});
      throw error;
    }
  }

  async function pass(ids: string[]) {
    refreshGraph();
    const order = cellsToRun(graph, ids);
    // The cells asked for directly run their selection, if the reader selected part of the text.
    const texts = new Map(order.map((id) => [id, ids.includes(id) ? sqlViews.get(id)!.editor.runnableText() : sqlViews.get(id)!.cell.sql]));
    for (const id of order) sqlViews.get(id)!.setState("queued", "Waiting for the cells it reads…");
    cancelled = false;
    options.setBusy(true);
    try {
      const outcomes = await runInOrder(graph, order, (id) => runCell(id, texts.get(id)!), {nameOf, report, failedBefore: failed});
      await options.afterPass();
      for (const view of inputViews.values()) if (view.cell.input.type === "select" && order.some((id) => nameOf(id) === (view.cell.input as {table: string}).table)) await view.loadOptions(query!);
      for (const [id, outcome] of outcomes) {
        const table = materialised.get(id);
        if (outcome.status === "done" && table) await profile(id, table);
      }
    } finally {
      options.setBusy(false);
      element.closest<HTMLElement>(".wb")?.setAttribute("data-runs", String(Number(element.closest<HTMLElement>(".wb")?.dataset.runs ?? 0) + 1));
    }
  }

  async function profile(id: string, table: string) {
    const view = sqlViews.get(id);
    if (!view) return;
    try {
      view.showProfile(await profileTable(query!, table));
    } catch (error) {
      view.showProfile(`No profile: ${error instanceof Error ? error.message.split("\n")[0] : error}`);
    }
  }

  const controller: NotebookController = {
    element,
    async attach(r, q) {
      runner = r;
      query = q;
      for (const view of inputViews.values()) await view.loadOptions(q);
      const waiting = [...pending];
      pending.clear();
      if (waiting.length) await controller.run(waiting);
    },
    load(next) {
      notebook = next;
      for (const id of materialised.keys()) if (!next.cells.some((c) => c.id === id)) materialised.delete(id);
      failed.clear();
      render();
      active = notebook.cells.find((c) => c.kind === "sql")?.id;
    },
    current: () => notebook,
    runAll: () => controller.run(notebook.cells.filter((c) => c.kind !== "markdown").map((c) => c.id)),
    run(ids) {
      if (!runner) {
        for (const id of ids) pending.add(id);
        for (const id of ids) sqlViews.get(id)?.setState("queued", "Queued: this cell runs as soon as the database is ready.");
        return Promise.resolve();
      }
      chain = chain.then(() => pass(ids)).catch((error) => console.warn(error));
      return chain;
    },
    cancel() {
      cancelled = true;
      runner?.cancel();
    },
    activeSql: () => sqlViews.get(active ?? "") ?? sqlViews.get(notebook.cells.find((c) => c.kind === "sql")?.id ?? ""),
    sqlView: (id) => sqlViews.get(id),
    charts: () => new Map([...sqlViews].map(([id, view]) => [id, view.chartEncoding()])),
    setSchema(next) {
      schema = next;
      for (const view of sqlViews.values()) view.setSchema(next);
    },
    add
  };
  return controller;
}
