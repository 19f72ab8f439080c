// A notebook as a Framework page of this project: drop the file into `src/` and build. Markdown
// cells stay Markdown (or, when they hold something Framework would run or read as HTML — `${`,
// `<`, a code fence — they are rendered by the same renderer as in the workbench); inputs
// become Observable Inputs; each SQL cell becomes a table of its name in the page's database
// over the site's snapshots (pageCells.ts), shown as rows and, where the cell has one, as the
// Plot chart the cell drew, written out as Plot code an author can edit.
import type {ChartSettings, InputCell, Notebook, SqlCell} from "./format.js";
import {referencedNames, referencedParameters} from "./sqlTokens.js";
import {namesYears} from "../rows.js";

/** Names a page's code cannot use for a variable: JavaScript's reserved words and what Framework provides. */
const TAKEN = new Set(
  "break case catch class const continue debugger default delete do else enum export extends false finally for function if import in instanceof new null return super switch this throw true try typeof var void while with yield let static implements interface package private protected public await arguments eval undefined NaN Infinity view display width html md svg tex dot mermaid Plot d3 Inputs Arrow DuckDBClient FileAttachment Generators Mutable invalidation now resize visibility sql require notebookTable notebookChoices rowsTable renderMarkdown"
    .split(" ")
    .map((word) => word.toLowerCase())
);

export function jsName(name: string): string {
  return TAKEN.has(name.toLowerCase()) ? `${name}_cell` : name;
}

/** A JavaScript template literal holding `text` exactly. */
export function templateLiteral(text: string): string {
  return "`" + text.replaceAll("\\", "\\\\").replaceAll("`", "\\`").replaceAll("${", "\\${") + "`";
}

/** Markdown that Framework reads as this renderer would: no `${`, no HTML, no code fence. */
export function isPlainMarkdown(text: string): boolean {
  return !text.includes("${") && !text.includes("<") && !/^ {0,3}(```|~~~)/m.test(text);
}

/** The page's file name for a notebook title: `Magnet exports` → `magnet-exports.md`. */
export function pageFileName(title: string): string {
  const slug = title.toLowerCase().normalize("NFKD").replace(/['’]/g, "").replace(/[^a-z0-9]+/g, "-").replace(/^-+|-+$/g, "").slice(0, 60);
  return `${slug || "notebook"}.md`;
}

export interface ExportOptions {
  /** Where the project's components are, from the page (a page in `src/` → "./components"). */
  components?: string;
  /** The chart each SQL cell drew, by cell name (what "auto" resolved to); otherwise the cell's own settings. */
  drawn?: ReadonlyMap<string, ChartSettings | null>;
  /** When the notebook was exported (written into the page's comment). */
  exportedAt?: string;
}

export function exportPage(notebook: Notebook, {components = "./components", drawn = new Map(), exportedAt = new Date().toISOString()}: ExportOptions = {}): string {
  const sqlNames = new Set(notebook.cells.flatMap((c) => (c.kind === "sql" ? [c.name] : [])));
  const inputNames = new Set(notebook.cells.flatMap((c) => (c.kind === "input" ? [c.name] : [])));
  const title = notebook.title.replace(/\s+/g, " ").trim() || "Notebook";
  const out: string[] = [
    "---",
    `title: ${JSON.stringify(title)}`,
    "toc: false",
    "---",
    "",
    `<!-- Exported from the SQL workbench's notebook on ${exportedAt}. Each SQL cell is a table of its name in this page's database. -->`,
    "",
    `# ${escapeMarkdownLine(title)}`,
    "",
    "```js",
    `import {notebookTable, notebookChoices, rowsTable} from "${components}/notebook/pageCells.js";`,
    ...(notebook.cells.some((c) => c.kind === "sql" && breaksAtGaps(drawn.get(c.name) ?? c.chart)) ? [`import {breakAtGaps} from "${components}/gaps.js";`] : []),
    ...(notebook.cells.some((c) => c.kind === "markdown" && !isPlainMarkdown(c.text)) ? [`import {renderMarkdown} from "${components}/notebook/markdown.js";`] : []),
    "```"
  ];
  for (const cell of notebook.cells) {
    out.push("");
    if (cell.kind === "markdown") {
      if (isPlainMarkdown(cell.text)) out.push(cell.text);
      else out.push("```js", `{ const text = document.createElement("div"); text.innerHTML = renderMarkdown(${JSON.stringify(cell.text)}); display(text); }`, "```");
    } else if (cell.kind === "input") {
      out.push("```js", inputCode(cell, sqlNames), "```");
    } else {
      out.push(...sqlCode(cell, sqlNames, inputNames, drawn.get(cell.name) ?? (cell.chart.mark === "auto" ? null : cell.chart)));
    }
  }
  return out.join("\n") + "\n";
}

function escapeMarkdownLine(text: string): string {
  return text.replace(/[\\`*_{}[\]<>#$|]/g, (c) => `&#${c.charCodeAt(0)};`);
}

function inputCode(cell: InputCell, sqlNames: ReadonlySet<string>): string {
  const name = jsName(cell.name);
  const label = JSON.stringify(cell.name);
  const input = cell.input;
  switch (input.control) {
    case "select":
      return `const ${name} = view(Inputs.select(await notebookChoices(${JSON.stringify(input.table)}, ${JSON.stringify(input.column)}${sqlNames.has(input.table) ? `, [${jsName(input.table)}]` : ""}), {label: ${label}, value: ${JSON.stringify(input.value)}}));`;
    case "number":
      return `const ${name} = view(Inputs.number({label: ${label}, value: ${JSON.stringify(input.value)}}));`;
    case "text":
      return `const ${name} = view(Inputs.text({label: ${label}, value: ${JSON.stringify(input.value)}, submit: true}));`;
    case "daterange":
      return `const ${name} = view(Inputs.form({start: Inputs.date({label: "${cell.name} from", value: ${JSON.stringify(input.start)}}), end: Inputs.date({label: "to", value: ${JSON.stringify(input.end)}})}));`;
  }
}

function sqlCode(cell: SqlCell, sqlNames: ReadonlySet<string>, inputNames: ReadonlySet<string>, chart: ChartSettings | null): string[] {
  const name = jsName(cell.name);
  const reads = referencedNames(cell.text, sqlNames).filter((n) => n !== cell.name).map(jsName);
  const params = referencedParameters(cell.text).filter((p) => inputNames.has(p));
  const paramObject = params.length ? `{${params.map((p) => (jsName(p) === p ? p : `${p}: ${jsName(p)}`)).join(", ")}}` : "{}";
  const lines = ["```js", `// ${cell.name}${reads.length ? `: reads ${reads.join(", ")}` : ""}${params.length ? `; parameters ${params.map((p) => "$" + p).join(", ")}` : ""}`];
  lines.push(`const ${name} = await notebookTable(${JSON.stringify(cell.name)}, ${templateLiteral(cell.text)}, ${paramObject}${reads.length ? `, [${reads.join(", ")}]` : ""});`);
  lines.push("```", "");
  if (chart && chart.mark !== "none" && chart.mark !== "auto" && chart.x && chart.y) lines.push("```js", plotCode(name, chart), "```", "");
  lines.push("```js", `display(rowsTable(${name}));`, "```");
  return lines;
}

/** Whether a chart's lines break where a series skips a year (a line or area over a year column), as chart.ts draws them. */
export function breaksAtGaps(chart: ChartSettings | null): boolean {
  return !!chart && (chart.mark === "line" || chart.mark === "area") && namesYears(chart.x ?? "");
}

/** The Plot code for a cell's chart, the same marks chart.ts draws. */
export function plotCode(data: string, chart: ChartSettings): string {
  const {mark, x, y, color, facet} = chart;
  const s = JSON.stringify;
  const fy = facet ? `, fy: ${s(facet)}` : "";
  const z = color ? `, z: ${s(color)}` : "";
  const fill = color ? s(color) : `"var(--theme-foreground-focus)"`;
  // A column named for years ticks as years, as in the notebook (chart.ts).
  const xAxis = namesYears(x ?? "") ? `{label: ${s(x)}, tickFormat: "d"}` : `{label: ${s(x)}}`;
  const head = `Plot.plot({\n  width,\n  marginLeft: 64,\n  title: ${s(`${y} by ${x}`)},${color ? "\n  color: {legend: true}," : ""}\n  x: ${xAxis},\n  y: {grid: true},\n  marks: [\n    Plot.ruleY([0]),\n`;
  const tail = `\n  ]\n})`;
  if (mark === "bar")
    return `// Bars over a category sum the rows of each category, as in the workbench.\nconst ${data}_isCategory = typeof ${data}[0]?.[${s(x)}] === "string";\ndisplay(${data}_isCategory\n  ? Plot.plot({width, marginLeft: 160, title: ${s(`${y} by ${x}`)},${color ? " color: {legend: true}," : ""} x: {grid: true}, marks: [Plot.barX(${data}, Plot.groupY({x: "sum"}, {y: ${s(x)}, x: ${s(y)}, fill: ${fill}${fy}, sort: {y: "-x"}})), Plot.ruleX([0])]})\n  : Plot.plot({width, marginLeft: 64, title: ${s(`${y} by ${x}`)},${color ? " color: {legend: true}," : ""} x: ${xAxis}, y: {grid: true}, marks: [Plot.barY(${data}, {x: ${s(x)}, y: ${s(y)}, fill: ${fill}${fy}}), Plot.ruleY([0])]}));`;
  // Over whole years a line breaks where a series skips a year instead of joining across it (gaps.ts):
  // each unbroken run is its own "segment".
  const gapped = breaksAtGaps(chart);
  const seriesKey = [color, facet].filter(Boolean).map((column) => `row[${s(column)}]`);
  const lineData = gapped ? `breakAtGaps(${data}, {x: ${s(x)}, z: (row) => ${seriesKey.length ? seriesKey.map((k) => `String(${k})`).join(' + "\\u0000" + ') : '""'}, step: 1})` : data;
  const lineZ = gapped ? `, z: "segment"` : z;
  const gapNote = gapped ? "    // Lines break where a series skips a year (gaps.ts), as in the notebook.\n" : "";
  const markCode =
    mark === "line"
      ? `${gapNote}    Plot.lineY(${lineData}, {x: ${s(x)}, y: ${s(y)}${lineZ}, stroke: ${color ? s(color) : '"currentColor"'}${fy}, sort: ${s(x)}})`
      : mark === "area"
        ? `${gapNote}    Plot.areaY(${lineData}, {x: ${s(x)}, y: ${s(y)}${lineZ}, fill: ${fill}${fy}, fillOpacity: 0.8, sort: ${s(x)}})`
        : `    Plot.dot(${data}, {x: ${s(x)}, y: ${s(y)}, stroke: ${color ? s(color) : '"currentColor"'}${fy}})`;
  return `display(${head}${markCode}${tail});`;
}
