// The one place a staged folder replaces out/<stack>/: used by write() and by the fleet runner.
import type { Io } from "../io/io.js";

/** The staged folder replaces `target` (two renames, the old one removed after). */
export async function swapIn(staging: string, target: string, io: Io): Promise<void> {
  const old = `${staging}-old`;
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
