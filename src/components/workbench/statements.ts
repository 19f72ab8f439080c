// Small pure helpers about SQL text and names; no DOM and no database, so unit tests cover them.

/**
 * Splits a script into statements at semicolons that are not inside quotes or comments.
 * DuckDB's pending (cancellable) queries take one statement at a time.
 */
export function splitStatements(text: string): string[] {
  const statements: string[] = [];
  let start = 0;
  let i = 0;
  while (i < text.length) {
    const c = text[i];
    if (c === "'" || c === '"') {
      i = skipQuoted(text, i, c);
    } else if (c === "-" && text[i + 1] === "-") {
      const end = text.indexOf("\n", i);
      i = end < 0 ? text.length : end + 1;
    } else if (c === "/" && text[i + 1] === "*") {
      const end = text.indexOf("*/", i + 2);
      i = end < 0 ? text.length : end + 2;
    } else if (c === ";") {
      statements.push(text.slice(start, i));
      start = ++i;
    } else {
      i++;
    }
  }
  statements.push(text.slice(start));
  return statements.filter((statement) => !isBlank(statement)).map((statement) => statement.trim());
}

/** The index just past the quoted text that opens at `open` (a doubled quote is an escaped quote). */
export function skipQuoted(text: string, open: number, quote: string): number {
  let i = open + 1;
  while (i < text.length) {
    if (text[i] === quote) {
      if (text[i + 1] === quote) i += 2; // a doubled quote is an escaped quote
      else return i + 1;
    } else i++;
  }
  return text.length;
}

/** True when the text holds nothing but whitespace and comments. */
export function isBlank(text: string): boolean {
  return text.replace(/--[^\n]*/g, "").replace(/\/\*[\s\S]*?(\*\/|$)/g, "").trim() === "";
}

/** A DuckDB identifier, double-quoted only when it has to be. */
export function quoteIdentifier(name: string): string {
  return /^[a-z_][a-z0-9_]*$/.test(name) && !RESERVED.has(name) ? name : `"${name.replaceAll('"', '""')}"`;
}

export function quoteString(text: string): string {
  return `'${text.replaceAll("'", "''")}'`;
}

// The reserved words a reader's column names are most likely to collide with.
const RESERVED = new Set(["select", "from", "where", "group", "order", "by", "limit", "table", "to", "as", "on", "and", "or", "not", "in", "is", "null", "case", "when", "then", "else", "end", "join", "union", "all", "distinct", "having", "desc", "asc", "default", "check", "primary", "references", "user", "using", "window", "with", "offset", "grant", "create", "column", "constraint", "analyse", "analyze", "array", "both", "cast", "collate", "current_date", "deferrable", "do", "except", "false", "true", "fetch", "for", "foreign", "initially", "intersect", "into", "lateral", "leading", "only", "placing", "returning", "some", "symmetric", "trailing", "unique", "variadic"]);

/**
 * A table name made from a file name: lower case, letters, digits and underscores, never
 * starting with a digit, and never one of `taken` (the observatory's own tables).
 */
export function tableNameForFile(fileName: string, taken: Iterable<string> = []): string {
  const stem = fileName.replace(/^.*[\\/]/, "").replace(/\.[^.]*$/, "");
  let name = stem
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9_]+/g, "_")
    .replace(/_+/g, "_")
    .replace(/^_|_$/g, "");
  if (!name) name = "my_file";
  if (/^[0-9]/.test(name)) name = `t_${name}`;
  if (RESERVED.has(name)) name = `${name}_file`;
  const names = new Set(taken);
  if (names.has(name)) name = `${name}_file`;
  for (let n = 2; names.has(name); n++) name = `${name.replace(/_\d+$/, "")}_${n}`;
  return name;
}
