// The SQL workbench: editor, schema browser, examples, history, results, quick chart,
// exports and the reader's own files, wired together. The page only supplies the database.
import type {Database, ReaderFile} from "../db.js";
import {queryFromHash} from "../workbenchLink.js";
import {objectRows, cellRows, uniqueKeys} from "./cells.js";
import {append, h, replace} from "./dom.js";
import {createEditor} from "./editor.js";
import {availableExamples, type Example} from "./examples.js";
import {download, toArrowFile, toCsv, toParquet, type ExportLibraries} from "./exporters.js";
import {historyNote, QueryHistory, type HistoryEntry} from "./history.js";
import {profileColumns, profileView} from "./profile.js";
import {chooseQuickChart, quickChart} from "./quickChart.js";
import {resultTable, summaryText} from "./results.js";
import {QueryRunner, QueryStopped, type DatabaseSource, type QueryResult} from "./runner.js";
import {completionSchema, loadSchema, renderSchema, type TableSchema} from "./schema.js";
import {isBlank} from "./statements.js";
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

export function createWorkbench({database: source, descriptions, libraries, storage = globalThis.localStorage ?? null}: WorkbenchOptions): HTMLElement {
  const past = new QueryHistory(storage);
  const userTables = new Set<string>();
  let runner: QueryRunner | undefined;
  let schema: TableSchema[] = [];
  let last: QueryResult | undefined;
  let runs = 0;
  // A run asked for while the database is still opening (Ctrl+Enter right after the page opens): it runs once the database is ready.
  let pending: string | null = null;
  // Why the database did not open, once that is known: a run then says so instead of queuing.
  let failed: string | null = null;

  // ---- elements
  const runButton = h("button", {type: "button", class: "wb-run", onclick: () => run()}, "Run");
  const cancelButton = h("button", {type: "button", class: "wb-cancel", disabled: true, onclick: () => runner?.cancel()}, "Cancel");
  const shareButton = h("button", {type: "button", class: "wb-share", onclick: () => share()}, "Copy link");
  const status = h("span", {class: "wb-status", role: "status", "aria-live": "polite"}, "Opening the database…");
  const editorHost = h("div", {class: "wb-editor"});
  const errorBox = h("div", {class: "wb-error", role: "alert", hidden: true});
  const timeLimit = h("input", {type: "number", class: "wb-time-limit", min: 1, step: 1, value: 30, "aria-label": "Time limit in seconds"});
  const rowCap = h("input", {type: "number", class: "wb-row-cap", min: 1, step: 1000, value: 100_000, "aria-label": "Most rows to keep"});
  const chartToggle = h("input", {type: "checkbox", class: "wb-chart-toggle", onchange: () => (storage?.setItem(CHART_KEY, chartToggle.checked ? "on" : "off"), drawChart())});
  chartToggle.checked = storage?.getItem(CHART_KEY) !== "off";
  const summary = h("p", {class: "wb-summary"});
  const exportButtons = [
    h("button", {type: "button", class: "wb-export-csv", disabled: true, onclick: () => save("csv")}, "Download CSV"),
    h("button", {type: "button", class: "wb-export-parquet", disabled: true, onclick: () => save("parquet")}, "Download Parquet"),
    h("button", {type: "button", class: "wb-export-arrow", disabled: true, onclick: () => save("arrow")}, "Download Arrow")
  ];
  const chart = h("div", {class: "wb-chart"});
  const results = h("div", {class: "wb-results"});
  const profile = h("div", {class: "wb-profile-holder"});
  const schemaList = h("div", {class: "wb-schema"}, h("p", {class: "wb-muted"}, "Loading tables…"));
  const fileInput = h("input", {type: "file", class: "wb-file", accept: ACCEPTED_FILES, multiple: true, onchange: () => openFiles([...(fileInput.files ?? [])])});
  const fileStatus = h("p", {class: "wb-file-status wb-muted", "aria-live": "polite"});
  const examples = h("div", {class: "wb-examples"});
  const historyList = h("ol", {class: "wb-history"});
  const historyStatus = h("p", {class: "wb-history-note wb-muted", role: "status"});

  const root = h(
    "div",
    {class: "wb", "data-state": "loading"},
    h(
      "div",
      {class: "wb-main"},
      h("div", {class: "wb-toolbar"}, runButton, cancelButton, shareButton, status),
      editorHost,
      errorBox,
      h(
        "div",
        {class: "wb-settings"},
        h("label", {}, "Time limit ", timeLimit, " s"),
        h("label", {}, "Keep at most ", rowCap, " rows"),
        h("label", {}, chartToggle, " Quick chart")
      ),
      summary,
      h("div", {class: "wb-exports"}, ...exportButtons),
      chart,
      profile,
      results
    ),
    h(
      "aside",
      {class: "wb-side"},
      h("h2", {}, "Tables"),
      h("p", {class: "wb-muted"}, "Click a name to put it in the query."),
      schemaList,
      h("h2", {}, "Your data"),
      h("p", {class: "wb-muted"}, "Open a CSV or Parquet file, or drop it on the workbench. It becomes a table you can join with ours. It stays in this browser tab."),
      fileInput,
      fileStatus,
      h("h2", {}, "Examples"),
      examples,
      h("h2", {}, "History"),
      historyStatus,
      historyList,
      h("button", {type: "button", class: "wb-clear-history", onclick: () => (past.clear(), drawHistory())}, "Clear history")
    )
  );

  const editor = createEditor({
    parent: editorHost,
    doc: queryFromHash(location.hash) ?? STARTER,
    onRun: () => run(),
    onSelectionChange: (selected) => (runButton.textContent = selected ? "Run selection" : "Run")
  });

  root.addEventListener("dragover", (event) => (event.preventDefault(), root.classList.add("wb-dragging")));
  root.addEventListener("dragleave", () => root.classList.remove("wb-dragging"));
  root.addEventListener("drop", (event) => {
    event.preventDefault();
    root.classList.remove("wb-dragging");
    openFiles([...(event.dataTransfer?.files ?? [])]);
  });
  addEventListener("hashchange", () => {
    const query = queryFromHash(location.hash);
    if (query && query !== editor.text()) (editor.setText(query), run());
  });

  // ---- running
  function setState(state: "loading" | "idle" | "running") {
    root.dataset.state = state;
    // While the database opens, Run (and Ctrl+Enter) queue the query instead of dropping it.
    runButton.disabled = state === "running";
    cancelButton.disabled = state !== "running";
  }

  function showError(message: string | null) {
    errorBox.hidden = message == null;
    errorBox.textContent = message ?? "";
  }

  async function run(text = editor.runnableText(), {keep = true} = {}) {
    if (isBlank(text)) return showError("There is no SQL to run: the editor is empty or holds only comments.");
    if (!runner) {
      if (failed !== null) return showError(failed);
      pending = text;
      status.textContent = "Opening the database… your query runs as soon as it is open.";
      return;
    }
    if (runner.running) return;
    setState("running");
    showError(null);
    status.textContent = "Running…";
    // The address holds the query the reader ran (not the starter, which nobody asked for).
    if (keep) window.history.replaceState(window.history.state, "", `#q=${encodeURIComponent(text.trim())}`);
    const ranAt = new Date().toISOString();
    try {
      last = await runner.run(text, {timeLimitMs: Number(timeLimit.value) * 1000, rowCap: Math.max(1, Number(rowCap.value) || 1)});
      status.textContent = "Done.";
      summary.textContent = summaryText(last, Number(rowCap.value));
      replace(results, resultTable(last));
      drawChart();
      drawProfile(last);
      for (const button of exportButtons) button.disabled = false;
      if (keep) remember({query: text.trim(), ranAt, rows: last.rowCount, error: null});
      await refreshSchema();
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      status.textContent = error instanceof QueryStopped ? "Stopped." : "The query failed.";
      showError(message);
      if (keep) remember({query: text.trim(), ranAt, rows: null, error: message});
      // A restarted database has only the site's tables and the reader's files: redraw the list (without holding up the next query).
      if (error instanceof QueryStopped && error.restarted) refreshSchema().catch(() => {});
    } finally {
      setState("idle");
      root.dataset.runs = String(++runs); // lets a test (or a person's script) wait for a run to finish
    }
  }

  function drawChart() {
    replace(chart);
    if (!last || !chartToggle.checked) return;
    const keys = uniqueKeys(last.columns);
    const rows = objectRows(cellRows(last.batches, last.columns, CHART_ROWS), keys);
    const spec = chooseQuickChart(last.columns, keys, rows);
    if (!spec) return append(chart, h("p", {class: "wb-muted wb-no-chart"}, "No quick chart: it needs a date or a year and a number, or a category and a number."));
    append(chart, quickChart(rows, spec, {width: Math.max(320, results.clientWidth || 640)}));
  }

  /** The column profile, computed once the result is on screen (a large result takes a moment). */
  function drawProfile(result: QueryResult) {
    delete profile.dataset.rows;
    replace(profile);
    setTimeout(() => {
      if (result !== last) return;
      replace(profile, profileView(profileColumns(result.batches, result.columns), {complete: result.complete}));
      profile.dataset.rows = String(result.rowCount); // lets a test wait for the profile
    }, 0);
  }

  async function save(format: "csv" | "parquet" | "arrow") {
    if (!last) return;
    try {
      if (format === "csv") download(toCsv(last.columns, last.batches), "query.csv", "text/csv");
      else if (format === "parquet") download(toParquet(libraries, last.schema, last.batches), "query.parquet", "application/vnd.apache.parquet");
      else download(toArrowFile(libraries, last.schema, last.batches), "query.arrow", "application/vnd.apache.arrow.file");
    } catch (error) {
      showError(`Could not write the ${format} file: ${error instanceof Error ? error.message : error}`);
    }
  }

  async function share() {
    const text = editor.text();
    if (!isBlank(text)) window.history.replaceState(window.history.state, "", `#q=${encodeURIComponent(text.trim())}`);
    try {
      await navigator.clipboard.writeText(location.href);
      status.textContent = "Link copied. Whoever opens it sees this query and runs it.";
    } catch {
      status.textContent = "Copy the address in the address bar: it holds this query.";
    }
  }

  // ---- side panel
  function remember(entry: HistoryEntry) {
    past.add(entry);
    drawHistory();
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
          h("button", {type: "button", class: "wb-rerun", title: "Put this query in the editor and run it", onclick: () => (editor.setText(entry.query), run())}, "Run again"),
          " ",
          h("span", {class: "wb-muted"}, entry.error ? "failed" : `${entry.rows?.toLocaleString("en-US")} ${entry.rows === 1 ? "row" : "rows"}`),
          h("pre", {class: "wb-history-query"}, entry.query)
        )
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
          h(
            "ul",
            {},
            ...list
              .filter((e) => e.theme === theme)
              .map((example) => h("li", {}, h("button", {type: "button", class: "wb-example", title: example.query, onclick: () => (editor.setText(example.query), run())}, example.title)))
          )
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
    renderSchema(schemaList, schema, (name) => editor.insert(name));
    editor.setSchema(completionSchema(schema));
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
        replace(
          fileStatus,
          `${file.name} is now the table `,
          h("code", {}, name),
          ". ",
          restarted ? "(The database restarted to read it: tables you made in this tab are gone.) " : "",
          h("button", {type: "button", class: "wb-query-file", onclick: () => (editor.setText(`SELECT *\nFROM ${name}\nLIMIT 100`), run())}, "Query it")
        );
      }
    } catch (error) {
      fileStatus.textContent = `Could not read the file: ${error instanceof Error ? error.message : error}`;
    } finally {
      fileInput.value = "";
      await refreshSchema();
    }
  }

  // ---- start
  drawHistory();
  source.current().then(
    async () => {
      // The runner is set only once the schema is in: until then a run is queued, so nothing
      // runs twice (a run now would write #q=…, which the start would run again).
      const ready = new QueryRunner(source);
      await refreshSchema();
      runner = ready;
      status.textContent = "Ready.";
      // The page opens with a result: the query the reader asked for while the database opened,
      // else the link's query, else the starter query (not kept in the history: nobody asked for it).
      if (pending !== null) await run(pending);
      else if (queryFromHash(location.hash)) await run(editor.text());
      else if (editor.text() === STARTER) await run(STARTER, {keep: false});
      else setState("idle");
      pending = null;
    },
    (error) => {
      failed = `The database did not open: ${error instanceof Error ? error.message : String(error)}`;
      status.textContent = "The database did not open.";
      showError(failed);
    }
  );
  return root;
}
