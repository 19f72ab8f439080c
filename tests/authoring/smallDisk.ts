// A small disk for the fault tests: a tmpfs mounted on a fresh folder (needs root, which CI
// has), which a test fills to within a few KiB and frees again.
import {execFileSync} from "node:child_process";
import {mkdtempSync, rmSync, statfsSync, writeFileSync} from "node:fs";
import {tmpdir} from "node:os";
import {join} from "node:path";

export interface SmallDisk {
  dir: string;
  /** Fills the disk until at most `leaveBytes` are free. */
  fill: (leaveBytes?: number) => void;
  /** Removes the filler. */
  free: () => void;
  freeBytes: () => number;
  unmount: () => void;
}

export function mountSmallDisk(megabytes: number): SmallDisk {
  const dir = mkdtempSync(join(tmpdir(), "observatory-disk-"));
  try {
    execFileSync("mount", ["-t", "tmpfs", "-o", `size=${megabytes}m`, "tmpfs", dir], {stdio: "pipe"});
  } catch (error) {
    rmSync(dir, {recursive: true, force: true});
    throw new Error(`the fault tests mount a ${megabytes} MB tmpfs and must run as root (as CI does): ${(error as Error).message}`);
  }
  const filler = join(dir, "filler");
  const freeBytes = () => {
    const stats = statfsSync(dir);
    return stats.bavail * stats.bsize;
  };
  return {
    dir,
    freeBytes,
    fill(leaveBytes = 4096) {
      writeFileSync(filler, Buffer.alloc(Math.max(0, freeBytes() - leaveBytes)));
    },
    free: () => rmSync(filler, {force: true}),
    unmount() {
      execFileSync("umount", ["-l", dir], {stdio: "pipe"});
      rmSync(dir, {recursive: true, force: true});
    }
  };
}
