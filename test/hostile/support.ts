// A scratch workspace outside the repository (so the workspace is the folder itself) holding
// the example stacks, for hostile-input tests that need real files, pipes and symlinks.
import { execFileSync } from "node:child_process";
import { copyFileSync, mkdtempSync, readFileSync, realpathSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { compile, type CompileOptions, type CompileResult } from "../../compiler/index.js";
import { repoPath } from "../helpers/repo.js";

export interface Scratch {
  /** Real path of the workspace folder. */
  dir: string;
  /** Writes a file in the workspace (string or bytes). */
  write(name: string, content: string | Uint8Array): string;
  /** dev.yaml (which extends base.yaml) with `replace` applied to its text. */
  dev(name: string, edit?: (text: string) => string): string;
  compile(inputs: string[], options?: CompileOptions): Promise<CompileResult>;
  mkfifo(name: string): string;
}

export function scratch(): Scratch {
  // realpath: /tmp may itself be a symlink on some systems
  const parent = realpathSync(mkdtempSync(path.join(tmpdir(), "stackc-hostile-")));
  const dir = path.join(parent, "ws");
  execFileSync("mkdir", ["-p", dir]);
  for (const f of ["base.yaml", "dev.yaml"]) copyFileSync(repoPath("stacks", f), path.join(dir, f));
  const devText = readFileSync(repoPath("stacks", "dev.yaml"), "utf8");
  const s: Scratch = {
    dir,
    write(name, content) {
      const p = path.join(dir, name);
      writeFileSync(p, content);
      return p;
    },
    dev(name, edit = (t) => t) {
      s.write(name, edit(devText));
      return name;
    },
    compile: (inputs, options = {}) => compile(inputs, { cwd: dir, ...options }),
    mkfifo(name) {
      const p = path.join(dir, name);
      execFileSync("mkfifo", [p]);
      return p;
    },
  };
  return s;
}

/** `file:line:col CODE` of every error and warning, sorted. */
export function located(result: CompileResult): string[] {
  return result.diagnostics
    .filter((d) => d.severity !== "info")
    .map((d) => `${d.file ?? "-"}:${d.range?.start.line ?? "-"}:${d.range?.start.column ?? "-"} ${d.code}`)
    .sort();
}

/** Line (1-based) and column of the first occurrence of `needle` in `text`. */
export function lineCol(text: string, needle: string): string {
  const i = text.indexOf(needle);
  if (i < 0) throw new Error(`${needle} not in text`);
  const before = text.slice(0, i);
  const line = before.split("\n").length;
  return `${line}:${i - before.lastIndexOf("\n")}`;
}
