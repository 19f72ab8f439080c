// Serves the built site on 127.0.0.1 the way a static host would: clean URLs (/supply →
// supply.html), and Framework's content-hashed files (/_npm, /_file, /_import,
// /_observablehq) cached for a year while pages are revalidated.
import {createServer, type IncomingMessage, type Server, type ServerResponse} from "node:http";
import type {AddressInfo} from "node:net";
import {cp, mkdtemp, readdir, readFile, rm, writeFile} from "node:fs/promises";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {gzipSync} from "node:zlib";
import sirv from "sirv";

/**
 * sirv, set up like a static host, answering 404 for what dist/ does not have. With `gzip`,
 * a file's `.gz` sibling is sent (Content-Encoding: gzip) to a browser that accepts it.
 */
export function staticHandler(dir: string, {gzip = false} = {}): (req: IncomingMessage, res: ServerResponse) => void {
  const handler = sirv(dir, {
    extensions: ["html"],
    dev: false,
    etag: true,
    gzip,
    setHeaders: (res, pathname) => {
      res.setHeader("Cache-Control", pathname.startsWith("/_") ? "public, max-age=31536000, immutable" : "no-cache");
    }
  });
  return (req, res) =>
    handler(req, res, () => {
      res.statusCode = 404;
      res.end("not found");
    });
}

export async function serveDirectory(dir: string, port = 0): Promise<{url: string; server: Server}> {
  const server = createServer(staticHandler(dir));
  await new Promise<void>((resolve) => server.listen(port, "127.0.0.1", resolve));
  const {port: bound} = server.address() as AddressInfo;
  return {url: `http://127.0.0.1:${bound}`, server};
}

/** Text files a static host compresses on the way out (not the .wasm.gz the site ships compressed, nor Parquet). */
const COMPRESSED = /\.(html|js|css|json|svg|txt|map)$/;

/**
 * Serves a copy of `dir` the way a compressing static host does: every text file gzipped
 * (level 6, the common default), the rest as it is. For the benchmark's emulated network.
 */
export async function serveDirectoryCompressed(dir: string): Promise<{url: string; server: Server; close: () => Promise<void>}> {
  const copy = await mkdtemp(join(tmpdir(), "observatory-gzip-"));
  await cp(dir, copy, {recursive: true});
  for (const entry of await readdir(copy, {recursive: true, withFileTypes: true})) {
    if (!entry.isFile() || !COMPRESSED.test(entry.name)) continue;
    const path = join(entry.parentPath, entry.name);
    await writeFile(`${path}.gz`, gzipSync(await readFile(path), {level: 6}));
  }
  const server = createServer(staticHandler(copy, {gzip: true}));
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const {port} = server.address() as AddressInfo;
  const close = async () => {
    await new Promise<void>((resolve) => server.close(() => resolve()));
    await rm(copy, {recursive: true, force: true});
  };
  return {url: `http://127.0.0.1:${port}`, server, close};
}
