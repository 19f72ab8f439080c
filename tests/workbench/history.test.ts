import {describe, expect, it} from "vitest";
import {HISTORY_KEY, QueryHistory} from "../../src/components/workbench/history.ts";

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
