// An Io held entirely in memory: tests, editors and other hosts without a file system (or that
// must not touch it) run the whole pipeline on it. Nothing here reaches the disk or spawns a
// process; a path that was never written is missing (ENOENT), like on a fresh disk. Folders
// exist implicitly above every file and explicitly after mkdir.
import path from "node:path";
import { FileTooLargeError, NotRegularFileError } from "./input-errors.js";
import { type DirEntryInfo, type FileInfo, type Io, type SpawnOptions, type SpawnResult, ioError } from "./io.js";

export interface MemoryIoOptions {
  /** Absolute path → contents (text, or bytes for binary files such as policy.wasm). */
  files?: Readonly<Record<string, string | Uint8Array>>;
  /** Runs a "process" (e.g. a fake opa); default: every command is missing (ENOENT). */
  spawn?: (command: string, args: readonly string[], options: SpawnOptions) => SpawnResult;
  /** The host name out/'s lock records (default "memory"). */
  hostname?: string;
  /** Which process ids are alive (default: only this process). */
  processAlive?: (pid: number) => boolean;
}

export interface MemoryIo extends Io {
  /** Every file, absolute path → contents, sorted by path. */
  snapshot(): Map<string, string | Uint8Array>;
}

const encoder = new TextEncoder();
const decoder = new TextDecoder("utf-8", { fatal: false });

export function createMemoryIo(options: MemoryIoOptions = {}): MemoryIo {
  const files = new Map<string, string | Uint8Array>();
  const dirs = new Set<string>();
  const executables = new Set<string>();
  let temp = 0;
  const norm = (p: string) => path.resolve(p);
  const addParents = (p: string) => {
    for (let d = path.dirname(p); !dirs.has(d); d = path.dirname(d)) {
      dirs.add(d);
      if (d === path.dirname(d)) break;
    }
  };
  for (const [p, contents] of Object.entries(options.files ?? {})) {
    files.set(norm(p), contents);
    addParents(norm(p));
  }
  const missing = (p: string) => ioError("ENOENT", `no such file or directory, ${p}`);
  const infoOf = (p: string): FileInfo | undefined => {
    const key = norm(p);
    if (files.has(key)) return { isFile: true, isDirectory: false, isExecutable: executables.has(key) };
    if (dirs.has(key)) return { isFile: false, isDirectory: true };
    return undefined;
  };
  const text = (p: string): string => {
    const v = files.get(norm(p));
    if (v === undefined) throw dirs.has(norm(p)) ? ioError("EISDIR", `illegal operation on a directory, read ${p}`) : missing(p);
    return typeof v === "string" ? v : decoder.decode(v);
  };
  const bytes = (p: string): Uint8Array => {
    const v = files.get(norm(p));
    if (v === undefined) throw missing(p);
    return typeof v === "string" ? encoder.encode(v) : new Uint8Array(v);
  };
  const list = (p: string): DirEntryInfo[] => {
    const key = norm(p);
    if (!dirs.has(key)) throw files.has(key) ? ioError("ENOTDIR", `not a directory, scandir ${p}`) : missing(p);
    const out = new Map<string, DirEntryInfo>();
    for (const f of files.keys()) if (path.dirname(f) === key) out.set(path.basename(f), { name: path.basename(f), isFile: true, isDirectory: false });
    for (const d of dirs) if (d !== key && path.dirname(d) === key) out.set(path.basename(d), { name: path.basename(d), isFile: false, isDirectory: true });
    return [...out.values()].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  };
  const under = (root: string, p: string) => p === root || p.startsWith(root.endsWith(path.sep) ? root : root + path.sep);
  const removeTree = (p: string) => {
    const key = norm(p);
    for (const f of [...files.keys()]) if (under(key, f)) (files.delete(f), executables.delete(f));
    for (const d of [...dirs]) if (under(key, d)) dirs.delete(d);
  };
  const io: MemoryIo = {
    readFile: async (p) => text(p),
    async readInput(p, maxBytes) {
      if (dirs.has(norm(p))) throw new NotRegularFileError("directory");
      const b = bytes(p);
      if (b.length > maxBytes) throw new FileTooLargeError(b.length, maxBytes);
      return b;
    },
    // no symlinks in memory: every path is its own real path
    realpath: async (p) => {
      if (!infoOf(p)) throw missing(p);
      return norm(p);
    },
    isSymlink: async () => false,
    stat: async (p) => infoOf(p),
    readDir: async (p) => list(p),
    readTextSync: text,
    readBytesSync: bytes,
    statSync: infoOf,
    readDirSync: list,
    async writeFile(p, contents, opts) {
      const key = norm(p);
      if (!dirs.has(path.dirname(key))) throw missing(path.dirname(p));
      if (dirs.has(key)) throw ioError("EISDIR", `illegal operation on a directory, open ${p}`);
      if (opts?.exclusive && files.has(key)) throw ioError("EEXIST", `file already exists, open ${p}`);
      files.set(key, contents);
      if (opts?.executable) executables.add(key);
      else executables.delete(key);
    },
    async mkdir(p) {
      const key = norm(p);
      if (files.has(key)) throw ioError("EEXIST", `file already exists, mkdir ${p}`);
      dirs.add(key);
      addParents(key);
    },
    remove: async (p) => removeTree(p),
    async removeEmptyDir(p) {
      const key = norm(p);
      if (!dirs.has(key)) throw files.has(key) ? ioError("ENOTDIR", `not a directory, rmdir ${p}`) : missing(p);
      if (list(key).length > 0) throw ioError("ENOTEMPTY", `directory not empty, rmdir ${p}`);
      dirs.delete(key);
    },
    async rename(from, to) {
      const src = norm(from);
      const dst = norm(to);
      if (!infoOf(src)) throw missing(from);
      if (!dirs.has(path.dirname(dst))) throw missing(path.dirname(to));
      if (infoOf(dst)?.isDirectory && list(dst).length > 0) throw ioError("ENOTEMPTY", `directory not empty, rename ${from} -> ${to}`);
      removeTree(dst);
      const moved = (p: string) => dst + p.slice(src.length);
      for (const [f, v] of [...files]) {
        if (!under(src, f)) continue;
        files.delete(f);
        files.set(moved(f), v);
        if (executables.delete(f)) executables.add(moved(f));
      }
      for (const d of [...dirs]) if (under(src, d)) (dirs.delete(d), dirs.add(moved(d)));
    },
    async copyFile(from, to) {
      const v = files.get(norm(from));
      if (v === undefined) throw missing(from);
      if (!dirs.has(path.dirname(norm(to)))) throw missing(path.dirname(to));
      files.set(norm(to), v);
      // like copyfile(2): the mode comes along
      if (executables.has(norm(from))) executables.add(norm(to));
      else executables.delete(norm(to));
    },
    // nothing to flush in memory; a missing path is still an error, as on disk
    async fsync(p) {
      if (!infoOf(p)) throw missing(p);
    },
    hostname: () => options.hostname ?? "memory",
    processAlive: (pid) => (options.processAlive ? options.processAlive(pid) : pid === process.pid),
    makeTempDirSync(prefix) {
      const dir = norm(`/memory-tmp/${prefix}${++temp}`);
      dirs.add(dir);
      addParents(dir);
      return dir;
    },
    removeSync: removeTree,
    spawnSync(command, args, opts = {}) {
      if (options.spawn) return options.spawn(command, args, opts);
      return { status: null, stdout: "", stderr: "", error: ioError("ENOENT", `spawnSync ${command} (an in-memory Io runs no processes)`) };
    },
    snapshot: () => new Map([...files].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))),
  };
  return io;
}
