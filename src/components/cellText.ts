// How a query cell reads as text, shared by the workbench's results and every CSV download:
// midnight-UTC dates as YYYY-MM-DD, numbers with every digit, anything else as JSON.
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
  if (typeof value === "string") return value;
  return stringify(value);
}

export function stringify(value: unknown): string {
  try {
    return JSON.stringify(value, (_, v) => (typeof v === "bigint" ? v.toString() : v)) ?? String(value);
  } catch {
    return String(value);
  }
}
