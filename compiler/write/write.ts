// write: puts each stack's virtual files into out/<stack>/ atomically. All files are written
// to a staging folder next to the target first; only when every write succeeded is the old
// folder swapped out (two renames) and removed. A failure leaves the previous out/<stack>/
// exactly as it was. Files a later tool owns (e.g. kops/cluster.yaml from `stackc bind`) are
// carried over into the new folder.
import { cp, mkdir, rename, rm, writeFile, stat } from "node:fs/promises";
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
        const from = path.join(target, ...keep.split("/"));
        if (await exists(from)) {
          const to = path.join(staging, ...keep.split("/"));
          await mkdir(path.dirname(to), { recursive: true });
          await cp(from, to);
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

async function exists(p: string): Promise<boolean> {
  try {
    await stat(p);
    return true;
  } catch {
    return false;
  }
}
