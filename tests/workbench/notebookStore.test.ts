import {describe, expect, it} from "vitest";
import {serializeNotebook} from "../../src/components/workbench/notebookFile.ts";
import {singleQueryNotebook} from "../../src/components/workbench/notebookModel.ts";
import {NOTEBOOKS_KEY, NotebookStore} from "../../src/components/workbench/notebookStore.ts";

function memory(initial: Record<string, string> = {}) {
  const data = new Map(Object.entries(initial));
  return {getItem: (k: string) => data.get(k) ?? null, setItem: (k: string, v: string) => void data.set(k, v), data};
}

describe("NotebookStore", () => {
  it("saves a notebook and loads it back, newest first", () => {
    const store = new NotebookStore(memory());
    store.save("a", {...singleQueryNotebook("SELECT 1"), title: "First"}, new Date("2026-01-01T00:00:00Z"));
    store.save("b", {...singleQueryNotebook("SELECT 2"), title: "Second"}, new Date("2026-01-02T00:00:00Z"));
    const {notebooks, dropped} = store.load();
    expect(notebooks.map((n) => n.title)).toEqual(["Second", "First"]);
    expect(notebooks[1].notebook.cells[0]).toMatchObject({kind: "sql", sql: "SELECT 1"});
    expect(dropped).toEqual([]);
  });

  it("replaces a notebook saved under the same key and deletes by key", () => {
    const store = new NotebookStore(memory());
    store.save("a", singleQueryNotebook("SELECT 1"));
    store.save("a", singleQueryNotebook("SELECT 2"));
    expect(store.load().notebooks).toHaveLength(1);
    store.remove("a");
    expect(store.load().notebooks).toHaveLength(0);
  });

  it("drops a damaged entry with a note and keeps the good ones", () => {
    const good = {key: "g", title: "Good", savedAt: "2026-01-01T00:00:00.000Z", text: serializeNotebook(singleQueryNotebook("SELECT 1"))};
    const badShape = {key: "x", title: 3};
    const badText = {key: "y", title: "Broken", savedAt: "2026-01-01T00:00:00.000Z", text: "```sql\nSELECT 1\n```\n"};
    const {notebooks, dropped} = new NotebookStore(memory({[NOTEBOOKS_KEY]: JSON.stringify([good, badShape, badText])})).load();
    expect(notebooks.map((n) => n.key)).toEqual(["g"]);
    expect(dropped).toHaveLength(2);
    expect(dropped[1]).toMatch(/"Broken" could not be read \(line 1: the sql cell needs name=/);
  });

  it("sets aside storage that is not JSON", () => {
    const {notebooks, dropped} = new NotebookStore(memory({[NOTEBOOKS_KEY]: "{"})).load();
    expect(notebooks).toEqual([]);
    expect(dropped[0]).toMatch(/not JSON/);
  });
});
