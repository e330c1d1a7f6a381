// The names the durable write uses inside the output folder. All start with ".stackc" so they are
// never taken for a stack's folder (stack names are DNS labels: no leading dot), verify's
// orphan check skips them, and .gitignore can list them.
import path from "node:path";

/** out/.stackc.lock: held by the one stackc writing out/ (lock.ts). */
export const LOCK_NAME = ".stackc.lock";
/** out/.stackc-journal.json: present only between a build's commit point and its end (transaction.ts). */
export const JOURNAL_NAME = ".stackc-journal.json";

/** Where a stack is staged before the swap: next to its target, so the rename stays on one file system. */
export function stagingName(stack: string, runId: string): string {
  return `.stackc-tmp-${stack}-${runId}`;
}

/** Where the previous out/<stack>/ waits during the swap, until the build is complete. */
export function oldName(stack: string, runId: string): string {
  return `.stackc-old-${stack}-${runId}`;
}

/** Absolute staging folder of `stack` in `outDir`. */
export function stagingDir(outDir: string, stack: string, runId: string): string {
  return path.join(outDir, stagingName(stack, runId));
}

/**
 * What an interrupted write can leave in out/: staging and old folders, a journal's temporary
 * file, a lock file being cleared, and bind's temporary files (older stackc versions too).
 */
export function isLeftover(name: string): boolean {
  return (
    name.startsWith(".stackc-tmp-") ||
    name.startsWith(".stackc-old-") ||
    name.startsWith(`${JOURNAL_NAME}.tmp-`) ||
    name.startsWith(`${LOCK_NAME}.stale-`) ||
    name.includes(".stackc-tmp-")
  );
}
