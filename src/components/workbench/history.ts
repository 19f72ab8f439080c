// The queries the reader ran, newest first, kept in localStorage so a reload keeps them.
export interface HistoryEntry {
  query: string;
  /** ISO time the query was run. */
  ranAt: string;
  /** Rows returned, or null when it failed. */
  rows: number | null;
  error: string | null;
}

type Store = Pick<Storage, "getItem" | "setItem" | "removeItem">;

export const HISTORY_KEY = "observatory:sql-history";

export class QueryHistory {
  constructor(
    private readonly store: Store | null,
    private readonly limit = 50,
    private readonly key = HISTORY_KEY
  ) {}

  entries(): HistoryEntry[] {
    try {
      const parsed = JSON.parse(this.store?.getItem(this.key) ?? "[]");
      return Array.isArray(parsed) ? parsed.filter(isEntry) : [];
    } catch {
      return []; // a damaged entry in storage must not break the workbench
    }
  }

  /** Records a run; running the same query again moves it to the top instead of repeating it. */
  add(entry: HistoryEntry): HistoryEntry[] {
    const entries = [entry, ...this.entries().filter((e) => e.query !== entry.query)].slice(0, this.limit);
    try {
      this.store?.setItem(this.key, JSON.stringify(entries));
    } catch {
      // Storage full or blocked: the history is a convenience, the query has already run.
    }
    return entries;
  }

  clear(): void {
    this.store?.removeItem(this.key);
  }
}

function isEntry(value: unknown): value is HistoryEntry {
  return typeof value === "object" && value !== null && typeof (value as HistoryEntry).query === "string" && typeof (value as HistoryEntry).ranAt === "string";
}
