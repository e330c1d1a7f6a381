// Compares what a compile produced with what is in out/: the basis of `verify` (CI: is the
// committed out/ exactly what the manifests compile to?) and `diff` (what would build change?).
// Reading out/ is I/O (through the Io), so this lives beside write.
import path from "node:path";
import type { CompileResult } from "../compile/compile.js";
import { LOCK_FILE, sha256, type LockFile } from "../emit/lock.js";
import type { Io } from "../io/io.js";
import { nodeIo } from "../io/node-io.js";
import { isPreserved } from "../model/preserve.js";

export interface FileChange {
  /** Relative to out/<stack>/. */
  path: string;
  /** `mode`: the contents are right but the file is not executable, as the lock file says it must be. */
  kind: "added" | "removed" | "modified" | "mode";
  expected?: string;
  actual?: string;
  /** The file on disk no longer matches the hash its lock file recorded: edited by hand. */
  handEdited: boolean;
}

export interface StackComparison {
  /** Entry manifest (display path). */
  file: string;
  name: string;
  changes: FileChange[];
}

export interface OutputComparison {
  stacks: StackComparison[];
  /** Folders in out/ that no compiled stack produced. */
  orphans: string[];
}

export async function compareOutputs(result: Pick<CompileResult, "stacks">, outDir: string, io: Io = nodeIo): Promise<OutputComparison> {
  const stacks: StackComparison[] = [];
  const names = new Set<string>();
  for (const stack of result.stacks) {
    // a stack's or a network's out/<name>/ (a network has no model, only its name and files)
    const name = stack.model?.name ?? (stack.network ? stack.name : undefined);
    if (name === undefined || !stack.files) continue;
    names.add(name);
    const dir = path.join(outDir, name);
    const onDisk = new Map<string, string>();
    const preserve = stack.preserve ?? [];
    // preserved paths (bind's spec, terraform's working files) are not read: never compared, never drift
    for (const rel of await listFiles(io, dir, "", preserve)) {
      if (!isPreserved(rel, preserve)) onDisk.set(rel, await io.readFile(path.join(dir, ...rel.split("/"))));
    }
    const lock = parseLock(onDisk.get(LOCK_FILE));
    const changes: FileChange[] = [];
    const edited = (rel: string, text: string) => lock?.files[rel] !== undefined && lock.files[rel] !== sha256(text);
    for (const file of stack.files) {
      const actual = onDisk.get(file.path);
      if (actual === undefined) changes.push({ path: file.path, kind: "added", expected: file.contents, handEdited: false });
      else if (actual !== file.contents) {
        changes.push({ path: file.path, kind: "modified", expected: file.contents, actual, handEdited: edited(file.path, actual) });
      } else if (file.executable && (await io.stat(path.join(dir, ...file.path.split("/"))))?.isExecutable === false) {
        // only this direction: file systems without modes show every file executable
        changes.push({ path: file.path, kind: "mode", handEdited: false });
      }
    }
    const produced = new Set(stack.files.map((f) => f.path));
    for (const [rel, actual] of onDisk) {
      if (produced.has(rel)) continue;
      changes.push({ path: rel, kind: "removed", actual, handEdited: lock !== undefined && lock.files[rel] === undefined });
    }
    changes.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
    stacks.push({ file: stack.file, name, changes });
  }
  let orphans: string[] = [];
  try {
    orphans = (await io.readDir(outDir))
      .filter((e) => e.isDirectory && !e.name.startsWith(".") && !names.has(e.name))
      .map((e) => e.name)
      .sort();
  } catch {
    orphans = [];
  }
  return { stacks, orphans };
}

function parseLock(text: string | undefined): LockFile | undefined {
  if (text === undefined) return undefined;
  try {
    return JSON.parse(text) as LockFile;
  } catch {
    return undefined;
  }
}

/** Regular files under dir; symlinks (dir itself included) are never followed, preserved folders never walked. */
async function listFiles(io: Io, dir: string, rel = "", preserve: readonly string[] = []): Promise<string[]> {
  let entries;
  try {
    if (rel === "" && (await io.isSymlink?.(dir))) return [];
    entries = await io.readDir(dir);
  } catch {
    return [];
  }
  const out: string[] = [];
  for (const entry of entries) {
    const child = rel ? `${rel}/${entry.name}` : entry.name;
    if (entry.isDirectory && isPreserved(child, preserve)) continue;
    if (entry.isDirectory) out.push(...(await listFiles(io, path.join(dir, entry.name), child, preserve)));
    else if (entry.isFile) out.push(child);
  }
  return out;
}
