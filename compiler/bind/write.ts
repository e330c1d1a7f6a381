// Writing the bound spec: into a temporary file beside the target, then renamed over it, so a
// failed or interrupted write never leaves a partial kops/cluster.yaml (rename is atomic within
// one file system). The only I/O of bind.
import { lstat, mkdir, rename, rm, writeFile } from "node:fs/promises";
import path from "node:path";

/** Writes `contents` to outDir/<stack>/<relativePath> atomically; returns the absolute path. */
export async function writeBoundFile(outDir: string, stack: string, relativePath: string, contents: string): Promise<string> {
  const target = path.join(outDir, stack, ...relativePath.split("/"));
  // never through a symlink planted in out/ (out/<stack> or kops/ pointing elsewhere)
  const parts = [stack, ...relativePath.split("/").slice(0, -1)];
  for (let i = 1; i <= parts.length; i++) {
    const dir = path.join(outDir, ...parts.slice(0, i));
    const info = await lstat(dir).catch(() => undefined);
    if (info?.isSymbolicLink()) throw new Error(`${dir} is a symlink; stackc does not write through symlinks in the output directory`);
  }
  await mkdir(path.dirname(target), { recursive: true });
  const temporary = path.join(path.dirname(target), `.${path.basename(target)}.stackc-tmp-${process.pid}`);
  try {
    await writeFile(temporary, contents, { mode: 0o644 });
    await rename(temporary, target);
  } catch (err) {
    await rm(temporary, { force: true });
    throw err;
  }
  return target;
}
