// npm run serve — serves the built dist/ on 127.0.0.1 (PORT, default 3000) as a static host would.
import {existsSync} from "node:fs";
import {resolve} from "node:path";
import {serveDirectory} from "./serve.ts";

const dist = resolve(import.meta.dirname, "..", "..", "dist");
if (!existsSync(resolve(dist, "index.html"))) {
  console.error("serve: there is no dist/index.html; run npm run build first");
  process.exit(1);
}
const {url} = await serveDirectory(dist, Number(process.env.PORT ?? 3000));
console.log(`serving ${dist} at ${url}`);
