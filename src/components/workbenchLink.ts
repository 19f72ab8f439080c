// A query travels to the SQL workbench in the URL fragment: nothing reaches a server, and
// the link works on any static host. `sql#q=SELECT%201` opens the workbench and runs it.
export function workbenchHref(query: string, base = "./sql"): string {
  return `${base}#q=${encodeURIComponent(query.trim())}`;
}

export function queryFromHash(hash: string): string | null {
  const params = new URLSearchParams(hash.replace(/^#/, ""));
  const query = params.get("q");
  return query && query.trim() ? query : null;
}
