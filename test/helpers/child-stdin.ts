// Writing a child's stdin races with the child exiting: a program that never reads stdin (the kops
// harness given file arguments, say) may exit before the write lands, and the pipe then emits
// EPIPE (or ECONNRESET) as an 'error' event. Unhandled, that event kills the whole test process —
// the failure is the test's plumbing, not the program's. The child's real result (exit status and
// output) is what the caller asserts on, so those two codes are ignored here; any other stdin error
// is passed to `onError`.
import type { ChildProcess } from "node:child_process";

const EXITED_FIRST = new Set(["EPIPE", "ECONNRESET", "ERR_STREAM_DESTROYED"]);

/** Writes `text` (or nothing) to the child's stdin and closes it, tolerating a child that exited first. */
export function feedStdin(child: ChildProcess, text: string | undefined, onError: (err: Error) => void = () => undefined): void {
  const stdin = child.stdin;
  if (!stdin) return;
  stdin.on("error", (err: NodeJS.ErrnoException) => {
    if (err.code !== undefined && EXITED_FIRST.has(err.code)) return;
    onError(err);
  });
  if (text === undefined || text === "") stdin.end();
  else stdin.end(text);
}
