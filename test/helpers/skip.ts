// Visible, counted skips. A test that needs a tool the suite may lack (terraform is the only one:
// opa, the kops harness, conftest and checkov are installed by scripts/tools and their absence is
// a failure) is registered through `unless(reason)`: with a reason it is registered as uvu's
// test.skip — counted in the closing line's `N skipped`, never as passed — and one line
// `SKIPPED <name>: <reason>` is printed. Deciding at registration time, not inside the test body,
// is what makes the count true: an early `return` inside a test is a pass.
import type { Test } from "uvu";

type Handler = Parameters<Test>[1];

/**
 * `unless(test, reason)(name, fn)`: registers `fn` as `test(name, fn)` when `reason` is undefined,
 * else as a skipped test and prints `SKIPPED <name>: <reason>` on stdout.
 */
export function unless(test: Test, reason: string | undefined, log: (line: string) => void = (l) => process.stdout.write(`${l}\n`)): (name: string, fn: Handler) => void {
  return (name, fn) => {
    if (reason === undefined) {
      test(name, fn);
      return;
    }
    log(`SKIPPED ${name}: ${reason}`);
    test.skip(name, fn);
  };
}
