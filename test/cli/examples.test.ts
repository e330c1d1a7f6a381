// CI's guarantees about the example stacks, through the real CLI: out/ is exactly what
// stacks/ compiles to (stackc verify) and the policy gate is clean (stackc check).
import { test } from "uvu";
import * as assert from "uvu/assert";
import { runCli } from "../helpers/cli.js";
import { repoRoot } from "../helpers/repo.js";

test("stackc verify stacks/: the committed out/ is in sync and nothing was hand-edited", async () => {
  const run = await runCli(["verify", "stacks"], { cwd: repoRoot });
  assert.equal([run.code, run.stdout], [0, "Checked 10 stacks: no problems.\n"], run.stdout);
});

test("stackc check stacks/: clean, with dev's deliberate deviations waived", async () => {
  const run = await runCli(["check", "--now", "2026-11-21", "stacks"], { cwd: repoRoot });
  assert.equal([run.code, run.stdout], [0, "Checked 10 stacks: no problems, 5 waived.\n"], run.stdout);
});

test.run();
