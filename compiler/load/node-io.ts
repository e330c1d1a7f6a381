// The real file system behind the load stage's Io interfaces (tests may pass fakes).
import { constants } from "node:fs";
import { open, readdir, realpath, stat } from "node:fs/promises";
import type { DiscoverIo } from "./discover.js";
import { FileTooLargeError, NotRegularFileError, fileKind } from "./io-errors.js";
import type { Io } from "./load.js";

export const nodeIo: Io & DiscoverIo = {
  readFile: readRegularFile,
  realpath: (p) => realpath(p),
  async stat(p) {
    try {
      const s = await stat(p);
      return { isDirectory: s.isDirectory(), isFile: s.isFile() };
    } catch {
      return undefined;
    }
  },
  async readDir(p) {
    const entries = await readdir(p, { withFileTypes: true });
    return entries.map((e) => ({ name: e.name, isDirectory: e.isDirectory(), isFile: e.isFile() }));
  },
};

/**
 * Reads a regular file of at most maxBytes. The kind and size are checked with stat before
 * opening (opening a named pipe blocks until a writer comes; /dev/zero never ends), and again on
 * the open handle, because the path may change in between; O_NONBLOCK makes that open return at
 * once even if it is a pipe by then. The read itself stops one byte past the limit.
 */
export async function readRegularFile(p: string, maxBytes = Number.MAX_SAFE_INTEGER): Promise<Uint8Array> {
  const before = await stat(p);
  if (!before.isFile()) throw new NotRegularFileError(fileKind(before));
  if (before.size > maxBytes) throw new FileTooLargeError(before.size, maxBytes);
  const handle = await open(p, constants.O_RDONLY | constants.O_NONBLOCK);
  try {
    const s = await handle.stat();
    if (!s.isFile()) throw new NotRegularFileError(fileKind(s));
    if (s.size > maxBytes) throw new FileTooLargeError(s.size, maxBytes);
    // one byte more than allowed: a file that grew past the limit since stat is caught too
    const buffer = Buffer.allocUnsafe(Math.min(maxBytes, s.size + 64 * 1024) + 1);
    let length = 0;
    while (length < buffer.length) {
      const { bytesRead } = await handle.read(buffer, length, buffer.length - length, length);
      if (bytesRead === 0) break;
      length += bytesRead;
    }
    if (length > maxBytes) throw new FileTooLargeError(length, maxBytes);
    return buffer.subarray(0, length);
  } finally {
    await handle.close();
  }
}
