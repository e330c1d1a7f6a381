// The one I/O seam. Every read, write, directory listing, process spawn and temporary folder of
// stackc goes through an `Io`: the library functions take one in their options (`nodeIo`, the
// real file system, by default), so the whole pipeline — policies included — runs against an
// in-memory Io in tests and in an editor. Only io/node-io.ts may import node:fs,
// node:child_process or node:os (test/architecture/io-seam.test.ts enforces it).
//
// Reads come in two flavours on purpose: manifests and out/ are read asynchronously (many
// files, overlapping), the shipped assets (schema, policy bundle, templates) synchronously and
// once, because they are needed inside synchronous stages (validation, emitting, policies).

export interface FileInfo {
  isFile: boolean;
  isDirectory: boolean;
  /** The owner may execute it (stat only; absent from directory listings and from fakes without modes). */
  isExecutable?: boolean;
  /**
   * stat only, optional: an opaque token that changes whenever the file's contents or mode may
   * have (size, modification and change times, inode, mode — what git's index compares). Equal
   * tokens let the stack cache skip re-hashing a file; an Io without them is always hashed.
   */
  stamp?: string;
  /** stat only, with stamp: the modification time (ms since the epoch), to tell a stamp too fresh to trust. */
  modifiedMs?: number;
}

export interface DirEntryInfo extends FileInfo {
  name: string;
}

export interface SpawnOptions {
  cwd?: string;
  env?: Readonly<Record<string, string | undefined>>;
  /** Milliseconds before the process is killed. */
  timeout?: number;
}

export interface SpawnResult {
  /** Exit status; null when the process did not exit normally. */
  status: number | null;
  stdout: string;
  stderr: string;
  /** Set when the process could not be started (e.g. ENOENT) or timed out. */
  error?: Error;
}

export interface WriteOptions {
  /** Fail with an error whose `code` is "EEXIST" when the file exists (no overwrite). */
  exclusive?: boolean;
  /** Mode 0755 instead of 0644 (the generated bin/ scripts). */
  executable?: boolean;
}

export interface Io {
  /** Reads a UTF-8 file; rejects when it does not exist or cannot be read (err.code ENOENT for a missing file). */
  readFile(absolutePath: string): Promise<string>;
  /**
   * Reads an input (a manifest, a Terraform output file) as bytes: only a regular file, at most
   * maxBytes. Rejects with NotRegularFileError / FileTooLargeError (input-errors.ts), decided
   * before the file is opened (a named pipe would block, /dev/zero never ends). Optional so a
   * minimal fake Io still works; load then falls back to readFile.
   */
  readInput?(absolutePath: string, maxBytes: number): Promise<Uint8Array>;
  /** Resolves symlinks (workspace containment); optional, for fakes that have none. */
  realpath?(absolutePath: string): Promise<string>;
  /** True when a symbolic link is at the path (never followed); optional, like realpath. */
  isSymlink?(absolutePath: string): Promise<boolean>;
  /** undefined when nothing is at the path. */
  stat(absolutePath: string): Promise<FileInfo | undefined>;
  readDir(absolutePath: string): Promise<DirEntryInfo[]>;

  /** Synchronous reads, for the shipped assets and user policy sources. */
  readTextSync(absolutePath: string): string;
  readBytesSync(absolutePath: string): Uint8Array;
  statSync(absolutePath: string): FileInfo | undefined;
  readDirSync(absolutePath: string): DirEntryInfo[];

  /** Writes a UTF-8 file (mode 0644, or 0755 when executable), creating nothing else. */
  writeFile(absolutePath: string, contents: string, options?: WriteOptions): Promise<void>;
  /** mkdir -p */
  mkdir(absolutePath: string): Promise<void>;
  /** rm -rf: no error when nothing is there. */
  remove(absolutePath: string): Promise<void>;
  /** rmdir: removes a folder only while it is empty (ENOTEMPTY otherwise), atomically. */
  removeEmptyDir(absolutePath: string): Promise<void>;
  /** Atomic on one file system; replaces a file or an EMPTY folder at `to` (ENOTEMPTY otherwise). */
  rename(from: string, to: string): Promise<void>;
  copyFile(from: string, to: string): Promise<void>;
  /**
   * Flushes a file, or a folder's entries (the names a rename or create put in it), to stable
   * storage: what the durable write (write/durable/) does before it lets anything depend on them.
   */
  fsync(absolutePath: string): Promise<void>;

  /** This machine's name and whether a process id is alive on it: for out/'s lock file (write/durable/lock.ts). */
  hostname(): string;
  processAlive(pid: number): boolean;

  /** A fresh, empty, private folder for scratch files; the caller removes it (removeSync). */
  makeTempDirSync(prefix: string): string;
  removeSync(absolutePath: string): void;
  /** Runs a program to completion (no shell). */
  spawnSync(command: string, args: readonly string[], options?: SpawnOptions): SpawnResult;

  /** How many threads may run at once (the fleet's default --jobs); absent: one (no worker threads). */
  availableParallelism?(): number;
}

/** An error carrying a Node-style code (ENOENT, EEXIST, …), as Io implementations throw. */
export function ioError(code: string, message: string): Error & { code: string } {
  return Object.assign(new Error(`${code}: ${message}`), { code });
}

/** The code of an error thrown by an Io (ENOENT, EEXIST, …), if it has one. */
export function errorCode(err: unknown): string | undefined {
  const code = (err as { code?: unknown } | null)?.code;
  return typeof code === "string" ? code : undefined;
}
