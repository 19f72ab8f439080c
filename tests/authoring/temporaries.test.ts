// Temporaries are removed only when the process that made them is gone: a killed run that its
// parent has not reaped yet (a zombie) still answers `kill(pid, 0)` but counts as gone.
import {spawn} from "node:child_process";
import {mkdirSync, mkdtempSync, rmSync, existsSync} from "node:fs";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {afterAll, describe, expect, it} from "vitest";
import {isRunning, removeTemporaries} from "../../scripts/freshness/temporaries.ts";

const root = mkdtempSync(join(tmpdir(), "temporaries-"));
afterAll(() => rmSync(root, {recursive: true, force: true}));

/** A shell whose background child exits at once and is never reaped (the shell execs into sleep). */
function zombieAndParent(): Promise<{zombie: number; parent: number; stop: () => void}> {
  const child = spawn("sh", ["-c", "sleep 0 & echo $!; exec sleep 30"], {stdio: ["ignore", "pipe", "ignore"]});
  return new Promise((resolve) => {
    child.stdout.once("data", (chunk) => resolve({zombie: Number(String(chunk).trim()), parent: child.pid!, stop: () => child.kill("SIGKILL")}));
  });
}

describe("isRunning", () => {
  it("is true for a live process and false for one that has exited but is not reaped", async () => {
    const {zombie, parent, stop} = await zombieAndParent();
    try {
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect(isRunning(parent)).toBe(true);
      expect(() => process.kill(zombie, 0)).not.toThrow();
      expect(isRunning(zombie)).toBe(false);
    } finally {
      stop();
    }
  });

  it("lets the next build remove the site folder of a killed, unreaped run", async () => {
    const {zombie, stop} = await zombieAndParent();
    try {
      await new Promise((resolve) => setTimeout(resolve, 300));
      mkdirSync(join(root, `dist.fresh-${zombie}`));
      expect(removeTemporaries(root)).toContain(`dist.fresh-${zombie}`);
      expect(existsSync(join(root, `dist.fresh-${zombie}`))).toBe(false);
    } finally {
      stop();
    }
  });
});
