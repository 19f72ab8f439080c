// A small status line, bottom right, while the page's DuckDB-WASM starts: what it is doing
// and for how long, then "ready" (or the error). Pages that never need the database never
// show it.
import {databaseStatus, type DatabaseState} from "./dbStatus.js";

let element: HTMLElement | undefined;

const TEXT: Record<DatabaseState, string> = {
  idle: "",
  starting: "Starting the in-browser database (DuckDB-WASM) to run this query",
  ready: "In-browser database ready",
  failed: "The in-browser database could not start"
};

export function showDatabaseProgress(): void {
  if (element || typeof document === "undefined") return;
  element = document.createElement("div");
  element.className = "observatory-db-status";
  element.setAttribute("role", "status");
  element.setAttribute("aria-live", "polite");
  Object.assign(element.style, {
    position: "fixed", right: "1rem", bottom: "1rem", zIndex: "10", maxWidth: "28rem",
    padding: "0.5rem 0.75rem", borderRadius: "6px", font: "13px var(--sans-serif, system-ui)",
    background: "var(--theme-background-alt)", color: "var(--theme-foreground)",
    border: "1px solid var(--theme-foreground-faintest)", boxShadow: "0 2px 8px rgba(0,0,0,0.15)"
  });
  document.body.append(element);
  const started = performance.now();
  const render = () => {
    const state = databaseStatus.state;
    const seconds = ((databaseStatus.readyAt ?? performance.now()) - (databaseStatus.startedAt ?? started)) / 1000;
    const detail = state === "failed" ? `: ${databaseStatus.message ?? "unknown error"}` : ` · ${seconds.toFixed(1)} s`;
    element!.dataset.state = state;
    element!.textContent = `${TEXT[state] || TEXT.starting}${detail}`;
  };
  render();
  const timer = setInterval(render, 100);
  databaseStatus.subscribe((state) => {
    render();
    if (state === "ready") {
      clearInterval(timer);
      setTimeout(() => element && (element.style.display = "none"), 2500);
    } else if (state === "failed") {
      clearInterval(timer);
    }
  });
}
