// The suite's own runner (scripts/testing/runner.mjs, used by scripts/test.mjs) on fixture files
// whose outcomes are known: each file's counts are exact, a file that throws at load, crashes or
// hangs is ONE failure with its reason, beside the other files' counts, and skips are counted as
// skipped — never as passed.
import path from "node:path";
import { test } from "uvu";
import * as assert from "uvu/assert";
import { importScript } from "../helpers/opa.js";
import { repoPath } from "../helpers/repo.js";
import { unless } from "../helpers/skip.js";

interface FileResult {
  file: string;
  passed: number;
  failed: number;
  skipped: number;
  problem?: string;
  output: string;
}
interface Runner {
  runFiles(
    files: string[],
    options?: { concurrency?: number; timeoutMs?: number },
  ): Promise<{ results: FileResult[]; passed: number; failed: number; skipped: number }>;
  closingLine(counts: { passed: number; failed: number; skipped: number }): string;
  findTestFiles(dir: string, pattern?: RegExp): string[];
}

const runner = await importScript<Runner>("scripts/testing/runner.mjs");
const fixture = (name: string) => repoPath("test", "fixtures", "runner", `${name}.fixture.mjs`);
const counts = (r: FileResult) => ({ passed: r.passed, failed: r.failed, skipped: r.skipped });

test("a passing, a failing, a throwing-at-load and a skipping file: exact counts each, summed", async () => {
  const run = await runner.runFiles(["passing", "failing", "throws-at-load", "skipping"].map(fixture), { concurrency: 2, timeoutMs: 120_000 });
  const [passing, failing, throwing, skipping] = run.results as [FileResult, FileResult, FileResult, FileResult];
  assert.equal(counts(passing), { passed: 3, failed: 0, skipped: 0 });
  assert.is(passing.problem, undefined);
  assert.equal(counts(failing), { passed: 1, failed: 2, skipped: 0 });
  assert.is(failing.problem, undefined);
  assert.match(failing.output, "boom");
  assert.equal(counts(throwing), { passed: 0, failed: 1, skipped: 0 });
  assert.match(throwing.problem ?? "", "exited with status 1 before reporting its tests");
  assert.match(throwing.output, "broken at load");
  assert.equal(counts(skipping), { passed: 2, failed: 0, skipped: 2 });
  assert.equal({ passed: run.passed, failed: run.failed, skipped: run.skipped }, { passed: 6, failed: 3, skipped: 2 });
  assert.is(runner.closingLine(run), "6 passed, 3 failed, 2 skipped");
});

test("a crash after the tests passed, and an exit in the middle of them, are failures of that file", async () => {
  const run = await runner.runFiles([fixture("crashes-after"), fixture("crashes-mid"), fixture("passing")], { concurrency: 1, timeoutMs: 120_000 });
  const [after, mid, passing] = run.results as [FileResult, FileResult, FileResult];
  assert.equal(counts(after), { passed: 1, failed: 1, skipped: 0 });
  assert.match(after.problem ?? "", "exited with status 1 after its tests passed");
  assert.equal(counts(mid), { passed: 0, failed: 1, skipped: 0 });
  assert.match(mid.problem ?? "", "exited with status 7 before reporting its tests");
  assert.equal(counts(passing), { passed: 3, failed: 0, skipped: 0 });
});

test("a file that hangs is killed at its timeout and counted as one failure beside its own counts", async () => {
  // the timeout is the hang guard under test, not a speed check: the fixture never exits
  const run = await runner.runFiles([fixture("hangs")], { timeoutMs: 3_000 });
  const [hangs] = run.results as [FileResult];
  assert.equal(counts(hangs), { passed: 1, failed: 1, skipped: 0 });
  assert.match(hangs.problem ?? "", /^timed out after 3s after its tests ran \(1 passed, 0 failed\); killed$/);
});

test("test files are found recursively under dist/test, sorted, and the fixtures are not among them", () => {
  const files = runner.findTestFiles(repoPath("dist", "test"));
  assert.ok(files.length > 50);
  assert.equal(files, [...files].sort());
  assert.ok(files.every((f) => f.endsWith(".test.js")));
  assert.ok(files.some((f) => f.endsWith("runner.test.js")));
  assert.not.ok(files.some((f) => f.includes(`${path.sep}fixtures${path.sep}`) || f.endsWith(".fixture.mjs")));
});

test("unless(): no reason registers the test; a reason prints SKIPPED and registers it as skipped", () => {
  const registered: string[] = [];
  const fake = Object.assign((name: string) => registered.push(`test ${name}`), { skip: (name: string) => registered.push(`skip ${name}`) });
  const lines: string[] = [];
  unless(fake as never, undefined, (l) => lines.push(l))("a", () => undefined);
  unless(fake as never, "terraform not installed", (l) => lines.push(l))("b", () => undefined);
  assert.equal(registered, ["test a", "skip b"]);
  assert.equal(lines, ["SKIPPED b: terraform not installed"]);
});

test.run();
