// --patch: the unified diff of the generated files from the baseline to the new build, after
// the summary (git-style a/ b/ names under out/). The lock file is left out: its change is the
// plan itself.
import { createRequire } from "node:module";
import type { VirtualFile } from "../../model/virtual-file.js";
import { LOCK_FILE } from "../../emit/lock.js";
import type { StackPlanResult } from "../../plan/run.js";

const require = createRequire(import.meta.url);
const { createTwoFilesPatch } = require("diff") as typeof import("diff");

/** Old file contents (from the baseline) and new ones of one stack. */
export interface PatchInput {
  stack: string;
  before: Map<string, string>;
  after: readonly VirtualFile[];
}

/** Reads the baseline's copy of every file either side has (I/O through the baseline). */
export async function patchInput(plan: StackPlanResult, files: readonly VirtualFile[]): Promise<PatchInput> {
  const before = new Map<string, string>();
  if (plan.baseline.kind === "found") {
    const paths = new Set([...Object.keys(plan.baseline.lock.files ?? {}), ...files.map((f) => f.path)]);
    for (const rel of [...paths].sort()) {
      if (rel === LOCK_FILE) continue;
      const text = await plan.baseline.readFile(rel);
      if (text !== undefined) before.set(rel, text);
    }
  }
  return { stack: plan.name, before, after: files.filter((f) => f.path !== LOCK_FILE) };
}

export function formatPatch(inputs: readonly PatchInput[], outDisplay: string): string {
  let out = "";
  for (const { stack, before, after } of inputs) {
    const now = new Map(after.map((f) => [f.path, f.contents]));
    for (const rel of [...new Set([...before.keys(), ...now.keys()])].sort()) {
      const a = before.get(rel);
      const b = now.get(rel);
      if (a === b) continue;
      const name = `${outDisplay}/${stack}/${rel}`;
      out += createTwoFilesPatch(a === undefined ? "/dev/null" : `a/${name}`, b === undefined ? "/dev/null" : `b/${name}`, a ?? "", b ?? "", undefined, undefined, { context: 3 }).replace(/^={67}\n/m, "");
    }
  }
  return out;
}
