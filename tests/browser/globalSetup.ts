// Builds the site once (unless OBSERVATORY_REUSE_DIST=1 and dist/ exists), serves dist/ on
// 127.0.0.1 and hands the address to the browser tests.
import {execFileSync} from "node:child_process";
import {existsSync} from "node:fs";
import {resolve} from "node:path";
import type {TestProject} from "vitest/node";
import {serveDirectory} from "./server.ts";

const root = resolve(import.meta.dirname, "..", "..");

export default async function setup(project: TestProject) {
  const dist = resolve(root, "dist");
  if (process.env.OBSERVATORY_REUSE_DIST !== "1" || !existsSync(resolve(dist, "index.html"))) {
    execFileSync("npm", ["run", "build", "--silent"], {cwd: root, stdio: ["ignore", "ignore", "inherit"]});
  }
  const {url, server} = await serveDirectory(dist);
  project.provide("siteUrl", url);
  return () => new Promise<void>((done) => server.close(() => done()));
}

declare module "vitest" {
  export interface ProvidedContext {
    siteUrl: string;
  }
}
