// The queries the reader ran, newest first, kept in localStorage so a reload keeps them.
// What storage holds is untrusted input (another script, an old version, a hand edit): it is
// parsed entry by entry against the schema below, bad entries are dropped and counted, and
// the list is capped when it is read, so the workbench always renders.
export interface HistoryEntry {
  query: string;
  /** ISO time the query was run. */
  ranAt: string;
  /** Rows returned, or null when it failed. */
  rows: number | null;
  error: string | null;
}

export interface LoadedHistory {
  entries: HistoryEntry[];
  /** Entries in storage that did not match the schema (or the whole value, when it was not a list). */
  dropped: number;
  /** Valid entries past the cap, left out. */
  overCap: number;
}

type Store = Pick<Storage, "getItem" | "setItem" | "removeItem">;

export const HISTORY_KEY = "observatory:sql-history";
export const HISTORY_LIMIT = 50;
/** A stored query longer than this is dropped: the editor would hold it, the list should not. */
export const MAX_STORED_QUERY = 100_000;
const MAX_STORED_ERROR = 2_000;

/** The entry, if `value` is one: exactly these four fields with these types (extra fields are ignored). */
export function parseEntry(value: unknown): HistoryEntry | null {
  if (typeof value !== "object" || value === null || Array.isArray(value)) return null;
  const {query, ranAt, rows, error} = value as Record<string, unknown>;
  if (typeof query !== "string" || query.length === 0 || query.length > MAX_STORED_QUERY) return null;
  if (typeof ranAt !== "string" || ranAt.length > 40 || Number.isNaN(Date.parse(ranAt))) return null;
  if (rows !== null && !(typeof rows === "number" && Number.isSafeInteger(rows) && rows >= 0)) return null;
  if (error !== null && typeof error !== "string") return null;
  return {query, ranAt, rows, error: error === null ? null : error.slice(0, MAX_STORED_ERROR)};
}

export function parseHistory(text: string | null, limit = HISTORY_LIMIT): LoadedHistory {
  if (text == null) return {entries: [], dropped: 0, overCap: 0};
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return {entries: [], dropped: 1, overCap: 0};
  }
  if (!Array.isArray(parsed)) return {entries: [], dropped: 1, overCap: 0};
  const entries: HistoryEntry[] = [];
  let dropped = 0;
  let overCap = 0;
  for (const value of parsed) {
    const entry = parseEntry(value);
    if (!entry) dropped++;
    else if (entries.length < limit) entries.push(entry);
    else overCap++;
  }
  return {entries, dropped, overCap};
}

/** A sentence for the reader when loading left something out; null when nothing was. */
export function historyNote({dropped, overCap}: Pick<LoadedHistory, "dropped" | "overCap">): string | null {
  const parts: string[] = [];
  if (dropped > 0) parts.push(`${dropped.toLocaleString("en-US")} damaged ${dropped === 1 ? "entry was" : "entries were"} dropped`);
  if (overCap > 0) parts.push(`${overCap.toLocaleString("en-US")} older ${overCap === 1 ? "entry was" : "entries were"} left out (the history keeps ${HISTORY_LIMIT})`);
  return parts.length ? `Stored history: ${parts.join("; ")}.` : null;
}

export class QueryHistory {
  constructor(
    private readonly store: Store | null,
    private readonly limit = HISTORY_LIMIT,
    private readonly key = HISTORY_KEY
  ) {}

  /** The stored entries that pass the schema, capped, with what was left out. */
  load(): LoadedHistory {
    let text: string | null = null;
    try {
      text = this.store?.getItem(this.key) ?? null;
    } catch {
      // Storage blocked (privacy settings): no history, and no error.
    }
    return parseHistory(text, this.limit);
  }

  entries(): HistoryEntry[] {
    return this.load().entries;
  }

  /** Records a run; running the same query again moves it to the top instead of repeating it. */
  add(entry: HistoryEntry): HistoryEntry[] {
    const valid = parseEntry(entry);
    const entries = [...(valid ? [valid] : []), ...this.entries().filter((e) => e.query !== entry.query)].slice(0, this.limit);
    try {
      this.store?.setItem(this.key, JSON.stringify(entries));
    } catch {
      // Storage full or blocked: the history is a convenience, the query has already run.
    }
    return entries;
  }

  clear(): void {
    try {
      this.store?.removeItem(this.key);
    } catch {
      // blocked storage: nothing to clear
    }
  }
}
