// Paths for tests. Tests are compiled to dist/test/**, so the repository root is found by
// walking up from this file to the folder that holds package.json.
import { existsSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

function findRoot(start: string): string {
  let dir = start;
  for (;;) {
    if (existsSync(path.join(dir, "package.json")) && existsSync(path.join(dir, "compiler"))) return dir;
    const parent = path.dirname(dir);
    if (parent === dir) throw new Error(`repository root not found above ${start}`);
    dir = parent;
  }
}

export const repoRoot = findRoot(path.dirname(fileURLToPath(import.meta.url)));

/** Absolute path of a repository-relative path. */
export function repoPath(...parts: string[]): string {
  return path.join(repoRoot, ...parts);
}

/** Upstream reference data copied into the repo (see test/upstream/SOURCES.md). */
export function upstreamPath(file: string): string {
  return path.join(repoRoot, "test", "upstream", file);
}
