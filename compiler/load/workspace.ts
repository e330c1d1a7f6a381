// The workspace: the folder stackc may read manifests from. It is the git repository around
// the current folder (the nearest ancestor with .git), or the current folder outside one, plus
// any folder named with --allow-outside. Paths are compared after symlinks are resolved, so a
// link inside the repository cannot lead a manifest to /etc/shadow or another team's files.
import path from "node:path";

export interface WorkspaceIo {
  stat(absolutePath: string): Promise<{ isDirectory: boolean; isFile: boolean } | undefined>;
  /** Resolves symlinks; absent in fakes whose paths have none. */
  realpath?(absolutePath: string): Promise<string>;
}

export interface Workspace {
  /** Real path of the workspace root. */
  root: string;
  /** Real paths of the folders allowed besides it. */
  allowOutside: readonly string[];
}

export async function findWorkspaceRoot(cwd: string, io: WorkspaceIo): Promise<string> {
  for (let dir = path.resolve(cwd); ; dir = path.dirname(dir)) {
    // .git is a directory in a clone and a file in a worktree or submodule
    if (await io.stat(path.join(dir, ".git"))) return dir;
    if (path.dirname(dir) === dir) return path.resolve(cwd);
  }
}

export async function resolveWorkspace(cwd: string, io: WorkspaceIo, allowOutside: readonly string[] = []): Promise<Workspace> {
  const real = (p: string) => (io.realpath ? io.realpath(p).catch(() => p) : Promise.resolve(p));
  const root = await real(await findWorkspaceRoot(cwd, io));
  const allowed = await Promise.all(allowOutside.map((d) => real(path.resolve(cwd, d))));
  return { root, allowOutside: allowed };
}

export function isInside(dir: string, p: string): boolean {
  const rel = path.relative(dir, p);
  return rel === "" || (rel !== ".." && !rel.startsWith(`..${path.sep}`) && !path.isAbsolute(rel));
}

export type Containment = { inside: true; real: string } | { inside: false; real: string };

/**
 * Where `absolute` really is and whether that is inside the workspace. A path that cannot be
 * resolved (it does not exist) is judged by its own text, so a missing file outside is still
 * reported as outside and nothing about its existence leaks.
 */
export async function contain(workspace: Workspace, absolute: string, io: Pick<WorkspaceIo, "realpath">): Promise<Containment> {
  let real = absolute;
  if (io.realpath) {
    try {
      real = await io.realpath(absolute);
    } catch {
      real = await realParent(absolute, io);
    }
  }
  const inside = [workspace.root, ...workspace.allowOutside].some((dir) => isInside(dir, real));
  return { inside, real };
}

/** The nearest existing ancestor resolved, with the rest of the path appended. */
async function realParent(absolute: string, io: Pick<WorkspaceIo, "realpath">): Promise<string> {
  const parent = path.dirname(absolute);
  if (parent === absolute || !io.realpath) return absolute;
  try {
    return path.join(await io.realpath(parent), path.basename(absolute));
  } catch {
    return path.join(await realParent(parent, io), path.basename(absolute));
  }
}

/**
 * The path generated files name a manifest by: relative to the root of the workspace the manifest
 * lives in, `/` separators — so out/ is byte-identical whichever folder stackc runs from (inside
 * the repository, in a subfolder, or outside it with --allow-outside). The root is the git
 * repository around the manifest itself (nearest ancestor with .git, after symlinks are resolved);
 * outside any repository, the workspace root or the --allow-outside folder that contains it.
 * Undefined when none applies (a library caller without a workspace, outside any repository):
 * the caller keeps its own display path then.
 */
export async function workspaceRelativePath(absolute: string, io: WorkspaceIo, workspace?: Workspace): Promise<string | undefined> {
  let real = absolute;
  if (io.realpath) real = await io.realpath(absolute).catch(() => absolute);
  let root: string | undefined;
  for (let dir = path.dirname(real); ; dir = path.dirname(dir)) {
    if (await io.stat(path.join(dir, ".git"))) {
      root = dir;
      break;
    }
    if (path.dirname(dir) === dir) break;
  }
  root ??= workspace ? [workspace.root, ...workspace.allowOutside].find((dir) => isInside(dir, real)) : undefined;
  if (root === undefined) return undefined;
  return path.relative(root, real).split(path.sep).join("/");
}
