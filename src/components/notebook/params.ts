// Parameters: an input cell's value goes into a SQL cell where it says `$name` (or, for a date
// range, `$name.start` and `$name.end`), written as an SQL literal: text in single quotes with
// quotes doubled, a number as digits, a date as DATE 'YYYY-MM-DD', nothing as NULL. The SQL
// that runs is exactly the text with those literals in place; the cell shows it on request.
import type {InputSettings} from "./format.js";
import {sqlTokens} from "./sqlTokens.js";

export class ParameterError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "ParameterError";
  }
}

export const sqlString = (text: string) => `'${text.replaceAll("'", "''")}'`;

function numberLiteral(value: number): string {
  if (!Number.isFinite(value)) throw new ParameterError(`${value} is not a number SQL can hold.`);
  return String(value);
}

/** The literal for one parameter reference. */
export function parameterLiteral(name: string, field: string | null, input: InputSettings): string {
  if (input.control === "daterange") {
    if (field !== "start" && field !== "end") throw new ParameterError(`$${name} is a date range: write $${name}.start or $${name}.end.`);
    const date = input[field];
    return date == null ? "NULL" : `DATE ${sqlString(date)}`;
  }
  if (field !== null) throw new ParameterError(`$${name}.${field}: only a date range has parts (.start and .end).`);
  const value = input.value;
  if (value == null) return "NULL";
  return typeof value === "number" ? numberLiteral(value) : sqlString(value);
}

/** The SQL with every `$name` replaced by its input's value; `inputs` maps names to settings. */
export function inlineParameters(sql: string, inputs: ReadonlyMap<string, InputSettings>): string {
  let out = "";
  let at = 0;
  for (const token of sqlTokens(sql)) {
    if (token.kind !== "parameter") continue;
    const input = inputs.get(token.text);
    if (!input) throw new ParameterError(`There is no input named ${token.text} for $${token.text}.`);
    out += sql.slice(at, token.start) + parameterLiteral(token.text, token.field, input);
    at = token.end;
  }
  return out + sql.slice(at);
}
