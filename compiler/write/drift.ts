// Drift: a generated file someone edited (its bytes differ from the hash the lock recorded) or
// a file someone added inside out/<stack>/ is never silently overwritten or deleted by build.
// Each is an error naming the file; `build --force` overrides (the edit is lost, on purpose).
// `verify` reports the same files through verifyDiagnostics (STK-SYNC-002).
import type { Diagnostic } from "../diagnostics/diagnostic.js";
import { diag } from "../diagnostics/codes.js";
import type { OutputComparison } from "./compare.js";

export function driftDiagnostics(comparison: OutputComparison, outDisplay: string): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const stack of comparison.stacks) {
    for (const change of stack.changes) {
      if (!change.handEdited) continue;
      const file = `${outDisplay}/${stack.name}/${change.path}`;
      const added = change.kind === "removed";
      out.push({
        ...diag("STK-SYNC-002", added ? `${file} was added by hand; build would delete it` : `${file} was edited by hand; build would overwrite it`, {
          file,
          hint: added
            ? `Move it out of ${outDisplay}/${stack.name}/ (stackc owns that folder), or run stackc build --force to delete it`
            : `Make the change in ${stack.file} instead (then stackc build --force discards the edit), or revert the file`,
        }),
        stack: stack.file,
      });
    }
  }
  return out;
}
