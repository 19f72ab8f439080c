// Serves the built site on 127.0.0.1 the way a static host would: clean URLs (/supply →
// supply.html), and Framework's content-hashed files (/_npm, /_file, /_import,
// /_observablehq) cached for a year while pages are revalidated.
import {createServer, type IncomingMessage, type Server, type ServerResponse} from "node:http";
import type {AddressInfo} from "node:net";
import sirv from "sirv";

/** sirv, set up like a static host, answering 404 for what dist/ does not have. */
export function staticHandler(dir: string): (req: IncomingMessage, res: ServerResponse) => void {
  const handler = sirv(dir, {
    extensions: ["html"],
    dev: false,
    etag: true,
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
