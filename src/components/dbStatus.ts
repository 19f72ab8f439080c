// Where the page's DuckDB is in its start-up, for a badge a reader can see. Kept apart from
// db.ts so that showing the badge does not load DuckDB.
export type DatabaseState = "idle" | "starting" | "ready" | "failed";

type Listener = (state: DatabaseState, detail: {elapsedMs: number; message?: string}) => void;

class DatabaseStatus {
  state: DatabaseState = "idle";
  message?: string;
  startedAt?: number;
  readyAt?: number;
  private listeners = new Set<Listener>();

  set(state: DatabaseState, message?: string): void {
    const now = performance.now();
    if (state === "starting") this.startedAt = now;
    if (state === "ready") this.readyAt = now;
    this.state = state;
    this.message = message;
    const elapsedMs = this.startedAt === undefined ? 0 : now - this.startedAt;
    for (const listener of this.listeners) listener(state, {elapsedMs, message});
  }

  subscribe(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}

export const databaseStatus = new DatabaseStatus();
