// The scripts' executable bit, end to end through the CLI: build writes bin/up and bin/down with
// mode 0755 and lists them in the lock file; verify (with the stack cache and without) reports a
// script that lost it; diff shows the mode change; build puts it back. The memory Io keeps modes too.
import { chmodSync, cpSync, mkdtempSync, readFileSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { test } from "uvu";
import * as assert from "uvu/assert";
import { createMemoryIo } from "../../compiler/io/memory-io.js";
import { runCli } from "../helpers/cli.js";
import { repoPath } from "../helpers/repo.js";

const executable = (file: string) => (statSync(file).mode & 0o111) === 0o111;

test("build writes the scripts executable and records them; verify catches a lost bit; build restores it", async () => {
  const dir = mkdtempSync(path.join(tmpdir(), "stackc-exec-"));
  try {
    cpSync(repoPath("stacks"), path.join(dir, "stacks"), { recursive: true });
    const env = { STACKC_CACHE_DIR: path.join(dir, ".cache") };
    const built = await runCli(["build", "stacks/dev.yaml"], { cwd: dir, env });
    assert.is(built.code, 0, built.stderr);
    const up = path.join(dir, "out/dev-eu-west-1/bin/up");
    const down = path.join(dir, "out/dev-eu-west-1/bin/down");
    assert.ok(executable(up) && executable(down));
    assert.is(statSync(path.join(dir, "out/dev-eu-west-1/RUNBOOK.md")).mode & 0o111, 0);
    const lock = JSON.parse(readFileSync(path.join(dir, "out/dev-eu-west-1/stackc.lock.json"), "utf8")) as { executable?: string[]; files: Record<string, string> };
    assert.equal(lock.executable, ["bin/down", "bin/up"]);
    assert.ok(lock.files["bin/up"]?.startsWith("sha256:"));

    assert.is((await runCli(["verify", "stacks/dev.yaml"], { cwd: dir, env })).code, 0);
    chmodSync(up, 0o644);
    for (const flags of [[], ["--no-cache"]]) {
      const v = await runCli(["verify", "stacks/dev.yaml", ...flags], { cwd: dir, env });
      assert.is(v.code, 1, `verify ${flags.join(" ")}: ${v.stdout}${v.stderr}`);
      assert.match(v.stdout + v.stderr, "out/dev-eu-west-1/bin/up is not executable");
      assert.match(v.stdout + v.stderr, "STK-SYNC-001");
    }
    const diff = await runCli(["diff", "stacks/dev.yaml"], { cwd: dir, env });
    assert.match(diff.stdout, "old mode 100644\nnew mode 100755");
    const rebuilt = await runCli(["build", "stacks/dev.yaml"], { cwd: dir, env });
    assert.is(rebuilt.code, 0, rebuilt.stderr);
    assert.ok(executable(up), "build gave bin/up its executable bit back");
    assert.is((await runCli(["verify", "stacks/dev.yaml"], { cwd: dir, env })).code, 0);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test("memory Io: the executable bit is written, copied and renamed with the file", async () => {
  const io = createMemoryIo();
  await io.mkdir("/w/a");
  await io.writeFile("/w/a/run", "x\n", { executable: true });
  await io.writeFile("/w/a/text", "x\n");
  assert.is((await io.stat("/w/a/run"))?.isExecutable, true);
  assert.is((await io.stat("/w/a/text"))?.isExecutable, false);
  await io.copyFile("/w/a/run", "/w/a/copy");
  assert.is((await io.stat("/w/a/copy"))?.isExecutable, true);
  await io.rename("/w/a", "/w/b");
  assert.is((await io.stat("/w/b/run"))?.isExecutable, true);
  await io.writeFile("/w/b/run", "y\n");
  assert.is((await io.stat("/w/b/run"))?.isExecutable, false);
});

test.run();
