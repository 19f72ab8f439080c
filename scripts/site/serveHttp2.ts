// The built site over HTTP/2 with TLS, as production static hosts serve it: many small
// modules share one connection instead of queueing for HTTP/1.1's six. The certificate is
// self-signed for 127.0.0.1 and made at start-up (the benchmark's Chromium is told to accept it).
import {createSecureServer, type Http2SecureServer} from "node:http2";
import type {AddressInfo} from "node:net";
import selfsigned from "selfsigned";
import {staticHandler} from "./serve.ts";

export async function serveDirectoryHttp2(dir: string): Promise<{url: string; server: Http2SecureServer}> {
  const pems = await selfsigned.generate([{name: "commonName", value: "127.0.0.1"}], {keySize: 2048});
  const handler = staticHandler(dir);
  const server = createSecureServer({key: pems.private, cert: pems.cert, allowHTTP1: true}, (req, res) => handler(req as never, res as never));
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const {port} = server.address() as AddressInfo;
  return {url: `https://127.0.0.1:${port}`, server};
}
