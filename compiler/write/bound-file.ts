// Writing the bound kops spec (`stackc bind`): into a temporary file beside the target, then
// renamed over it, so a failed or interrupted write never leaves a partial kops/cluster.yaml
// (rename is atomic within one file system). Through the Io, like every write.
import path from "node:path";
import type { Io } from "../io/io.js";
import { nodeIo } from "../io/node-io.js";

/** Writes `contents` to outDir/<stack>/<relativePath> atomically; returns the absolute path. */
export async function writeBoundFile(outDir: string, stack: string, relativePath: string, contents: string, io: Io = nodeIo): Promise<string> {
  const target = path.join(outDir, stack, ...relativePath.split("/"));
  // never through a symlink planted in out/ (out/<stack> or kops/ pointing elsewhere)
  const parts = [stack, ...relativePath.split("/").slice(0, -1)];
  for (let i = 1; i <= parts.length; i++) {
    const dir = path.join(outDir, ...parts.slice(0, i));
    if (await io.isSymlink?.(dir)) throw new Error(`${dir} is a symlink; stackc does not write through symlinks in the output directory`);
  }
  await io.mkdir(path.dirname(target));
  const temporary = path.join(path.dirname(target), `.${path.basename(target)}.stackc-tmp-${process.pid}`);
  try {
    await io.writeFile(temporary, contents);
    await io.rename(temporary, target);
  } catch (err) {
    await io.remove(temporary);
    throw err;
  }
  return target;
}
