// --changed-since <git-ref>: which files changed between a git ref and the working tree —
// committed since the ref, modified, staged, or new and untracked (not ignored) — as absolute
// paths resolved from cwd (through git's --show-prefix, so a symlinked cwd matches). A stack is then selected when its manifest or any base it extends is among them, so
// a change to a shared base selects exactly the stacks that extend it. Git runs through an
// injected runner (the CLI passes child_process), so this stays testable and I/O-free.

import path from "node:path";

export interface GitRunner {
  /** Runs git with args in cwd; resolves stdout, rejects with an Error carrying git's stderr. */
  (args: readonly string[], cwd: string): Promise<string>;
}

export class ChangedSinceError extends Error {}

/** Absolute paths of the files that differ from `ref` (NUL-separated git output, so any name works). */
export async function changedFiles(ref: string, cwd: string, git: GitRunner): Promise<Set<string>> {
  if (ref.startsWith("-")) throw new ChangedSinceError(`--changed-since ${JSON.stringify(ref)} is not a git ref`);
  let top: string;
  let prefix: string;
  try {
    top = (await git(["rev-parse", "--show-toplevel"], cwd)).trim();
    prefix = (await git(["rev-parse", "--show-prefix"], cwd)).trim();
  } catch (err) {
    throw new ChangedSinceError(`--changed-since needs a git work tree: ${firstLine(err)}`);
  }
  try {
    await git(["rev-parse", "--verify", "--quiet", `${ref}^{commit}`], cwd);
  } catch {
    throw new ChangedSinceError(`--changed-since ${ref}: no such commit in this repository`);
  }
  // the ref against the working tree (tracked files: committed, staged and unstaged changes,
  // deletions and renames on both sides), then files git does not track yet
  const diff = await git(["diff", "--name-only", "--no-renames", "-z", ref, "--"], top);
  const untracked = await git(["ls-files", "--others", "--exclude-standard", "-z", "--full-name"], top);
  const files = new Set<string>();
  // git names files from the top level; cwd is `prefix` below it
  const up = prefix === "" ? "" : prefix.split("/").filter(Boolean).map(() => "..").join("/");
  for (const name of `${diff}\0${untracked}`.split("\0")) if (name) files.add(path.resolve(cwd, up, ...name.split("/")));
  return files;
}

function firstLine(err: unknown): string {
  return (err instanceof Error ? err.message : String(err)).split("\n")[0] ?? "";
}
