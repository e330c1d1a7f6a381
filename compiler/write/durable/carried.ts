// Which files of the previous out/<stack>/ a new build carries over.
import path from "node:path";
import type { Io } from "../../io/io.js";

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
