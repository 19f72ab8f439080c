// A notebook: its cells, their names, parameters and chart settings. It travels as a text file
// (documented in docs/sql.md, one cell after another, easy to diff), compressed into the URL
// fragment (`#nb=…`), and in the browser's storage. Whatever it comes from is untrusted: it
// is parsed line by line and every cell is validated (zod) before the notebook is built.
import {Inflate, deflateSync, strFromU8, strToU8} from "npm:fflate";
import {z} from "npm:zod";

// zod compiles fast parsers with `new Function`, which the site's Content-Security-Policy forbids.
z.config({jitless: true});

export const FORMAT_VERSION = 1;
export const FILE_HEADER = `-- Rare Earth Observatory notebook, format ${FORMAT_VERSION}`;
/** A cell name is an SQL identifier a later cell can select from without quotes. */
export const NAME_PATTERN = /^[a-z_][a-z0-9_]{0,62}$/;
/** The most a notebook's text may hold (a fragment or a file larger than this is refused). */
export const MAX_NOTEBOOK_CHARS = 1_000_000;

export const MARKS = ["auto", "none", "line", "bar", "dot", "area"] as const;
export type Mark = (typeof MARKS)[number];

const column = z.string().min(1).max(200).nullable().default(null);
export const ChartSettings = z.strictObject({
  mark: z.enum(MARKS).default("auto"),
  x: column,
  y: column,
  color: column,
  facet: column
});
export type ChartSettings = z.infer<typeof ChartSettings>;
export const AUTO_CHART: ChartSettings = {mark: "auto", x: null, y: null, color: null, facet: null};

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "a date as YYYY-MM-DD");
export const InputSettings = z.discriminatedUnion("control", [
  z.strictObject({
    control: z.literal("select"),
    /** Where the choices come from: the distinct values of a column of a table (or of a cell). */
    table: z.string().regex(NAME_PATTERN, "a table name"),
    column: z.string().min(1).max(200),
    value: z.union([z.string().max(10_000), z.number(), z.null()]).default(null)
  }),
  z.strictObject({control: z.literal("number"), value: z.number().nullable().default(null)}),
  z.strictObject({control: z.literal("text"), value: z.string().max(10_000).default("")}),
  z.strictObject({control: z.literal("daterange"), start: isoDate.nullable().default(null), end: isoDate.nullable().default(null)})
]);
export type InputSettings = z.infer<typeof InputSettings>;

const name = z.string().regex(NAME_PATTERN, "a name of lower-case letters, digits and _, starting with a letter or _ (at most 63 characters)");
const text = z.string().max(MAX_NOTEBOOK_CHARS);
export const Cell = z.discriminatedUnion("kind", [
  z.strictObject({kind: z.literal("sql"), name, text, collapsed: z.boolean().default(false), chart: ChartSettings.default(AUTO_CHART)}),
  z.strictObject({kind: z.literal("markdown"), text, collapsed: z.boolean().default(false)}),
  z.strictObject({kind: z.literal("input"), name, collapsed: z.boolean().default(false), input: InputSettings})
]);
export type Cell = z.infer<typeof Cell>;
export type SqlCell = Extract<Cell, {kind: "sql"}>;
export type InputCell = Extract<Cell, {kind: "input"}>;

export const Notebook = z.strictObject({title: z.string().max(200).default("Untitled notebook"), cells: z.array(Cell).max(200)});
export type Notebook = z.infer<typeof Notebook>;

/** A notebook file or fragment that could not be read: `line` is 1-based, where known. */
export class NotebookError extends Error {
  constructor(message: string, readonly line?: number) {
    super(line ? `Line ${line}: ${message}` : message);
    this.name = "NotebookError";
  }
}

// ---- the text file

const HEADER_LINE = /^-- %% (markdown|sql|input)(?: ([^\s{]+))?(?: (\{.*\}))?\s*$/;
const TITLE_LINE = /^-- title: (.*)$/;

/** The notebook as its file: a header, then each cell as a `-- %% kind name {options}` line and its text. */
export function notebookToText(notebook: Notebook): string {
  const lines = [FILE_HEADER, `-- title: ${oneLine(notebook.title)}`];
  for (const cell of notebook.cells) {
    lines.push("");
    const options: Record<string, unknown> = {};
    if (cell.collapsed) options.collapsed = true;
    if (cell.kind === "sql" && !sameChart(cell.chart, AUTO_CHART)) options.chart = compactChart(cell.chart);
    if (cell.kind === "input") Object.assign(options, cell.input);
    const json = Object.keys(options).length ? ` ${JSON.stringify(options)}` : "";
    lines.push(`-- %% ${cell.kind}${cell.kind === "markdown" ? "" : ` ${cell.name}`}${json}`);
    if (cell.kind === "markdown") lines.push(...cell.text.split("\n").map((line) => (line ? `-- ${line}` : "--")));
    // A line of SQL that looks like a cell header is written with a space before it (SQL ignores it).
    if (cell.kind === "sql") lines.push(...trimEnd(cell.text).split("\n").map((line) => (line.startsWith("-- %%") ? ` ${line}` : line)));
  }
  return lines.join("\n") + "\n";
}

export function notebookFromText(source: string): Notebook {
  if (source.length > MAX_NOTEBOOK_CHARS) throw new NotebookError(`The notebook is larger than ${MAX_NOTEBOOK_CHARS.toLocaleString("en-US")} characters.`);
  const lines = source.replace(/^\uFEFF/, "").split(/\r?\n/);
  const version = /^-- Rare Earth Observatory notebook, format (\d+)\s*$/.exec(lines[0] ?? "");
  if (!version) throw new NotebookError(`This is not a notebook: the first line should be "${FILE_HEADER}".`, 1);
  if (Number(version[1]) !== FORMAT_VERSION) throw new NotebookError(`This notebook is in format ${version[1]}; this site reads format ${FORMAT_VERSION}.`, 1);
  let title = "Untitled notebook";
  const cells: Cell[] = [];
  let current: {kind: string; name?: string; options: Record<string, unknown>; line: number; body: string[]} | null = null;
  const finish = () => {
    if (!current) return;
    const {kind, name, options, line, body} = current;
    const bodyText = kind === "markdown" ? markdownBody(body, line) : trimEnd(body.join("\n"));
    const {collapsed, chart, ...rest} = options;
    const candidate = kind === "markdown" ? {kind, text: bodyText, collapsed, ...rest} : kind === "sql" ? {kind, name, text: bodyText, collapsed, chart, ...rest} : {kind, name, collapsed, input: rest};
    if (kind === "input" && bodyText.trim()) throw new NotebookError("An input cell has no text: its settings are on its header line.", line);
    const parsed = Cell.safeParse(candidate);
    if (!parsed.success) throw new NotebookError(`The ${kind} cell${name ? ` ${name}` : ""} is not valid: ${describeIssues(parsed.error)}`, line);
    cells.push(parsed.data);
  };
  for (let i = 1; i < lines.length; i++) {
    const line = lines[i];
    const header = HEADER_LINE.exec(line);
    if (header) {
      finish();
      let options: unknown = {};
      if (header[3]) {
        try {
          options = JSON.parse(header[3]);
        } catch {
          throw new NotebookError("The cell's settings after its name are not valid JSON.", i + 1);
        }
      }
      if (typeof options !== "object" || options === null || Array.isArray(options)) throw new NotebookError("The cell's settings must be a JSON object.", i + 1);
      if (header[1] !== "markdown" && !header[2]) throw new NotebookError(`A ${header[1]} cell needs a name after "-- %% ${header[1]}".`, i + 1);
      if (header[1] === "markdown" && header[2]) throw new NotebookError("A markdown cell has no name.", i + 1);
      current = {kind: header[1], name: header[2], options: options as Record<string, unknown>, line: i + 1, body: []};
    } else if (current) {
      current.body.push(line);
    } else {
      const titled = TITLE_LINE.exec(line);
      if (titled) title = titled[1].trim() || title;
      else if (line.trim() && !line.startsWith("--")) throw new NotebookError("Text before the first cell: start a cell with a line such as \"-- %% sql my_query\".", i + 1);
    }
  }
  finish();
  const notebook = Notebook.safeParse({title, cells});
  if (!notebook.success) throw new NotebookError(`The notebook is not valid: ${describeIssues(notebook.error)}`);
  return notebook.data;
}

function markdownBody(body: string[], headerLine: number): string {
  const kept = trimEndLines(body);
  return kept
    .map((line, i) => {
      if (line === "" || line === "--") return "";
      if (line.startsWith("-- ")) return line.slice(3);
      throw new NotebookError('Each line of a markdown cell starts with "-- " (it is a comment to SQL).', headerLine + 1 + i);
    })
    .join("\n");
}

function trimEndLines(lines: string[]): string[] {
  let end = lines.length;
  while (end > 0 && (lines[end - 1].trim() === "" || lines[end - 1].trim() === "--")) end--;
  return lines.slice(0, end);
}

const trimEnd = (text: string) => text.replace(/\s+$/, "");
const oneLine = (text: string) => text.replace(/\s+/g, " ").trim();

function describeIssues(error: z.ZodError): string {
  return error.issues
    .slice(0, 3)
    .map((issue) => `${issue.path.length ? issue.path.join(".") + ": " : ""}${issue.message}`)
    .join("; ");
}

export function sameChart(a: ChartSettings, b: ChartSettings): boolean {
  return a.mark === b.mark && a.x === b.x && a.y === b.y && a.color === b.color && a.facet === b.facet;
}

function compactChart(chart: ChartSettings): Partial<ChartSettings> {
  return Object.fromEntries(Object.entries(chart).filter(([key, value]) => value !== null && !(key === "mark" && value === "auto")));
}

// ---- the URL fragment

/** The notebook's text, deflated and base64url-encoded, for `#nb=`. */
export function notebookToFragment(notebook: Notebook): string {
  const bytes = deflateSync(strToU8(notebookToText(notebook)), {level: 9});
  let binary = "";
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary).replaceAll("+", "-").replaceAll("/", "_").replace(/=+$/, "");
}

export function notebookFromFragment(encoded: string): Notebook {
  let bytes: Uint8Array;
  try {
    const binary = atob(encoded.replaceAll("-", "+").replaceAll("_", "/"));
    bytes = Uint8Array.from(binary, (c) => c.charCodeAt(0));
  } catch {
    throw new NotebookError("The notebook in the link is damaged (it is not base64url).");
  }
  // Inflated piece by piece, so a crafted link cannot make the tab unpack gigabytes.
  const chunks: Uint8Array[] = [];
  let size = 0;
  const inflate = new Inflate((chunk) => {
    size += chunk.length;
    if (size > MAX_NOTEBOOK_CHARS * 4) throw new NotebookError("The notebook in the link is too large.");
    chunks.push(chunk);
  });
  try {
    inflate.push(bytes, true);
  } catch (error) {
    if (error instanceof NotebookError) throw error;
    throw new NotebookError("The notebook in the link is damaged (it does not decompress).");
  }
  const all = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) all.set(chunk, offset), (offset += chunk.length);
  return notebookFromText(strFromU8(all));
}

/** The notebook a hash holds: `#nb=` (a whole notebook), `#q=` (one SQL cell), or null. */
export function notebookFromHash(hash: string): Notebook | null {
  const params = new URLSearchParams(hash.replace(/^#/, ""));
  const nb = params.get("nb");
  if (nb) return notebookFromFragment(nb);
  const q = params.get("q");
  if (!q || !q.trim()) return null;
  // A figure's link (workbenchLink.ts) adds its chart, its title and a name for the cell.
  const cell: SqlCell = {kind: "sql", name: FIRST_CELL_NAME, text: q, collapsed: false, chart: AUTO_CHART};
  const name = params.get("name");
  if (name && NAME_PATTERN.test(name)) cell.name = name;
  const chart = params.get("chart");
  if (chart) {
    let value: unknown;
    try {
      value = JSON.parse(chart);
    } catch {
      throw new NotebookError("The chart in the link is not valid JSON.");
    }
    const parsed = ChartSettings.safeParse(value);
    if (!parsed.success) throw new NotebookError(`The chart in the link is not valid: ${describeIssues(parsed.error)}`);
    cell.chart = parsed.data;
  }
  const title = params.get("title")?.replace(/\s+/g, " ").trim().slice(0, 200);
  return {title: title || "Untitled notebook", cells: [cell]};
}

export const FIRST_CELL_NAME = "query_1";

export function singleQuery(text: string, chart: ChartSettings = AUTO_CHART, title = "Untitled notebook"): Notebook {
  return {title, cells: [{kind: "sql", name: FIRST_CELL_NAME, text, collapsed: false, chart}]};
}

/** The hash for a notebook: a lone query with default settings keeps the short `#q=` form. */
export function hashFor(notebook: Notebook): string {
  const [only] = notebook.cells;
  if (notebook.cells.length === 1 && only.kind === "sql" && only.name === FIRST_CELL_NAME && sameChart(only.chart, AUTO_CHART) && !only.collapsed && notebook.title === "Untitled notebook")
    return `#q=${encodeURIComponent(only.text.trim())}`;
  return `#nb=${notebookToFragment(notebook)}`;
}
