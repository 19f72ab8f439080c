// Builds the site once — inside `unshare -n`, with no network interface at all, whenever
// this machine allows it (as root) — serves dist/ on 127.0.0.1 and hands the address to
// the browser tests. OBSERVATORY_REUSE_DIST=1 reuses an existing dist/ while iterating.
import {execFileSync, spawnSync} from "node:child_process";
import {existsSync} from "node:fs";
import {resolve} from "node:path";
import type {TestProject} from "vitest/node";
import {serveDirectory} from "../../scripts/site/serve.ts";

const root = resolve(import.meta.dirname, "..", "..");

export function canIsolateNetwork(): boolean {
  return spawnSync("unshare", ["-n", "true"], {stdio: "ignore"}).status === 0;
}

export default async function setup(project: TestProject) {
  const dist = resolve(root, "dist");
  let builtOffline = false;
  if (process.env.OBSERVATORY_REUSE_DIST !== "1" || !existsSync(resolve(dist, "index.html"))) {
    builtOffline = canIsolateNetwork();
    const [command, args] = builtOffline ? ["unshare", ["-n", "npm", "run", "build", "--silent"]] : ["npm", ["run", "build", "--silent"]];
    execFileSync(command, args, {cwd: root, stdio: ["ignore", "ignore", "inherit"]});
  }
  const {url, server} = await serveDirectory(dist);
  project.provide("siteUrl", url);
  project.provide("builtOffline", builtOffline);
  return () => new Promise<void>((done) => server.close(() => done()));
}

declare module "vitest" {
  export interface ProvidedContext {
    siteUrl: string;
    builtOffline: boolean;
  }
}
