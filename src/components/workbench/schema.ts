// Reads the live schema (whatever tables exist right now, ours and the reader's) and draws
// the schema browser. Clicking a table or column name inserts it into the editor.
import type {AsyncDuckDBConnection} from "@duckdb/duckdb-wasm";
import {tableToRows} from "../arrowRows.js";
import {h, replace} from "./dom.js";
import {quoteIdentifier, quoteString} from "./statements.js";

export interface TableSchema {
  name: string;
  kind: "table" | "view";
  rowCount: number | null;
  description: string;
  columns: {name: string; type: string}[];
}

export interface SchemaOptions {
  /** One-line descriptions of the observatory's tables. */
  descriptions: Record<string, string>;
  /** Tables the reader loaded from their own files. */
  userTables: ReadonlySet<string>;
}

export async function loadSchema(connection: AsyncDuckDBConnection, {descriptions, userTables}: SchemaOptions): Promise<TableSchema[]> {
  const rows = async (text: string) => tableToRows(await connection.query(text));
  const relations = await rows(`
    SELECT table_name AS name, 'table' AS kind FROM duckdb_tables() WHERE NOT internal AND database_name = current_database()
    UNION ALL
    SELECT view_name, 'view' FROM duckdb_views() WHERE NOT internal AND database_name = current_database()
    ORDER BY name`);
  if (relations.length === 0) return [];
  const columns = await rows(`
    SELECT table_name, column_name, data_type FROM duckdb_columns()
    WHERE NOT internal AND database_name = current_database() ORDER BY table_name, column_index`);
  const tables = relations.filter((r) => r.kind === "table").map((r) => String(r.name));
  // Exact counts are cheap for in-memory tables; views are left uncounted, they could be expensive.
  const counts = tables.length
    ? await rows(tables.map((name) => `SELECT ${quoteString(name)} AS name, count(*) AS n FROM ${quoteIdentifier(name)}`).join(" UNION ALL "))
    : [];
  const countOf = new Map(counts.map((r) => [String(r.name), Number(r.n)]));
  return relations.map(({name, kind}) => {
    const table = String(name);
    return {
      name: table,
      kind: kind as TableSchema["kind"],
      rowCount: countOf.get(table) ?? null,
      description: descriptions[table] ?? (userTables.has(table) ? "Your file, loaded in this browser only." : kind === "view" ? "A view you created in this session." : "A table you created in this session."),
      columns: columns.filter((c) => c.table_name === table).map((c) => ({name: String(c.column_name), type: String(c.data_type)}))
    };
  });
}

/** The shape CodeMirror's SQL completion wants: table name → column names. */
export function completionSchema(tables: readonly TableSchema[]): Record<string, string[]> {
  return Object.fromEntries(tables.map((t) => [t.name, t.columns.map((c) => c.name)]));
}

export function renderSchema(container: Element, tables: readonly TableSchema[], onInsert: (text: string) => void): void {
  if (tables.length === 0) {
    replace(container, h("p", {class: "wb-muted"}, "No tables yet."));
    return;
  }
  const insertButton = (label: string, text: string, className: string, title: string) =>
    h("button", {type: "button", class: `wb-name ${className}`, title, onclick: () => onInsert(text)}, label);
  replace(
    container,
    ...tables.map((table) =>
      h(
        "div",
        {class: "wb-table", "data-table": table.name},
        h(
          "div",
          {class: "wb-table-head"},
          insertButton(table.name, quoteIdentifier(table.name), "wb-table-name", `Insert ${table.name} into the query`),
          h("span", {class: "wb-muted wb-count"}, table.rowCount == null ? table.kind : `${table.rowCount.toLocaleString("en-US")} ${table.rowCount === 1 ? "row" : "rows"}`)
        ),
        h("p", {class: "wb-description"}, table.description),
        h(
          "details",
          {class: "wb-columns"},
          h("summary", {}, `${table.columns.length} ${table.columns.length === 1 ? "column" : "columns"}`),
          h(
            "ul",
            {},
            ...table.columns.map((column) =>
              h("li", {}, insertButton(column.name, quoteIdentifier(column.name), "wb-column-name", `Insert ${column.name}`), " ", h("code", {class: "wb-type"}, column.type))
            )
          )
        )
      )
    )
  );
}
