// Editing a source record in a project copy as a person would: find a figure with a plain
// number as its value and rewrite that one field on its line.
import {readdirSync, readFileSync, writeFileSync} from "node:fs";
import {join} from "node:path";
import {parse} from "csv-parse/sync";

export const OBSERVATIONS = "data-loaders/sources/observations";

/** A figure as recorded: the first row of the first observations file with a plain number as its value. */
export interface Figure {
  file: string;
  line: number;
  rowId: string;
  value: string;
}

export function findFigure(dir: string): Figure {
  for (const name of readdirSync(join(dir, OBSERVATIONS)).filter((n) => n.endsWith(".csv")).sort()) {
    const file = `${OBSERVATIONS}/${name}`;
    const rows = parse(readFileSync(join(dir, file), "utf8"), {info: true, bom: true, relax_column_count: true}) as unknown as {record: string[]; info: {lines: number}}[];
    const [valueAt, idAt] = ["value", "row_id"].map((column) => rows[0].record.indexOf(column));
    for (const {record, info} of rows.slice(1)) {
      if (record[idAt] && /^\d+(\.\d+)?$/.test(record[valueAt])) return {file, line: info.lines, rowId: record[idAt], value: record[valueAt]};
    }
  }
  throw new Error(`no observation with a plain numeric value under ${OBSERVATIONS}`);
}

/** Rewrites the figure's value in its CSV line, as a person would in an editor. */
export function setValue(dir: string, figure: Figure, value: string): void {
  const path = join(dir, figure.file);
  const lines = readFileSync(path, "utf8").split("\n");
  const [header] = parse(lines[0], {bom: true}) as string[][];
  const [fields] = parse(lines[figure.line - 1]) as string[][];
  fields[header.indexOf("value")] = value;
  lines[figure.line - 1] = fields.map((f) => (/[",\r\n]/.test(f) ? `"${f.replaceAll('"', '""')}"` : f)).join(",");
  writeFileSync(path, lines.join("\n"));
}

/**
 * A page that shows the figure the way the pages do: a static ```sql block answered from the
 * precomputed results, which the snapshot-set step makes for every page that reads them.
 */
export function addProbePage(dir: string, figure: Figure): void {
  writeFileSync(
    join(dir, "src/authoring-probe.md"),
    [
      "# Authoring probe",
      "",
      "```js",
      'import {pageQueries} from "./components/liveQuery.js";',
      'const q = pageQueries(await FileAttachment("data/initial/authoring-probe.json").json());',
      "const sql = q.sql;",
      "```",
      "",
      "```sql id=probe",
      `SELECT value FROM observations WHERE row_id = '${figure.rowId}'`,
      "```",
      "",
      '<p id="probe">${probe[0]?.value}</p>',
      ""
    ].join("\n")
  );
}
