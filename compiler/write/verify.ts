// verify: out/ must be exactly what the manifests compile to, and no generated file may have
// been edited by hand (the lock file's hashes tell a hand edit from a stale build).
import type { Diagnostic } from "../diagnostics/diagnostic.js";
import { diag } from "../diagnostics/codes.js";
import type { OutputComparison } from "./compare.js";

export function verifyDiagnostics(comparison: OutputComparison, outDisplay: string): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  for (const stack of comparison.stacks) {
    for (const change of stack.changes) {
      const file = `${outDisplay}/${stack.name}/${change.path}`;
      const d = change.handEdited
        ? diag("STK-SYNC-002", change.kind === "removed" ? `${file} was added by hand (stackc does not generate it)` : `${file} was edited by hand`, {
            file,
            hint: `Generated files are overwritten by stackc build; make the change in ${stack.file} instead`,
          })
        : diag(
            "STK-SYNC-001",
            change.kind === "added"
              ? `${file} is missing`
              : change.kind === "removed"
                ? `${file} is no longer generated`
                : change.kind === "mode"
                  ? `${file} is not executable`
                  : `${file} is out of date`,
            {
              file,
              hint:
                change.kind === "mode"
                  ? `Run stackc build ${stack.file} (or chmod +x it) and commit the mode (git update-index --chmod=+x)`
                  : `Run stackc build ${stack.file} and commit the result`,
            },
          );
      diagnostics.push({ ...d, stack: stack.file });
    }
  }
  for (const orphan of comparison.orphans) {
    diagnostics.push(
      diag("STK-SYNC-003", `${outDisplay}/${orphan}/ belongs to none of the stacks checked`, {
        hint: "Delete it if its stack was removed (or check all stacks at once)",
      }),
    );
  }
  return diagnostics;
}
