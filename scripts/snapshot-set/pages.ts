// Which pages ship first-state results: every src/<page>.md that reads
// FileAttachment("data/initial/<page>.json"). The snapshot-set step computes exactly those.
import {existsSync, readdirSync, readFileSync} from "node:fs";
import {join} from "node:path";

const READS_FIRST_STATE = /FileAttachment\(\s*["']\.?\/?data\/initial\/([A-Za-z0-9_-]+)\.json["']\s*\)/g;

/** The pages under `src` (without .md) whose first state is computed at build time, sorted. */
export function firstStatePages(src: string): string[] {
  if (!existsSync(src)) return [];
  const pages = new Set<string>();
  for (const name of readdirSync(src)) {
    if (!name.endsWith(".md")) continue;
    const page = name.slice(0, -3);
    for (const match of readFileSync(join(src, name), "utf8").matchAll(READS_FIRST_STATE)) if (match[1] === page) pages.add(page);
  }
  return [...pages].sort();
}
