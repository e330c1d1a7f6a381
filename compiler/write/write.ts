// write: puts each stack's virtual files into out/<stack>/ atomically, through the Io. All files
// are written to a staging folder next to the target first; only when every write succeeded is
// the old folder swapped out (two renames) and removed. A failure leaves the previous
// out/<stack>/ exactly as it was. Files a later tool owns (e.g. kops/cluster.yaml from
// `stackc bind`) are carried over into the new folder.
import path from "node:path";
import type { Io } from "../io/io.js";
import { nodeIo } from "../io/node-io.js";
import { preservedFiles, preservedFolders } from "../model/preserve.js";
import type { VirtualFile } from "../model/virtual-file.js";
import { swapIn } from "./swap.js";

export interface StackOutput {
  name: string;
  files: readonly VirtualFile[];
  /** Paths under out/<name>/ to keep from the previous folder (a trailing `/`: a folder, moved). */
  preserve: readonly string[];
}

export async function writeStackOutputs(outDir: string, stacks: readonly StackOutput[], io: Io = nodeIo): Promise<void> {
  await io.mkdir(outDir);
  const staged: { target: string; staging: string; folders: string[] }[] = [];
  try {
    for (const stack of stacks) {
      const target = path.join(outDir, stack.name);
      const staging = path.join(outDir, `.stackc-tmp-${stack.name}-${process.pid}`);
      await io.remove(staging);
      staged.push({ target, staging, folders: preservedFolders(stack.preserve) });
      for (const file of stack.files) {
        const full = path.join(staging, ...file.path.split("/"));
        await io.mkdir(path.dirname(full));
        await io.writeFile(full, file.contents, file.executable ? { executable: true } : {});
      }
      for (const keep of preservedFiles(stack.preserve)) {
        const from = path.join(target, ...keep.split("/"));
        if (await carried(io, target, keep)) {
          const to = path.join(staging, ...keep.split("/"));
          await io.mkdir(path.dirname(to));
          await io.copyFile(from, to);
        }
      }
    }
  } catch (err) {
    await Promise.all(staged.map((s) => io.remove(s.staging)));
    throw err;
  }
  for (const { target, staging, folders } of staged) await swapIn(staging, target, io, folders);
}

/**
 * Whether out/<stack>/<rel> is carried into the new folder: only a regular file reached through
 * real directories. A symlink anywhere on the way (out/<stack>, kops/, kops/cluster.yaml) is
 * never followed, so a planted link cannot copy /etc/shadow into out/ or carry a link into the
 * committed tree.
 */
export async function carried(io: Io, target: string, rel: string): Promise<boolean> {
  const parts = rel.split("/");
  for (let i = 0; i <= parts.length; i++) {
    if (await io.isSymlink?.(path.join(target, ...parts.slice(0, i)))) return false;
  }
  return (await io.stat(path.join(target, ...parts)))?.isFile ?? false;
}
