// diff: what `stackc build` would change in out/, as unified diffs (git style a/ b/ names).
import { createRequire } from "node:module";
import type { OutputComparison } from "./compare.js";

const require = createRequire(import.meta.url);
const { createTwoFilesPatch } = require("diff") as typeof import("diff");

export function formatOutputDiff(comparison: OutputComparison, outDisplay: string): string {
  let out = "";
  for (const stack of comparison.stacks) {
    for (const change of stack.changes) {
      const name = `${outDisplay}/${stack.name}/${change.path}`;
      if (change.kind === "mode") {
        out += `diff --git a/${name} b/${name}\nold mode 100644\nnew mode 100755\n`;
        continue;
      }
      out += createTwoFilesPatch(
        change.kind === "added" ? "/dev/null" : `a/${name}`,
        change.kind === "removed" ? "/dev/null" : `b/${name}`,
        change.actual ?? "",
        change.expected ?? "",
        undefined,
        undefined,
        { context: 3 },
      ).replace(/^={67}\n/m, "");
    }
  }
  return out;
}

export function changeCount(comparison: OutputComparison): { files: number; stacks: number } {
  const changed = comparison.stacks.filter((s) => s.changes.length > 0);
  return { files: changed.reduce((n, s) => n + s.changes.length, 0), stacks: changed.length };
}
