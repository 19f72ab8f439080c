// How a query cell reads as text, shared by the workbench's results and every CSV download:
// midnight-UTC dates as YYYY-MM-DD, numbers with every digit, anything else as JSON. Text that
// a spreadsheet would run as a formula is neutralised in every CSV the site writes.
/** A date at midnight UTC reads as YYYY-MM-DD; any other instant as full ISO 8601. */
export function formatDate(date: Date): string {
  if (Number.isNaN(date.getTime())) return "Invalid date";
  const iso = date.toISOString();
  return iso.endsWith("T00:00:00.000Z") ? iso.slice(0, 10) : iso;
}

/** The text written to a CSV cell: like the table, but numbers keep every digit. */
export function csvCell(value: unknown): string {
  if (value == null) return "";
  if (value instanceof Date) return formatDate(value);
  if (typeof value === "number" || typeof value === "bigint" || typeof value === "boolean") return String(value);
  if (typeof value === "string") return csvText(value);
  return csvText(stringify(value));
}

/**
 * Text as a CSV cell that a spreadsheet shows rather than runs: a cell starting with `=`, `+`,
 * `-`, `@`, a tab or a carriage return gets an apostrophe in front (OWASP's advice for CSV
 * injection). Numbers are written by csvCell as numbers and keep their minus sign.
 */
export function csvText(text: string): string {
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}

export function stringify(value: unknown): string {
  try {
    return JSON.stringify(value, (_, v) => (typeof v === "bigint" ? v.toString() : v)) ?? String(value);
  } catch {
    return String(value);
  }
}
