// The real file system and processes behind the Io seam: the default of every library function,
// and the only module of stackc that imports node:fs, node:child_process or node:os.
import { createRequire } from "node:module";
import { type Stats, constants, mkdtempSync, readFileSync, readdirSync, rmSync, statSync } from "node:fs";
import { copyFile, lstat, mkdir, open, readFile, readdir, realpath, rename, rm, rmdir, stat, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { FileTooLargeError, NotRegularFileError, fileKind } from "./input-errors.js";
import type { DirEntryInfo, FileInfo, Io } from "./io.js";

const require = createRequire(import.meta.url);
// node:child_process is loaded on the first spawn (git, opa): most runs start no process, and
// loading it is a few ms of a cold start
let childProcess: typeof import("node:child_process") | undefined;
const childProcesses = () => (childProcess ??= require("node:child_process") as typeof import("node:child_process"));

function info(s: { isDirectory(): boolean; isFile(): boolean }): FileInfo {
  return { isDirectory: s.isDirectory(), isFile: s.isFile() };
}

function fullInfo(s: Stats): FileInfo {
  // times in fractional ms (sub-µs resolution where the file system has it); ctime moves on every
  // write and chmod and cannot be set back by a user (utimes moves it too)
  const stamp = `${s.size}:${s.mtimeMs}:${s.ctimeMs}:${s.ino}:${s.dev}:${s.mode}`;
  return { ...info(s), isExecutable: (s.mode & 0o100) !== 0, stamp, modifiedMs: s.mtimeMs };
}

function entries(list: { name: string; isDirectory(): boolean; isFile(): boolean }[]): DirEntryInfo[] {
  return list.map((e) => ({ name: e.name, ...info(e) }));
}

export const nodeIo: Io = {
  availableParallelism: () => os.availableParallelism(),
  readFile: (p) => readFile(p, "utf8"),
  readInput: readRegularFile,
  realpath: (p) => realpath(p),
  isSymlink: async (p) => (await lstat(p).catch(() => undefined))?.isSymbolicLink() ?? false,
  async stat(p) {
    try {
      return fullInfo(await stat(p));
    } catch {
      return undefined;
    }
  },
  readDir: async (p) => entries(await readdir(p, { withFileTypes: true })),

  readTextSync: (p) => readFileSync(p, "utf8"),
  // a plain ArrayBuffer-backed copy: WebAssembly.Module's BufferSource excludes Node's pooled Buffers
  readBytesSync: (p) => new Uint8Array(readFileSync(p)),
  statSync(p) {
    try {
      const s = statSync(p, { throwIfNoEntry: false });
      return s && fullInfo(s);
    } catch {
      return undefined;
    }
  },
  readDirSync: (p) => entries(readdirSync(p, { withFileTypes: true })),

  // a fresh file gets the mode (less the umask); stackc writes into fresh staging folders
  writeFile: (p, contents, options) => writeFile(p, contents, { mode: options?.executable ? 0o755 : 0o644, flag: options?.exclusive ? "wx" : "w" }),
  mkdir: async (p) => void (await mkdir(p, { recursive: true })),
  remove: (p) => rm(p, { recursive: true, force: true }),
  removeEmptyDir: (p) => rmdir(p),
  rename: (from, to) => rename(from, to),
  copyFile: (from, to) => copyFile(from, to),
  async fsync(p) {
    const handle = await open(p, constants.O_RDONLY);
    try {
      await handle.sync();
    } catch (err) {
      // some platforms cannot fsync a folder (EISDIR/EINVAL/EPERM on Windows): its entries are
      // then as durable as that file system makes them, and nothing more can be done here
      const code = (err as { code?: string }).code;
      if (!((await handle.stat()).isDirectory() && (code === "EISDIR" || code === "EINVAL" || code === "EPERM" || code === "EBADF"))) throw err;
    } finally {
      await handle.close();
    }
  },
  hostname: () => os.hostname(),
  processAlive(pid) {
    try {
      process.kill(pid, 0);
      return true;
    } catch (err) {
      // EPERM: it exists, as another user's process
      return (err as { code?: string }).code === "EPERM";
    }
  },

  makeTempDirSync: (prefix) => mkdtempSync(path.join(os.tmpdir(), prefix)),
  removeSync: (p) => rmSync(p, { recursive: true, force: true }),
  spawnSync(command, args, options = {}) {
    const r = childProcesses().spawnSync(command, [...args], {
      encoding: "utf8",
      maxBuffer: 64 * 1024 * 1024,
      ...(options.cwd !== undefined ? { cwd: options.cwd } : {}),
      ...(options.env !== undefined ? { env: options.env as NodeJS.ProcessEnv } : {}),
      ...(options.timeout !== undefined ? { timeout: options.timeout } : {}),
    });
    return { status: r.status, stdout: r.stdout ?? "", stderr: r.stderr ?? "", ...(r.error ? { error: r.error } : {}) };
  },
};

/**
 * Reads a regular file of at most maxBytes. The kind and size are checked with stat before
 * opening (opening a named pipe blocks until a writer comes; /dev/zero never ends), and again on
 * the open handle, because the path may change in between; O_NONBLOCK makes that open return at
 * once even if it is a pipe by then. The read itself stops one byte past the limit.
 */
export async function readRegularFile(p: string, maxBytes: number): Promise<Uint8Array> {
  const before = await stat(p);
  if (!before.isFile()) throw new NotRegularFileError(fileKind(before));
  if (before.size > maxBytes) throw new FileTooLargeError(before.size, maxBytes);
  const handle = await open(p, constants.O_RDONLY | constants.O_NONBLOCK);
  try {
    const s = await handle.stat();
    if (!s.isFile()) throw new NotRegularFileError(fileKind(s));
    if (s.size > maxBytes) throw new FileTooLargeError(s.size, maxBytes);
    // one byte more than allowed: a file that grew past the limit since stat is caught too
    const buffer = new Uint8Array(Math.min(maxBytes, s.size + 64 * 1024) + 1);
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
