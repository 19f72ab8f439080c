// A query, or a whole notebook, travels to the SQL workbench in the URL fragment: nothing
// reaches a server and the link works on any static host.
//   sql#q=SELECT%201   one query (the original format; links already published use it)
//   sql#nb=…           a notebook: its text file (notebookFile.ts), compressed by lz-string
import LZString from "lz-string";
import type {ChartEncoding, Notebook} from "./workbench/notebookModel.js";
import {singleQueryNotebook} from "./workbench/notebookModel.js";
import {parseNotebook, serializeNotebook} from "./workbench/notebookFile.js";

/** The workbench opened on `query`; with a chart encoding, a one-cell notebook that draws it. */
export function workbenchHref(query: string, base = "./sql", chart?: ChartEncoding): string {
  if (!chart) return `${base}#q=${encodeURIComponent(query.trim())}`;
  return `${base}${notebookHash(singleQueryNotebook(query, chart))}`;
}

export function notebookHash(notebook: Notebook): string {
  return `#nb=${LZString.compressToEncodedURIComponent(serializeNotebook(notebook))}`;
}

export function queryFromHash(hash: string): string | null {
  const params = new URLSearchParams(hash.replace(/^#/, ""));
  const query = params.get("q");
  return query && query.trim() ? query : null;
}

/** The notebook a fragment holds (`#nb=` or `#q=`), null when it holds none; throws on a damaged `#nb=`. */
export function notebookFromHash(hash: string): Notebook | null {
  const packed = /^#?nb=(.*)$/.exec(hash)?.[1];
  if (packed !== undefined) {
    // lz-string's URI alphabet contains no %, &, # or =, so the value needs no decoding.
    const text = LZString.decompressFromEncodedURIComponent(packed);
    if (!text) throw new Error("The notebook in this link is damaged (it does not decompress); the link may have been cut short.");
    return parseNotebook(text);
  }
  const query = queryFromHash(hash);
  return query ? singleQueryNotebook(query) : null;
}
