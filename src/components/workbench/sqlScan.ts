// Finds the names a SQL text mentions and the `$name` parameters it uses, skipping string
// literals and comments, so `'top_partners'` or `-- $country` never count as references.
export type Token =
  | {kind: "word"; text: string; start: number; end: number}
  | {kind: "quoted"; text: string; start: number; end: number}
  | {kind: "parameter"; text: string; start: number; end: number};

const WORD = /[A-Za-z_][A-Za-z0-9_]*/y;
const PARAMETER = /\$([A-Za-z_][A-Za-z0-9_]*)/y;

/** Words, "quoted identifiers" (unquoted, as DuckDB reads them) and `$parameters`, in order. */
export function scanSql(text: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < text.length) {
    const c = text[i];
    if (c === "'") i = skipQuoted(text, i, "'");
    else if (c === "-" && text[i + 1] === "-") i = lineEnd(text, i);
    else if (c === "/" && text[i + 1] === "*") i = blockEnd(text, i);
    else if (c === '"') {
      const end = skipQuoted(text, i, '"');
      tokens.push({kind: "quoted", text: text.slice(i + 1, end - 1).replaceAll('""', '"'), start: i, end});
      i = end;
    } else if (c === "$") {
      PARAMETER.lastIndex = i;
      const match = PARAMETER.exec(text);
      if (match) tokens.push({kind: "parameter", text: match[1], start: i, end: i + match[0].length});
      i += match ? match[0].length : 1;
    } else if (/[A-Za-z_]/.test(c)) {
      WORD.lastIndex = i;
      const match = WORD.exec(text)!;
      tokens.push({kind: "word", text: match[0], start: i, end: i + match[0].length});
      i += match[0].length;
    } else if (/[0-9]/.test(c)) {
      while (i < text.length && /[0-9A-Za-z_.]/.test(text[i])) i++;
    } else i++;
  }
  return tokens;
}

/** The lower-cased names (words and quoted identifiers) a SQL text mentions. */
export function mentionedNames(text: string): Set<string> {
  return new Set(scanSql(text).filter((t) => t.kind !== "parameter").map((t) => t.text.toLowerCase()));
}

/** The `$parameters` a SQL text uses, without the `$`, in order of first use. */
export function parameterNames(text: string): string[] {
  return [...new Set(scanSql(text).filter((t) => t.kind === "parameter").map((t) => t.text))];
}

function skipQuoted(text: string, start: number, quote: string): number {
  let i = start + 1;
  while (i < text.length) {
    if (text[i] === quote) {
      if (text[i + 1] === quote) i += 2;
      else return i + 1;
    } else i++;
  }
  return text.length;
}

function lineEnd(text: string, start: number): number {
  const end = text.indexOf("\n", start);
  return end < 0 ? text.length : end;
}

function blockEnd(text: string, start: number): number {
  const end = text.indexOf("*/", start + 2);
  return end < 0 ? text.length : end + 2;
}
