// write: puts each stack's virtual files into out/<stack>/ atomically. All files are written
// to a staging folder next to the target first; only when every write succeeded is the old
// folder swapped out (two renames) and removed. A failure leaves the previous out/<stack>/
// exactly as it was. Files a later tool owns (e.g. kops/cluster.yaml from `stackc bind`) are
// carried over into the new folder.
import { lstat, mkdir, readFile, rename, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import type { VirtualFile } from "../emit/emitter.js";

export interface StackOutput {
  name: string;
  files: readonly VirtualFile[];
  /** Paths under out/<name>/ to keep from the previous folder. */
  preserve: readonly string[];
}

export async function writeStackOutputs(outDir: string, stacks: readonly StackOutput[]): Promise<void> {
  await mkdir(outDir, { recursive: true });
  const staged: { target: string; staging: string }[] = [];
  try {
    for (const stack of stacks) {
      const target = path.join(outDir, stack.name);
      const staging = path.join(outDir, `.stackc-tmp-${stack.name}-${process.pid}`);
      await rm(staging, { recursive: true, force: true });
      staged.push({ target, staging });
      for (const file of stack.files) {
        const full = path.join(staging, ...file.path.split("/"));
        await mkdir(path.dirname(full), { recursive: true });
        await writeFile(full, file.contents, { mode: 0o644 });
      }
      for (const keep of stack.preserve) {
        const contents = await readCarried(target, keep);
        if (contents !== undefined) {
          const to = path.join(staging, ...keep.split("/"));
          await mkdir(path.dirname(to), { recursive: true });
          await writeFile(to, contents, { mode: 0o644 });
        }
      }
    }
  } catch (err) {
    await Promise.all(staged.map((s) => rm(s.staging, { recursive: true, force: true })));
    throw err;
  }
  for (const { target, staging } of staged) {
    const old = `${staging}-old`;
    const hadTarget = await exists(target);
    if (hadTarget) await rename(target, old);
    try {
      await rename(staging, target);
    } catch (err) {
      if (hadTarget) await rename(old, target);
      throw err;
    }
    if (hadTarget) await rm(old, { recursive: true, force: true });
  }
}

/**
 * The bytes of a file to carry into the new folder, or undefined. Only a regular file reached
 * through real directories is carried: a symlink anywhere on the way (out/<stack>,
 * kops/, kops/cluster.yaml) is never followed, so a planted link cannot copy /etc/shadow
 * into out/ or carry a link into the committed tree.
 */
async function readCarried(target: string, rel: string): Promise<Buffer | undefined> {
  let current = target;
  const parts = rel.split("/");
  for (let i = 0; i < parts.length; i++) {
    if (i > 0) current = path.join(current, parts[i - 1]!);
    const info = await lstat(current).catch(() => undefined);
    if (!info || !info.isDirectory()) return undefined;
  }
  const full = path.join(target, ...parts);
  const info = await lstat(full).catch(() => undefined);
  if (!info || !info.isFile()) return undefined;
  return readFile(full);
}

/** lstat: a symlink at out/<stack> counts as there (it is renamed away, never followed). */
async function exists(p: string): Promise<boolean> {
  try {
    await lstat(p);
    return true;
  } catch {
    return false;
  }
}
