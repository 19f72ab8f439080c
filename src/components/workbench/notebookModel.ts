// A notebook: an ordered list of cells. SQL cells have a name later cells can query;
// input cells have a name SQL cells use as `$name`; Markdown cells are notes.
export type Mark = "line" | "bar" | "dot" | "area";
export const MARKS: readonly Mark[] = ["line", "bar", "dot", "area"];

/** A chart drawn from a cell's result: "quick" picks one, null draws none, or an encoding. */
export type ChartSetting = "quick" | null | ChartEncoding;

export interface ChartEncoding {
  mark: Mark;
  x: string;
  y: string;
  color?: string | null;
  facet?: string | null;
}

export interface SqlCell {
  kind: "sql";
  id: string;
  name: string;
  sql: string;
  chart: ChartSetting;
  collapsed?: boolean;
}

export interface MarkdownCell {
  kind: "markdown";
  id: string;
  text: string;
  collapsed?: boolean;
}

export type InputSpec =
  /** A drop-down of the distinct values of `table`.`column`. */
  | {type: "select"; table: string; column: string; value: string | null}
  | {type: "number"; value: number}
  | {type: "text"; value: string}
  /** Two dates (YYYY-MM-DD); SQL uses `$name_from` and `$name_to`. */
  | {type: "daterange"; value: [string, string]};

export type InputCell = {kind: "input"; id: string; name: string; collapsed?: boolean} & {input: InputSpec};

export type Cell = SqlCell | MarkdownCell | InputCell;

export interface Notebook {
  title: string;
  cells: Cell[];
}

export const NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

let counter = 0;
/** An id for a cell's elements; never saved, so files stay diffable. */
export function newCellId(): string {
  return `cell-${++counter}`;
}

/** The first free default name: `cell_1`, `cell_2`, … for SQL; `param_1`, … for inputs. */
export function defaultName(cells: readonly Cell[], kind: "sql" | "input"): string {
  const taken = new Set(cells.map((c) => ("name" in c ? c.name.toLowerCase() : "")));
  const stem = kind === "sql" ? "cell" : "param";
  for (let n = 1; ; n++) if (!taken.has(`${stem}_${n}`)) return `${stem}_${n}`;
}

export function sqlCell(cells: readonly Cell[], sql = "", {name, chart = "quick"}: {name?: string; chart?: ChartSetting} = {}): SqlCell {
  return {kind: "sql", id: newCellId(), name: name ?? defaultName(cells, "sql"), sql, chart};
}

export function markdownCell(text = ""): MarkdownCell {
  return {kind: "markdown", id: newCellId(), text};
}

export function inputCell(cells: readonly Cell[], input: InputSpec, name?: string): InputCell {
  return {kind: "input", id: newCellId(), name: name ?? defaultName(cells, "input"), input};
}

/** A notebook of one SQL cell: what an old `#q=` link or a figure's query opens as. */
export function singleQueryNotebook(sql: string, chart: ChartSetting = "quick"): Notebook {
  return {title: "Untitled notebook", cells: [sqlCell([], sql.trim(), {name: "cell_1", chart})]};
}

/** The values SQL cells may use as `$name`, from the input cells. */
export function parameterValues(cells: readonly Cell[]): Map<string, unknown> {
  const values = new Map<string, unknown>();
  for (const cell of cells) {
    if (cell.kind !== "input") continue;
    if (cell.input.type === "daterange") {
      values.set(`${cell.name}_from`, toDate(cell.input.value[0]));
      values.set(`${cell.name}_to`, toDate(cell.input.value[1]));
    } else values.set(cell.name, cell.input.value);
  }
  return values;
}

/** The parameter names an input cell provides. */
export function providedParameters(cell: InputCell): string[] {
  return cell.input.type === "daterange" ? [`${cell.name}_from`, `${cell.name}_to`] : [cell.name];
}

function toDate(text: string): Date | null {
  return /^\d{4}-\d{2}-\d{2}$/.test(text) ? new Date(`${text}T00:00:00Z`) : null;
}

/** Moves the cell at `from` by `by` places (−1 up, +1 down), within bounds. */
export function moveCell<T>(cells: readonly T[], from: number, by: number): T[] {
  const to = Math.max(0, Math.min(cells.length - 1, from + by));
  const next = [...cells];
  const [cell] = next.splice(from, 1);
  next.splice(to, 0, cell);
  return next;
}
