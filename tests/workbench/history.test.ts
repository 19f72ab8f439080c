import {describe, expect, it} from "vitest";
import {HISTORY_KEY, HISTORY_LIMIT, QueryHistory, historyNote, parseHistory} from "../../src/components/workbench/history.ts";

function memoryStore() {
  const items = new Map<string, string>();
  return {
    items,
    getItem: (key: string) => items.get(key) ?? null,
    setItem: (key: string, value: string) => void items.set(key, value),
    removeItem: (key: string) => void items.delete(key)
  };
}

const entry = (query: string, rows: number | null = 1) => ({query, ranAt: "2025-01-01T00:00:00.000Z", rows, error: rows == null ? "Parser Error" : null});

describe("QueryHistory", () => {
  it("lists queries newest first and survives a new instance (a reload)", () => {
    const store = memoryStore();
    new QueryHistory(store).add(entry("SELECT 1"));
    new QueryHistory(store).add(entry("SELECT 2", null));
    expect(new QueryHistory(store).entries().map((e) => e.query)).toEqual(["SELECT 2", "SELECT 1"]);
  });

  it("moves a repeated query to the top instead of listing it twice", () => {
    const history = new QueryHistory(memoryStore());
    history.add(entry("SELECT 1"));
    history.add(entry("SELECT 2"));
    history.add(entry("SELECT 1"));
    expect(history.entries().map((e) => e.query)).toEqual(["SELECT 1", "SELECT 2"]);
  });

  it("keeps at most the limit", () => {
    const history = new QueryHistory(memoryStore(), 3);
    for (let i = 0; i < 5; i++) history.add(entry(`SELECT ${i}`));
    expect(history.entries().map((e) => e.query)).toEqual(["SELECT 4", "SELECT 3", "SELECT 2"]);
  });

  it("ignores damaged storage and works without storage at all", () => {
    const store = memoryStore();
    store.setItem(HISTORY_KEY, "{not json");
    expect(new QueryHistory(store).entries()).toEqual([]);
    store.setItem(HISTORY_KEY, JSON.stringify([{query: 1}, entry("SELECT 1")]));
    expect(new QueryHistory(store).entries()).toHaveLength(1);
    const none = new QueryHistory(null);
    none.add(entry("SELECT 1"));
    expect(none.entries()).toEqual([]);
  });

  it("forgets everything when cleared", () => {
    const history = new QueryHistory(memoryStore());
    history.add(entry("SELECT 1"));
    history.clear();
    expect(history.entries()).toEqual([]);
  });
});

describe("stored history is untrusted input", () => {
  it("drops entries that do not match the schema, counts them, and keeps the good ones", () => {
    const store = memoryStore();
    store.setItem(
      HISTORY_KEY,
      JSON.stringify([
        {query: "SELECT 1", ranAt: "x", rows: {toLocaleString: 1}, error: null},
        {query: "SELECT 2", ranAt: "2025-01-01T00:00:00.000Z", rows: -1, error: null},
        {query: "SELECT 3", ranAt: "2025-01-01T00:00:00.000Z", rows: 1, error: {}},
        null,
        "SELECT 4",
        entry("SELECT 5")
      ])
    );
    const loaded = new QueryHistory(store).load();
    expect(loaded.entries.map((e) => e.query)).toEqual(["SELECT 5"]);
    expect(loaded.dropped).toBe(5);
    expect(historyNote(loaded)).toBe("Stored history: 5 damaged entries were dropped.");
  });

  it("caps the list when it is read, not only when it is written", () => {
    const store = memoryStore();
    store.setItem(HISTORY_KEY, JSON.stringify(Array.from({length: 30_000}, (_, i) => entry(`SELECT ${i}`))));
    const loaded = new QueryHistory(store).load();
    expect(loaded.entries).toHaveLength(HISTORY_LIMIT);
    expect(loaded.overCap).toBe(30_000 - HISTORY_LIMIT);
    expect(historyNote(loaded)).toMatch(/29,950 older entries were left out/);
  });

  it("treats a value that is not a list as one damaged entry and storage that throws as empty", () => {
    expect(parseHistory('{"query":"SELECT 1"}')).toEqual({entries: [], dropped: 1, overCap: 0});
    const throwing = {getItem: () => { throw new Error("blocked"); }, setItem: () => {}, removeItem: () => { throw new Error("blocked"); }};
    const history = new QueryHistory(throwing);
    expect(history.entries()).toEqual([]);
    expect(() => history.clear()).not.toThrow();
    expect(historyNote({dropped: 0, overCap: 0})).toBeNull();
  });
});
