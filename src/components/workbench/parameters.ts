// `$name` in a SQL cell becomes the input's value as an escaped SQL literal (`lit`), so a
// value typed into an input can never become SQL. Strings and comments are left alone.
import {lit} from "../query.js";
import {scanSql} from "./sqlScan.js";

export class UnknownParameter extends Error {
  constructor(readonly names: string[]) {
    super(`No input is named ${names.map((n) => `$${n}`).join(", ")}. Add an input cell with that name, or remove the reference.`);
    this.name = "UnknownParameter";
  }
}

export function inlineParameters(sql: string, values: ReadonlyMap<string, unknown>): string {
  const parameters = scanSql(sql).filter((t) => t.kind === "parameter");
  const unknown = [...new Set(parameters.filter((t) => !values.has(t.text)).map((t) => t.text))];
  if (unknown.length) throw new UnknownParameter(unknown);
  let out = "";
  let at = 0;
  for (const token of parameters) {
    out += sql.slice(at, token.start) + lit(values.get(token.text));
    at = token.end;
  }
  return out + sql.slice(at);
}
