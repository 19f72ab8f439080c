// A notebook as a Framework page for this project: drop the file into src/ and build. The
// page opens the site's snapshots with the same database module the workbench uses; inputs
// become Inputs, SQL cells become temporary tables in dependency order, charts Plot code.
import {plotCode} from "./encodedChart.js";
import {buildGraph} from "./notebookGraph.js";
import {parameterNames} from "./sqlScan.js";
import type {ChartEncoding, Notebook, SqlCell} from "./notebookModel.js";

export interface ExportOptions {
  /** What each SQL cell draws (a quick chart resolved to its encoding), by cell id. */
  charts: ReadonlyMap<string, ChartEncoding | null>;
  /** Table names in the database, for the graph's name checks. */
  reserved?: Iterable<string>;
}

const js = (value: unknown) => JSON.stringify(value);

export function exportPage(notebook: Notebook, {charts, reserved = []}: ExportOptions): string {
  const graph = buildGraph(notebook.cells, {reserved});
  const broken = [...graph.errors.values()];
  if (broken.length) throw new Error(`The notebook cannot become a page until its cells' errors are fixed: ${broken[0]}`);
  const byId = new Map(notebook.cells.map((c) => [c.id, c]));
  const out = [
    "---",
    `title: ${js(notebook.title)}`,
    "---",
    "",
    `# ${escapeMarkdown(notebook.title)}`,
    "",
    "```js",
    "// Exported from the SQL workbench. The site's snapshots, opened as DuckDB tables in this tab.",
    'import {getDatabase} from "./components/db.js";',
    'import {inlineParameters} from "./components/workbench/parameters.js";',
    "const db = await getDatabase();",
    "// Runs a cell's SQL with its parameters inlined as literals, keeps it as a table for later cells, returns its rows.",
    "async function cell(name, sql, parameters = {}) {",
    "  await db.query(`CREATE OR REPLACE TEMP TABLE \"${name}\" AS ${inlineParameters(sql, new Map(Object.entries(parameters)))}`);",
    '  return db.query(`SELECT * FROM "${name}"`);',
    "}",
    "```"
  ];
  for (const cell of notebook.cells) {
    out.push("");
    if (cell.kind === "markdown") out.push(escapeMarkdown(cell.text));
    else if (cell.kind === "input") {
      const {input, name} = cell;
      out.push("```js");
      if (input.type === "select") {
        out.push(`const ${name} = view(Inputs.select((await db.query(${js(`SELECT DISTINCT "${input.column}" AS v FROM "${input.table}" WHERE "${input.column}" IS NOT NULL ORDER BY 1`)})).map((r) => r.v), {label: ${js(name)}, value: ${js(input.value)}}));`);
      } else if (input.type === "number") out.push(`const ${name} = view(Inputs.number({label: ${js(name)}, value: ${js(input.value)}}));`);
      else if (input.type === "text") out.push(`const ${name} = view(Inputs.text({label: ${js(name)}, value: ${js(input.value)}}));`);
      else {
        out.push(`const ${name}_from = view(Inputs.date({label: ${js(`${name} from`)}, value: ${js(input.value[0])}}));`);
        out.push("```", "", "```js", `const ${name}_to = view(Inputs.date({label: ${js(`${name} to`)}, value: ${js(input.value[1])}}));`);
      }
      out.push("```");
    } else out.push(...sqlCellCode(cell, [...graph.upstream.get(cell.id)!].map((id) => byId.get(id)!), charts.get(cell.id) ?? null));
  }
  return out.join("\n") + "\n";
}

function sqlCellCode(cell: SqlCell, upstream: {kind: string; name?: string; id: string}[], chart: ChartEncoding | null): string[] {
  const tables = upstream.filter((c) => c.kind === "sql").map((c) => c.name!);
  const names = parameterNames(cell.sql);
  const lines = ["```js"];
  // Naming the upstream tables' variables makes Framework run this cell after theirs.
  if (tables.length) lines.push(`${tables.join(", ")}; // read by this cell`);
  lines.push(`const ${cell.name} = await cell(${js(cell.name)}, ${js(cell.sql)}${names.length ? `, {${names.join(", ")}}` : ""});`);
  lines.push("```", "", "```js");
  if (chart) lines.push(`display(resize((width) => ${plotCode(cell.name, chart)}));`);
  lines.push(`display(Inputs.table(${cell.name}));`, "```");
  return lines;
}

/** Markdown from a notebook is text, not page code: `${` would start a Framework expression. */
function escapeMarkdown(text: string): string {
  return text.replaceAll("${", "\\${").replace(/<(\/?)(script|style|iframe)/gi, "&lt;$1$2");
}
