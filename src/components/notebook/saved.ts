// Notebooks kept in the browser (localStorage): each under an id of its own, with its title and
// the time it was last saved, as its file text. What storage holds is untrusted (another tab,
// an old version, a hand edit): every entry is parsed as a notebook file when the list is read,
// and an entry that does not parse is left out and counted, so the workbench always opens.
import {z} from "npm:zod";
import {notebookFromText, notebookToText, type Notebook} from "./format.js";

export const SAVED_KEY = "observatory:notebooks";
export const SAVED_LIMIT = 50;

type Store = Pick<Storage, "getItem" | "setItem">;

const Entry = z.object({id: z.string().regex(/^[a-z0-9-]{1,40}$/), title: z.string().max(200), savedAt: z.string().max(40), text: z.string()});

export interface SavedNotebook {
  id: string;
  title: string;
  savedAt: string;
  notebook: Notebook;
}

export interface LoadedNotebooks {
  entries: SavedNotebook[];
  /** Entries that were not valid notebooks (or the whole value, when it was not a list). */
  dropped: number;
}

export function parseSaved(text: string | null): LoadedNotebooks {
  if (text == null) return {entries: [], dropped: 0};
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return {entries: [], dropped: 1};
  }
  if (!Array.isArray(value)) return {entries: [], dropped: 1};
  const entries: SavedNotebook[] = [];
  let dropped = 0;
  for (const item of value) {
    const entry = Entry.safeParse(item);
    if (!entry.success || Number.isNaN(Date.parse(entry.data.savedAt))) {
      dropped++;
      continue;
    }
    try {
      entries.push({id: entry.data.id, title: entry.data.title, savedAt: entry.data.savedAt, notebook: notebookFromText(entry.data.text)});
    } catch {
      dropped++;
    }
  }
  return {entries: entries.sort((a, b) => b.savedAt.localeCompare(a.savedAt)), dropped};
}

export function newNotebookId(): string {
  return `nb-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`;
}

export class SavedNotebooks {
  constructor(private readonly store: Store | null) {}

  load(): LoadedNotebooks {
    try {
      return parseSaved(this.store?.getItem(SAVED_KEY) ?? null);
    } catch {
      return {entries: [], dropped: 0};
    }
  }

  /** Saves (or replaces) the notebook under `id`; the oldest past the limit go. Returns false when storage refused. */
  save(id: string, notebook: Notebook, savedAt = new Date().toISOString()): boolean {
    const others = this.load().entries.filter((e) => e.id !== id);
    const entries = [{id, title: notebook.title, savedAt, notebook}, ...others].slice(0, SAVED_LIMIT);
    return this.#write(entries);
  }

  remove(id: string): boolean {
    return this.#write(this.load().entries.filter((e) => e.id !== id));
  }

  #write(entries: SavedNotebook[]): boolean {
    try {
      this.store?.setItem(SAVED_KEY, JSON.stringify(entries.map(({id, title, savedAt, notebook}) => ({id, title, savedAt, text: notebookToText(notebook)}))));
      return true;
    } catch {
      return false; // storage full or switched off: the notebook is still in the address and can be downloaded
    }
  }
}
