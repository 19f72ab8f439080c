// A SQL cell on the page: editor, state line, summary, downloads, chart (quick or edited),
// column profile and the virtualised result table.
import type {SQLNamespace} from "@codemirror/lang-sql";
import {cellFrame, type CellHost} from "./cellFrame.js";
import {cellRows, objectRows, uniqueKeys} from "./cells.js";
import {chartEditor, quickEncoding} from "./chartEditor.js";
import {append, h, replace} from "./dom.js";
import {createEditor, type SqlEditor} from "./editor.js";
import {encodedChart} from "./encodedChart.js";
import type {ChartEncoding, SqlCell} from "./notebookModel.js";
import {profileView, type ColumnProfile} from "./profile.js";
import {chooseQuickChart, quickChart} from "./quickChart.js";
import {summaryText} from "./results.js";
import type {QueryResult} from "./runner.js";
import {virtualTable} from "./virtualTable.js";

export type CellState = "idle" | "queued" | "running" | "done" | "failed" | "stale";
export type ExportFormat = "csv" | "parquet" | "arrow";

const CHART_ROWS = 20_000;

export interface SqlCellView {
  cell: SqlCell;
  element: HTMLElement;
  editor: SqlEditor;
  result: QueryResult | undefined;
  setState(state: CellState, message?: string | null): void;
  showResult(result: QueryResult, summary: {rowCap: number; statements: number}): void;
  showProfile(profile: readonly ColumnProfile[] | string): void;
  drawChart(): void;
  /** What the chart draws, as an encoding (the quick chart resolved), or null for none. */
  chartEncoding(): ChartEncoding | null;
  setSchema(schema: SQLNamespace): void;
}

export interface SqlCellOptions {
  host: CellHost;
  quickChartOn: () => boolean;
  save: (result: QueryResult, format: ExportFormat, name: string) => void;
}

export function sqlCellView(cell: SqlCell, {host, quickChartOn, save}: SqlCellOptions): SqlCellView {
  const runButton = h("button", {type: "button", class: "wb-run", title: "Run this cell and the cells that depend on it (Ctrl+Enter)", onclick: () => host.run(cell.id)}, "Run");
  const editorHost = h("div", {class: "wb-editor"});
  const state = h("p", {class: "nb-state", role: "status", hidden: true});
  const errorBox = h("div", {class: "wb-error", role: "alert", hidden: true});
  const summary = h("p", {class: "wb-summary"});
  const exportButtons = (["csv", "parquet", "arrow"] as const).map((format) =>
    h("button", {type: "button", class: `wb-export-${format}`, disabled: true, onclick: () => view.result && save(view.result, format, cell.name)}, `Download ${format === "csv" ? "CSV" : format === "parquet" ? "Parquet" : "Arrow"}`)
  );
  const editorSlot = h("div", {class: "nb-chart-settings"});
  const chart = h("div", {class: "wb-chart"});
  const profile = h("details", {class: "nb-profile"}, h("summary", {}, "Column profile"), h("p", {class: "wb-muted"}, "Appears after the cell runs."));
  const results = h("div", {class: "wb-results"});
  const body = h("div", {class: "nb-body"}, editorHost, state, errorBox, summary, h("div", {class: "wb-exports"}, ...exportButtons), editorSlot, chart, h("div", {class: "nb-output"}, results, profile));
  const element = cellFrame(cell, host, {tools: [runButton], body});

  const editor = createEditor({
    parent: editorHost,
    doc: cell.sql,
    onRun: () => host.run(cell.id),
    keys: [
      {key: "Shift-Enter", run: () => host.run(cell.id, {advance: true})},
      {key: "Alt-Enter", run: () => host.insertBelow(cell.id, "sql")}
    ],
    onChange: (text) => ((cell.sql = text), host.edited(cell.id)),
    onSelectionChange: (selected) => (runButton.textContent = selected ? "Run selection" : "Run"),
    label: `SQL of cell ${cell.name}`
  });

  let rows: Record<string, unknown>[] = [];
  let quick: ChartEncoding | null = null;

  const view: SqlCellView = {
    cell,
    element,
    editor,
    result: undefined,
    setState(next, message = null) {
      element.dataset.state = next;
      const failed = next === "failed";
      errorBox.hidden = !failed;
      errorBox.textContent = failed ? (message ?? "") : "";
      state.hidden = failed || !message;
      state.textContent = failed ? "" : (message ?? "");
    },
    showResult(result, {rowCap, statements}) {
      view.result = result;
      summary.textContent = summaryText({...result, statementCount: statements}, rowCap);
      replace(results, virtualTable(result));
      for (const button of exportButtons) button.disabled = false;
      const keys = uniqueKeys(result.columns);
      rows = objectRows(cellRows(result.batches, result.columns, CHART_ROWS), keys);
      quick = quickEncoding(chooseQuickChart(result.columns, keys, rows));
      replace(profile, h("summary", {}, "Column profile"), h("p", {class: "wb-muted"}, "Profiling…"));
      view.drawChart();
    },
    showProfile(value) {
      replace(profile, h("summary", {}, "Column profile"), typeof value === "string" ? h("p", {class: "wb-muted"}, value) : profileView(value));
    },
    drawChart() {
      replace(chart);
      const result = view.result;
      if (!result) return;
      replace(editorSlot, chartEditor(cell.chart, result.columns, quick, (next) => ((cell.chart = next), host.edited(cell.id), view.drawChart())));
      const width = Math.max(320, results.clientWidth || element.clientWidth - 32 || 640);
      if (cell.chart === null) return;
      if (cell.chart === "quick") {
        if (!quickChartOn()) return;
        const keys = uniqueKeys(result.columns);
        const spec = chooseQuickChart(result.columns, keys, rows);
        if (!spec) return append(chart, h("p", {class: "wb-muted wb-no-chart"}, "No quick chart: it needs a date or a year and a number, or a category and a number."));
        return append(chart, quickChart(rows, spec, {width}));
      }
      append(chart, encodedChart(rows, cell.chart, {width}));
    },
    chartEncoding: () => (cell.chart === "quick" ? quick : cell.chart),
    setSchema: (schema) => editor.setSchema(schema)
  };
  return view;
}
