// Saved notebooks in localStorage, each stored as its text file (notebookFile.ts), so what
// is saved is exactly what a download holds. Every entry is checked on load: an entry that
// fails is dropped, and the reader is told which.
import {z} from "zod";
import {parseNotebook, serializeNotebook} from "./notebookFile.js";
import type {Notebook} from "./notebookModel.js";

export const NOTEBOOKS_KEY = "observatory:sql-notebooks";

const Entry = z.object({key: z.string().min(1), title: z.string(), savedAt: z.iso.datetime(), text: z.string().max(2_000_000)});
export type SavedEntry = z.infer<typeof Entry>;
export interface SavedNotebook extends SavedEntry {
  notebook: Notebook;
}

type Store = Pick<Storage, "getItem" | "setItem">;

export interface LoadedNotebooks {
  notebooks: SavedNotebook[];
  /** One sentence per entry that was dropped. */
  dropped: string[];
}

export class NotebookStore {
  constructor(
    private readonly store: Store | null,
    private readonly key = NOTEBOOKS_KEY
  ) {}

  load(): LoadedNotebooks {
    const dropped: string[] = [];
    let raw: unknown = [];
    try {
      raw = JSON.parse(this.store?.getItem(this.key) ?? "[]");
    } catch {
      return {notebooks: [], dropped: ["The saved notebooks could not be read (not JSON) and were set aside."]};
    }
    if (!Array.isArray(raw)) return {notebooks: [], dropped: ["The saved notebooks were not a list and were set aside."]};
    const notebooks: SavedNotebook[] = [];
    raw.forEach((value, i) => {
      const entry = Entry.safeParse(value);
      if (!entry.success) return dropped.push(`Saved notebook ${i + 1} was damaged (${entry.error.issues[0]?.path.join(".") || "shape"}) and was dropped.`);
      try {
        notebooks.push({...entry.data, notebook: parseNotebook(entry.data.text)});
      } catch (error) {
        dropped.push(`Saved notebook "${entry.data.title}" could not be read (${error instanceof Error ? error.message : error}) and was dropped.`);
      }
    });
    return {notebooks, dropped};
  }

  /** Saves (or replaces) the notebook under `key`; false when storage refused it. */
  save(key: string, notebook: Notebook, savedAt = new Date()): boolean {
    const entries = this.load().notebooks.filter((n) => n.key !== key).map(({notebook: _, ...entry}) => entry);
    const entry: SavedEntry = {key, title: notebook.title, savedAt: savedAt.toISOString(), text: serializeNotebook(notebook)};
    return this.#write([entry, ...entries]);
  }

  remove(key: string): boolean {
    return this.#write(this.load().notebooks.filter((n) => n.key !== key).map(({notebook: _, ...entry}) => entry));
  }

  #write(entries: SavedEntry[]): boolean {
    try {
      this.store?.setItem(this.key, JSON.stringify(entries));
      return true;
    } catch {
      return false; // storage full or blocked: the notebook is still in the URL
    }
  }
}
