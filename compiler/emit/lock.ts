// stackc.lock.json: what produced out/<stack>/ — stackc version, a hash of every manifest the
// stack was compiled from, a hash of every generated file. `verify` uses it to tell a
// hand-edited file from a stale build. Paths are relative to out/<stack>/ so the bytes do not
// depend on the directory stackc ran from.
import { createHash } from "node:crypto";
import path from "node:path";
import type { VirtualFile } from "../model/virtual-file.js";

export const LOCK_FILE = "stackc.lock.json";

export interface LockFile {
  stackc: string;
  stack: string;
  manifests: Record<string, string>;
  files: Record<string, string>;
  /** Files written with the executable bit, sorted (absent when there are none). */
  executable?: string[];
  /** Files stackc deliberately did not write for this stack, with why (absent when none). */
  omitted?: Record<string, string>;
  /** What plan and the change rules compare the next build with (compiler/plan/record.ts; absent in locks of older stackc). */
  record?: unknown;
}

export function sha256(text: string): string {
  return `sha256:${createHash("sha256").update(text, "utf8").digest("hex")}`;
}

export function buildLockFile(input: {
  stackcVersion: string;
  stack: string;
  /** Absolute directory of out/<stack>/. */
  stackDir: string;
  /** Absolute manifest path → text, entry first then bases. */
  manifests: ReadonlyArray<{ absolutePath: string; text: string }>;
  files: readonly VirtualFile[];
  omitted?: ReadonlyArray<{ path: string; reason: string }>;
  record?: unknown;
}): VirtualFile {
  const manifests: Record<string, string> = {};
  for (const m of input.manifests) {
    manifests[path.relative(input.stackDir, m.absolutePath).split(path.sep).join("/")] = sha256(m.text);
  }
  const files: Record<string, string> = {};
  for (const f of [...input.files].sort((a, b) => (a.path < b.path ? -1 : 1))) files[f.path] = sha256(f.contents);
  const executable = input.files.filter((f) => f.executable).map((f) => f.path).sort();
  const omitted = input.omitted && input.omitted.length > 0 ? Object.fromEntries(input.omitted.map((o) => [o.path, o.reason])) : undefined;
  const lock: LockFile = {
    stackc: input.stackcVersion,
    stack: input.stack,
    manifests,
    files,
    ...(executable.length > 0 ? { executable } : {}),
    ...(omitted ? { omitted } : {}),
    ...(input.record !== undefined ? { record: input.record } : {}),
  };
  return { path: LOCK_FILE, contents: `${JSON.stringify(lock, null, 2)}\n` };
}
