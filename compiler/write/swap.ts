// The one place a staged folder replaces out/<stack>/: used by write() and by the fleet runner.
import path from "node:path";
import type { Io } from "../io/io.js";

/**
 * The staged folder replaces `target` (two renames, the old one removed after). `folders`
 * (relative to target) are tool-owned folders such as terraform's `.terraform/`: each is moved
 * from the old folder into the staged one first — a rename, so provider binaries are never copied
 * — when it is a real folder reached without a symlink. Moved only now, once everything is
 * staged: a failed build before this point leaves them where they were.
 */
export async function swapIn(staging: string, target: string, io: Io, folders: readonly string[] = []): Promise<void> {
  const old = `${staging}-old`;
  for (const rel of folders) {
    if (!(await realFolder(io, target, rel))) continue;
    const to = path.join(staging, ...rel.split("/"));
    if ((await io.stat(to)) !== undefined) continue;
    await io.mkdir(path.dirname(to));
    await io.rename(path.join(target, ...rel.split("/")), to);
  }
  // a symlink at out/<stack> (even a dangling one) is there too: renamed away, never followed
  const hadTarget = (await io.stat(target)) !== undefined || ((await io.isSymlink?.(target)) ?? false);
  if (hadTarget) await io.rename(target, old);
  try {
    await io.rename(staging, target);
  } catch (err) {
    if (hadTarget) await io.rename(old, target);
    throw err;
  }
  if (hadTarget) await io.remove(old);
}

/** A folder at target/rel, with no symlink anywhere on the way (out/<stack> included). */
async function realFolder(io: Io, target: string, rel: string): Promise<boolean> {
  const parts = rel.split("/");
  for (let i = 0; i <= parts.length; i++) {
    if (await io.isSymlink?.(path.join(target, ...parts.slice(0, i)))) return false;
  }
  return (await io.stat(path.join(target, ...parts)))?.isDirectory ?? false;
}
