// Reading the baseline — what was last built, taken to be what runs: out/<stack>/stackc.lock.json
// by default, or the same file at a git ref (`--baseline <ref>`: the pull-request gate compares
// with the target branch, read with `git show`). All of it through the Io seam.
import path from "node:path";
import { LOCK_FILE, type LockFile } from "../emit/lock.js";
import type { Io } from "../io/io.js";
import { type ChangeRecord, RECORD_VERSION } from "./record.js";

export interface BaselineOptions {
  cwd: string;
  /** Output root as given (relative to cwd or absolute). */
  outDir: string;
  /** A git ref: read out/ as it is at that commit instead of the working tree. */
  ref?: string;
  io: Io;
}

export type BaselineRead =
  | { kind: "none" }
  | { kind: "found"; record: ChangeRecord; lock: LockFile; readFile(rel: string): Promise<string | undefined> }
  | { kind: "unreadable"; problem: string };

export interface BaselineSource {
  read(stack: string): Promise<BaselineRead>;
}

/** Opens the baseline source; `{problem}` (a usage error) only when the git ref cannot be used. */
export async function openBaseline(options: BaselineOptions): Promise<BaselineSource | { problem: string }> {
  const { io } = options;
  const outAbs = path.resolve(options.cwd, options.outDir);
  if (options.ref === undefined) {
    const read = async (file: string) => {
      try {
        return await io.readFile(file);
      } catch {
        return undefined;
      }
    };
    return {
      read: async (stack) => {
        const dir = path.join(outAbs, stack);
        return parse(await read(path.join(dir, LOCK_FILE)), `${options.outDir.replace(/\/+$/, "")}/${stack}/${LOCK_FILE}`, (rel) => read(path.join(dir, ...rel.split("/"))));
      },
    };
  }
  const ref = options.ref;
  if (ref === "" || ref.startsWith("-")) return { problem: `--baseline ${JSON.stringify(ref)} is not a git ref` };
  const git = (args: string[]) => io.spawnSync("git", args, { cwd: options.cwd, timeout: 60_000 });
  const verified = git(["rev-parse", "--verify", "--quiet", `${ref}^{commit}`]);
  if (verified.error) return { problem: `--baseline ${ref}: git cannot be run (${verified.error.message})` };
  if (verified.status !== 0) return { problem: `--baseline ${ref}: no such commit in the git repository at ${options.cwd}` };
  const commit = verified.stdout.trim();
  // `<commit>:./<path>` is relative to the folder git runs in
  const rel = path.relative(options.cwd, outAbs).split(path.sep).join("/") || ".";
  const show = async (file: string): Promise<string | undefined> => {
    const r = git(["show", `${commit}:./${rel}/${file}`]);
    return r.status === 0 && !r.error ? r.stdout : undefined;
  };
  return {
    read: async (stack) => parse(await show(`${stack}/${LOCK_FILE}`), `${ref}:${rel}/${stack}/${LOCK_FILE}`, (file) => show(`${stack}/${file}`)),
  };
}

function parse(text: string | undefined, where: string, readFile: (rel: string) => Promise<string | undefined>): BaselineRead {
  if (text === undefined) return { kind: "none" };
  let lock: LockFile;
  try {
    lock = JSON.parse(text) as LockFile;
  } catch {
    return { kind: "unreadable", problem: `${where} is not JSON` };
  }
  const record = lock?.record as ChangeRecord | undefined;
  if (!record || typeof record !== "object") {
    return { kind: "unreadable", problem: `${where} has no change record (built by stackc ${lock?.stackc ?? "?"} before records existed)` };
  }
  if (record.version !== RECORD_VERSION) return { kind: "unreadable", problem: `${where} has change record version ${String(record.version)}; this stackc reads version ${RECORD_VERSION}` };
  return { kind: "found", record, lock, readFile };
}
