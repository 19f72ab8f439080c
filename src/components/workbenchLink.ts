// A query travels to the SQL workbench in the URL fragment: nothing reaches a server, and
// the link works on any static host. `sql#q=SELECT%201` opens the workbench and runs it. A
// figure's link also carries how the figure draws its rows (`chart`, the mark and the columns
// for x, y and colour), the figure's title and a cell name, so the workbench opens a notebook
// whose first cell is the figure's query drawn the figure's way. The workbench validates what
// the link holds (notebook/format.ts); this module stays small, for every theme page loads it.

/** How a figure draws its rows, in the workbench notebook's terms (notebook/format.ts ChartSettings). */
export interface FigureEncoding {
  mark: "line" | "bar" | "dot" | "area";
  x: string;
  y: string;
  color?: string | null;
  facet?: string | null;
}

export interface FigureLink {
  title?: string;
  /** The cell's name: the figure's id as an SQL name. */
  name?: string;
  chart?: FigureEncoding;
}

export function workbenchHref(query: string, base = "./sql", figure: FigureLink = {}): string {
  const params = [`q=${encodeURIComponent(query.trim())}`];
  if (figure.name) params.push(`name=${encodeURIComponent(figure.name)}`);
  if (figure.title) params.push(`title=${encodeURIComponent(figure.title)}`);
  if (figure.chart) params.push(`chart=${encodeURIComponent(JSON.stringify({color: null, facet: null, ...figure.chart}))}`);
  return `${base}#${params.join("&")}`;
}

export function queryFromHash(hash: string): string | null {
  const params = new URLSearchParams(hash.replace(/^#/, ""));
  const query = params.get("q");
  return query && query.trim() ? query : null;
}

/** A figure id as a cell name: `mine-production` → `mine_production`. */
export function cellNameFor(id: string): string {
  const name = id.toLowerCase().replace(/[^a-z0-9_]+/g, "_").replace(/^([0-9])/, "_$1").slice(0, 63);
  return name || "figure";
}
