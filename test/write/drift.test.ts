// Drift: build never silently overwrites a hand-edited generated file or deletes a file added
// by hand in out/<stack>/; it names each and writes nothing, `--force` overrides; verify
// reports the same files.
import { appendFileSync, cpSync, existsSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { test } from "uvu";
import * as assert from "uvu/assert";
import { runCli } from "../helpers/cli.js";
import { repoPath } from "../helpers/repo.js";

async function built(): Promise<string> {
  const dir = mkdtempSync(path.join(tmpdir(), "stackc-drift-"));
  cpSync(repoPath("stacks"), path.join(dir, "stacks"), { recursive: true });
  const run = await runCli(["build", "stacks/dev.yaml", "--now", "2026-12-01"], { cwd: dir });
  assert.is(run.code, 0, run.stdout);
  return dir;
}

test("a hand edit in a generated .tf file: build exits 1 naming it and leaves it; --force replaces it", async () => {
  const dir = await built();
  const tf = path.join(dir, "out", "dev-eu-west-1", "terraform", "network.tf");
  const generated = readFileSync(tf, "utf8");
  appendFileSync(tf, '\nresource "aws_eip" "mine" {}\n');
  const edited = readFileSync(tf, "utf8");
  const lock = readFileSync(path.join(dir, "out", "dev-eu-west-1", "stackc.lock.json"), "utf8");

  const run = await runCli(["build", "stacks/dev.yaml", "--now", "2026-12-01"], { cwd: dir });
  assert.is(run.code, 1);
  assert.match(run.stdout, "out/dev-eu-west-1/terraform/network.tf - error STK-SYNC-002: out/dev-eu-west-1/terraform/network.tf was edited by hand; build would overwrite it");
  assert.match(run.stdout, "stackc build --force");
  assert.is(readFileSync(tf, "utf8"), edited, "the edit was overwritten");
  assert.is(readFileSync(path.join(dir, "out", "dev-eu-west-1", "stackc.lock.json"), "utf8"), lock);

  const verify = await runCli(["verify", "stacks/dev.yaml"], { cwd: dir });
  assert.is(verify.code, 1);
  assert.match(verify.stdout, "error STK-SYNC-002: out/dev-eu-west-1/terraform/network.tf was edited by hand");

  const forced = await runCli(["build", "stacks/dev.yaml", "--now", "2026-12-01", "--force"], { cwd: dir });
  assert.is(forced.code, 0, forced.stdout);
  assert.is(readFileSync(tf, "utf8"), generated);
  assert.is((await runCli(["verify", "stacks/dev.yaml"], { cwd: dir })).code, 0);
});

test("a file added next to the generated ones: build refuses to delete it, names it; --force deletes it", async () => {
  const dir = await built();
  const extra = path.join(dir, "out", "dev-eu-west-1", "terraform", "extra.tf");
  writeFileSync(extra, 'output "mine" { value = 1 }\n');
  const run = await runCli(["build", "stacks/dev.yaml", "--now", "2026-12-01"], { cwd: dir });
  assert.is(run.code, 1);
  assert.match(run.stdout, "error STK-SYNC-002: out/dev-eu-west-1/terraform/extra.tf was added by hand; build would delete it");
  assert.ok(existsSync(extra));
  const verify = await runCli(["verify", "stacks/dev.yaml"], { cwd: dir });
  assert.match(verify.stdout, "error STK-SYNC-002: out/dev-eu-west-1/terraform/extra.tf was added by hand");
  assert.is((await runCli(["build", "stacks/dev.yaml", "--now", "2026-12-01", "--force"], { cwd: dir })).code, 0);
  assert.not.ok(existsSync(extra));
});

test("several drifted files are all named at once, and a stale (not edited) output rebuilds without --force", async () => {
  const dir = await built();
  const stackDir = path.join(dir, "out", "dev-eu-west-1");
  appendFileSync(path.join(stackDir, "helmfile", "helmfile.yaml"), "# mine\n");
  writeFileSync(path.join(stackDir, "notes.txt"), "todo\n");
  const run = await runCli(["build", "stacks/dev.yaml", "--now", "2026-12-01", "--format", "json"], { cwd: dir });
  assert.is(run.code, 1);
  const files = JSON.parse(run.stdout).diagnostics.filter((d: { code: string }) => d.code === "STK-SYNC-002").map((d: { file: string }) => d.file);
  assert.equal(files, ["out/dev-eu-west-1/helmfile/helmfile.yaml", "out/dev-eu-west-1/notes.txt"]);
  // undo the drift; a manifest change alone (the files match their lock) needs no --force
  assert.is((await runCli(["build", "stacks/dev.yaml", "--now", "2026-12-01", "--force"], { cwd: dir })).code, 0);
  const dev = path.join(dir, "stacks", "dev.yaml");
  writeFileSync(dev, readFileSync(dev, "utf8").replace("max: 3", "max: 4"));
  const rebuilt = await runCli(["build", "stacks/dev.yaml", "--now", "2026-12-01"], { cwd: dir });
  assert.is(rebuilt.code, 0, rebuilt.stdout);
});

test.run();
