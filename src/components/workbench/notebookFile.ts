// The notebook as a text file (`.sqlnb.md`): front matter with the title, then one fenced
// block per cell. The info string after the fence holds the cell's kind and settings as
// key=value pairs, so a change to one cell is a change to a few lines. See docs/sql.md.
import {MARKS, newCellId, type Cell, type ChartSetting, type InputSpec, type Mark, type Notebook} from "./notebookModel.js";

export const FORMAT_VERSION = 1;

export class NotebookFileError extends Error {
  constructor(readonly line: number, message: string) {
    super(`line ${line}: ${message}`);
    this.name = "NotebookFileError";
  }
}

export function serializeNotebook(notebook: Notebook): string {
  const out = ["---", `notebook: ${FORMAT_VERSION}`, `title: ${notebook.title.replace(/\s+/g, " ").trim()}`, "---"];
  for (const cell of notebook.cells) {
    const [kind, attributes, body] = describe(cell);
    const fence = "`".repeat(Math.max(3, longestBacktickRun(body) + 1));
    const info = [kind, ...Object.entries(attributes).filter(([, v]) => v != null).map(([k, v]) => `${k}=${formatValue(v!)}`)].join(" ");
    out.push("", fence + info, ...(body === "" ? [] : [body]), fence);
  }
  return out.join("\n") + "\n";
}

type Attributes = Record<string, string | number | boolean | null | undefined>;

function describe(cell: Cell): [string, Attributes, string] {
  const collapsed = cell.collapsed ? true : undefined;
  if (cell.kind === "markdown") return ["md", {collapsed}, cell.text];
  if (cell.kind === "sql") {
    const chart = cell.chart;
    const encoding = chart && chart !== "quick" ? {chart: chart.mark, x: chart.x, y: chart.y, color: chart.color, facet: chart.facet} : {chart: chart === "quick" ? "quick" : "none"};
    return ["sql", {name: cell.name, ...encoding, collapsed}, cell.sql];
  }
  const input = cell.input;
  const settings: Attributes =
    input.type === "select" ? {table: input.table, column: input.column, value: input.value}
    : input.type === "daterange" ? {from: input.value[0], to: input.value[1]}
    : {value: input.value};
  return ["input", {name: cell.name, type: input.type, ...settings, collapsed}, ""];
}

function formatValue(value: string | number | boolean): string {
  if (typeof value !== "string") return String(value);
  return /^[A-Za-z0-9_.:\-/]+$/.test(value) && !/^(true|false|null|-?\d+(\.\d+)?)$/.test(value) ? value : JSON.stringify(value);
}

function longestBacktickRun(text: string): number {
  return Math.max(0, ...(text.match(/`+/g) ?? []).map((run) => run.length));
}

export function parseNotebook(text: string): Notebook {
  const lines = text.replace(/\r\n?/g, "\n").split("\n");
  let i = 0;
  let title = "Untitled notebook";
  if (lines[0]?.trim() === "---") {
    const end = lines.indexOf("---", 1);
    if (end < 0) throw new NotebookFileError(1, "the front matter opened with --- is never closed.");
    for (let j = 1; j < end; j++) {
      const match = /^(\w+):\s*(.*)$/.exec(lines[j]);
      if (!match) throw new NotebookFileError(j + 1, `expected "key: value" in the front matter, found "${lines[j]}".`);
      if (match[1] === "title") title = match[2].trim() || title;
      else if (match[1] === "notebook" && Number(match[2]) > FORMAT_VERSION) throw new NotebookFileError(j + 1, `this file is format ${match[2]}; this workbench reads format ${FORMAT_VERSION}.`);
    }
    i = end + 1;
  }
  const cells: Cell[] = [];
  for (; i < lines.length; i++) {
    if (lines[i].trim() === "") continue;
    const open = /^(`{3,})(\w+)(.*)$/.exec(lines[i]);
    if (!open) throw new NotebookFileError(i + 1, `expected a fenced cell (\`\`\`sql, \`\`\`md or \`\`\`input), found "${lines[i].slice(0, 60)}".`);
    const [, fence, kind, rest] = open;
    const start = i;
    const body: string[] = [];
    for (i++; i < lines.length && !(lines[i].startsWith(fence) && lines[i].slice(fence.length).trim() === "" && /^`*$/.test(lines[i].trim())); i++) body.push(lines[i]);
    if (i >= lines.length) throw new NotebookFileError(start + 1, `the ${kind} cell opened here is never closed with ${fence}.`);
    cells.push(toCell(kind, parseAttributes(rest, start + 1), body.join("\n"), start + 1));
  }
  return {title, cells};
}

function parseAttributes(text: string, line: number): Map<string, string | number | boolean | null> {
  const attributes = new Map<string, string | number | boolean | null>();
  const pattern = /\s*([A-Za-z_]\w*)=("(?:[^"\\]|\\.)*"|[^\s"]+)/y;
  let at = 0;
  while (at < text.length && text.slice(at).trim() !== "") {
    pattern.lastIndex = at;
    const match = pattern.exec(text);
    if (!match) throw new NotebookFileError(line, `cannot read the cell settings "${text.slice(at).trim()}": write key=value or key="value with spaces".`);
    const raw = match[2];
    attributes.set(match[1], raw.startsWith('"') ? JSON.parse(raw) : raw === "true" ? true : raw === "false" ? false : raw === "null" ? null : /^-?\d+(\.\d+)?$/.test(raw) ? Number(raw) : raw);
    at = pattern.lastIndex;
  }
  return attributes;
}

function toCell(kind: string, attributes: Map<string, string | number | boolean | null>, body: string, line: number): Cell {
  const text = (key: string) => {
    const value = attributes.get(key);
    if (value == null) return null;
    return String(value);
  };
  const required = (key: string) => text(key) ?? fail(`the ${kind} cell needs ${key}=…`);
  const fail = (message: string): never => {
    throw new NotebookFileError(line, message);
  };
  const collapsed = attributes.get("collapsed") === true ? {collapsed: true} : {};
  if (kind === "md") return {kind: "markdown", id: newCellId(), text: body, ...collapsed};
  if (kind === "sql") {
    const chart = text("chart") ?? "quick";
    let setting: ChartSetting;
    if (chart === "quick") setting = "quick";
    else if (chart === "none") setting = null;
    else if ((MARKS as readonly string[]).includes(chart)) setting = {mark: chart as Mark, x: required("x"), y: required("y"), color: text("color"), facet: text("facet")};
    else return fail(`chart=${chart} is not one of quick, none, ${MARKS.join(", ")}.`);
    return {kind: "sql", id: newCellId(), name: required("name"), sql: body, chart: setting, ...collapsed};
  }
  if (kind === "input") {
    const type = required("type");
    let input: InputSpec;
    if (type === "select") input = {type, table: required("table"), column: required("column"), value: text("value")};
    else if (type === "number") {
      const value = Number(attributes.get("value") ?? 0);
      if (!Number.isFinite(value)) fail(`value=${attributes.get("value")} is not a number.`);
      input = {type, value};
    } else if (type === "text") input = {type, value: text("value") ?? ""};
    else if (type === "daterange") input = {type, value: [required("from"), required("to")]};
    else return fail(`type=${type} is not one of select, number, text, daterange.`);
    return {kind: "input", id: newCellId(), name: required("name"), input, ...collapsed};
  }
  return fail(`"${kind}" is not a kind of cell: use sql, md or input.`);
}
