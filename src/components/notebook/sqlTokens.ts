// What a SQL cell refers to: the names of other cells (as tables) and parameters ($name).
// A small scanner, not a parser: it skips string literals, comments and dollar-quoted text,
// reads double-quoted identifiers as names, and ignores a name after a dot (a column of a
// table, `t.name`) or before a parenthesis (a function call, `name(…)`).

import {skipQuoted} from "../workbench/statements.js";

export interface SqlToken {
  kind: "name" | "parameter";
  /** A name as DuckDB resolves it: lower case, unless it was double-quoted. */
  text: string;
  /** For a parameter, what follows a dot (`$period.start` → "start"), or null. */
  field: string | null;
  start: number;
  end: number;
}

const NAME = /[A-Za-z_][A-Za-z0-9_]*/y;

export function sqlTokens(sql: string): SqlToken[] {
  const tokens: SqlToken[] = [];
  let i = 0;
  let previous = ""; // the last significant character before the current token
  while (i < sql.length) {
    const c = sql[i];
    if (c === "'") {
      i = skipQuoted(sql, i, "'");
      previous = "'";
    } else if (c === "-" && sql[i + 1] === "-") {
      const end = sql.indexOf("\n", i);
      i = end < 0 ? sql.length : end + 1;
    } else if (c === "/" && sql[i + 1] === "*") {
      const end = sql.indexOf("*/", i + 2);
      i = end < 0 ? sql.length : end + 2;
    } else if (c === "$" && sql[i + 1] === "$") {
      const end = sql.indexOf("$$", i + 2);
      i = end < 0 ? sql.length : end + 2;
      previous = "'";
    } else if (c === "$") {
      NAME.lastIndex = i + 1;
      const match = NAME.exec(sql);
      if (!match) {
        i++;
        continue;
      }
      let end = i + 1 + match[0].length;
      let field: string | null = null;
      if (sql[end] === ".") {
        NAME.lastIndex = end + 1;
        const sub = NAME.exec(sql);
        if (sub) (field = sub[0].toLowerCase()), (end += 1 + sub[0].length);
      }
      tokens.push({kind: "parameter", text: match[0].toLowerCase(), field, start: i, end});
      i = end;
      previous = "$";
    } else if (c === '"') {
      const end = skipQuoted(sql, i, '"');
      const text = sql.slice(i + 1, end - 1).replaceAll('""', '"');
      if (previous !== "." && nextSignificant(sql, end) !== "(") tokens.push({kind: "name", text, field: null, start: i, end});
      i = end;
      previous = '"';
    } else if (/[A-Za-z_]/.test(c)) {
      NAME.lastIndex = i;
      const word = NAME.exec(sql)![0];
      const end = i + word.length;
      if (previous !== "." && nextSignificant(sql, end) !== "(") tokens.push({kind: "name", text: word.toLowerCase(), field: null, start: i, end});
      i = end;
      previous = "a";
    } else if (/[0-9]/.test(c)) {
      while (i < sql.length && /[0-9A-Za-z_.]/.test(sql[i])) i++;
      previous = "0";
    } else {
      if (!/\s/.test(c)) previous = c;
      i++;
    }
  }
  return tokens;
}

function nextSignificant(text: string, from: number): string {
  const rest = /\S/.exec(text.slice(from, from + 200));
  return rest ? rest[0] : "";
}

/** The distinct names of cells (as tables) that the SQL mentions, among `known` (lower case). */
export function referencedNames(sql: string, known: ReadonlySet<string>): string[] {
  return [...new Set(sqlTokens(sql).filter((t) => t.kind === "name" && known.has(t.text)).map((t) => t.text))];
}

/** The distinct parameters the SQL uses ($name, $name.field), by name. */
export function referencedParameters(sql: string): string[] {
  return [...new Set(sqlTokens(sql).filter((t) => t.kind === "parameter").map((t) => t.text))];
}
