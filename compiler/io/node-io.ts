// The real file system behind the load stage's Io interfaces (tests may pass fakes).
import { readFile, readdir, stat } from "node:fs/promises";
import type { Io } from "../load/load.js";
import type { DiscoverIo } from "../load/discover.js";

export const nodeIo: Io & DiscoverIo = {
  readFile: (p) => readFile(p, "utf8"),
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
