// Reading the baseline — what was last built, taken to be what runs: out/<stack>/stackc.lock.json
// on disk by default, or the same file at a git ref (`--baseline <ref>`: the pull-request gate
// compares with the target branch). This is the plan stage's only I/O, behind BaselineIo so
// tests (and the library's callers) can supply their own.
import { execFile } from "node:child_process";
import { readFile } from "node:fs/promises";
import path from "node:path";
import { LOCK_FILE, type LockFile } from "../write/lock.js";
import { type ChangeRecord, RECORD_VERSION } from "./record.js";

export interface BaselineIo {
  readFile(absolutePath: string): Promise<string | undefined>;
  /** Runs git in `cwd`; never throws. */
  git(args: readonly string[], cwd: string): Promise<{ code: number; stdout: string; stderr: string }>;
}

export const nodeBaselineIo: BaselineIo = {
  readFile: async (p) => {
    try {
      return await readFile(p, "utf8");
    } catch {
      return undefined;
    }
  },
  git: (args, cwd) =>
    new Promise((resolve) => {
      execFile("git", [...args], { cwd, maxBuffer: 256 * 1024 * 1024, encoding: "utf8" }, (err, stdout, stderr) => {
        const code = err ? (typeof (err as { code?: unknown }).code === "number" ? ((err as { code: number }).code) : 127) : 0;
        resolve({ code, stdout: String(stdout ?? ""), stderr: String(stderr ?? "") });
      });
    }),
};

export interface BaselineOptions {
  cwd: string;
  /** Output root as given (relative to cwd or absolute). */
  outDir: string;
  /** A git ref: read out/ as it is at that commit instead of the working tree. */
  ref?: string;
  io?: BaselineIo;
}

export type BaselineRead =
  | { kind: "none" }
  | { kind: "found"; record: ChangeRecord; lock: LockFile; readFile(rel: string): Promise<string | undefined> }
  | { kind: "unreadable"; problem: string };

/** Opens the baseline source; fails (a usage error) only when the git ref does not exist. */
export async function openBaseline(options: BaselineOptions): Promise<{ read(stack: string): Promise<BaselineRead> } | { problem: string }> {
  const io = options.io ?? nodeBaselineIo;
  const outAbs = path.resolve(options.cwd, options.outDir);
  if (options.ref === undefined) {
    return {
      read: async (stack) => {
        const dir = path.join(outAbs, stack);
        return parse(await io.readFile(path.join(dir, LOCK_FILE)), `${options.outDir}/${stack}/${LOCK_FILE}`, (rel) => io.readFile(path.join(dir, ...rel.split("/"))));
      },
    };
  }
  const ref = options.ref;
  if (ref.startsWith("-")) return { problem: `--baseline ${JSON.stringify(ref)} is not a git ref` };
  const verified = await io.git(["rev-parse", "--verify", "--quiet", `${ref}^{commit}`], options.cwd);
  if (verified.code !== 0) return { problem: `--baseline ${ref}: no such commit in the git repository at ${options.cwd}` };
  const commit = verified.stdout.trim();
  // `<commit>:./<path>` is relative to the working directory git runs in
  const rel = path.relative(options.cwd, outAbs).split(path.sep).join("/") || ".";
  const show = async (file: string): Promise<string | undefined> => {
    const r = await io.git(["show", `${commit}:./${rel}/${file}`], options.cwd);
    return r.code === 0 ? r.stdout : undefined;
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
  const record = lock?.record;
  if (!record || typeof record !== "object") {
    return { kind: "unreadable", problem: `${where} has no change record (built by stackc ${lock?.stackc ?? "?"} before records existed)` };
  }
  if (record.version !== RECORD_VERSION) return { kind: "unreadable", problem: `${where} has change record version ${String(record.version)}; this stackc reads version ${RECORD_VERSION}` };
  return { kind: "found", record, lock, readFile };
}
