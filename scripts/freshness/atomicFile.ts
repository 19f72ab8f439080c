// Writing a file so that readers only ever see the old bytes or all of the new ones: write a
// temporary file next to it, flush it to disk, rename it into place. A write error (a full
// disk) removes the temporary and throws; the old file stays as it was.
import {closeSync, fsyncSync, mkdirSync, openSync, renameSync, rmSync, writeSync} from "node:fs";
import {dirname} from "node:path";

export function writeAtomically(path: string, data: string | Uint8Array): void {
  mkdirSync(dirname(path), {recursive: true});
  const temp = `${path}.fresh-${process.pid}`;
  const bytes = typeof data === "string" ? Buffer.from(data) : data;
  try {
    const fd = openSync(temp, "w");
    try {
      for (let offset = 0; offset < bytes.byteLength; ) offset += writeSync(fd, bytes, offset, bytes.byteLength - offset);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    renameSync(temp, path);
  } catch (error) {
    rmSync(temp, {force: true});
    throw error;
  }
}
