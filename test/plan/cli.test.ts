// stackc plan, check and build against a baseline, end to end through the CLI: formats, exit
// codes, refused changes, acknowledgements, --baseline <git-ref> in a real repository, and the
// golden markdown/json plans of the example stacks after a realistic change.
import { execFileSync } from "node:child_process";
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { test } from "uvu";
import * as assert from "uvu/assert";
import { runCli } from "../helpers/cli.js";
import { repoPath } from "../helpers/repo.js";

const GOLDEN = repoPath("test", "fixtures", "plan", "golden");

function workspace(): string {
  const dir = mkdtempSync(path.join(tmpdir(), "stackc-plan-cli-"));
  cpSync(repoPath("stacks"), path.join(dir, "stacks"), { recursive: true });
  return dir;
}

function replaceIn(file: string, from: string, to: string): void {
  const text = readFileSync(file, "utf8");
  assert.ok(text.includes(from), `${from} not in ${file}`);
  writeFileSync(file, text.replace(from, to));
}

/** dev built at Kubernetes 1.35.5, then the manifest as committed plus an add-on bump and a node group. */
async function devUpgrade(): Promise<string> {
  const dir = workspace();
  const dev = path.join(dir, "stacks", "dev.yaml");
  replaceIn(dev, "kubernetesVersion: 1.36.1", "kubernetesVersion: 1.35.5");
  const built = await runCli(["build", "stacks", "--now", "2026-12-01"], { cwd: dir });
  assert.is(built.code, 0, built.stdout + built.stderr);
  replaceIn(dev, "kubernetesVersion: 1.35.5", "kubernetesVersion: 1.36.1");
  replaceIn(dev, "    kubePrometheusStack: { retention: 3d, storageSize: 20Gi }\n", "    kubePrometheusStack: { retention: 3d, storageSize: 20Gi }\n    metricsServer: { version: 3.13.2 }\n");
  replaceIn(dev, "        labels: { capacity: spot }\n", "        labels: { capacity: spot }\n      - name: batch\n        machineType: c6i.2xlarge\n        min: 0\n        max: 4\n        labels: { workload: batch }\n");
  return dir;
}

function golden(name: string, actual: string): void {
  const file = path.join(GOLDEN, name);
  if (process.env.UPDATE_GOLDEN === "1") {
    mkdirSync(GOLDEN, { recursive: true });
    writeFileSync(file, actual);
  }
  assert.ok(existsSync(file), `missing golden ${file} (UPDATE_GOLDEN=1 writes it; review the diff)`);
  assert.fixture(actual, readFileSync(file, "utf8"));
}

test("golden: dev upgraded one minor, an add-on bumped, a node group added — markdown and json", async () => {
  const dir = await devUpgrade();
  const md = await runCli(["plan", "stacks/dev.yaml", "--format", "markdown"], { cwd: dir });
  assert.is(md.code, 0, md.stdout + md.stderr);
  golden("dev-upgrade.md", md.stdout);
  const json = await runCli(["plan", "stacks/dev.yaml", "--format", "json"], { cwd: dir });
  assert.is(json.code, 0);
  golden("dev-upgrade.json", json.stdout);
  const doc = JSON.parse(json.stdout);
  assert.equal(doc.ok, true);
  assert.equal(doc.stacks[0].rollingUpdate.map((r: { group: string }) => r.group), ["control-plane-eu-west-1a", "general", "spot"]);
});

test("text plan: summary first, then each change at its manifest line; --patch adds the file diff", async () => {
  const dir = await devUpgrade();
  const run = await runCli(["plan", "stacks/dev.yaml"], { cwd: dir });
  assert.is(run.code, 0);
  const lines = run.stdout.split("\n");
  assert.equal(lines[0], "Plan for dev-eu-west-1 (stacks/dev.yaml) against out/dev-eu-west-1/stackc.lock.json");
  assert.match(lines[1]!, /^ {2}\d+ changes: 0 destructive, \d+ disruptive, \d+ safe$/);
  assert.match(run.stdout, /disruptive  CHG-K8S-MINOR +kubernetesVersion  stacks\/dev\.yaml:32:24\n/);
  assert.match(run.stdout, /safe +CHG-KOPS-IG-CREATE +instancegroup batch  stacks\/dev\.yaml:\d+:\d+\n/);
  assert.match(run.stdout, "Rolling update: control plane first (control-plane-eu-west-1a), then general, spot\n");
  assert.not.match(run.stdout, "--- a/");
  const patch = await runCli(["plan", "stacks/dev.yaml", "--patch"], { cwd: dir });
  assert.match(patch.stdout, "--- a/out/dev-eu-west-1/kops/cluster.tmpl.yaml\n+++ b/out/dev-eu-west-1/kops/cluster.tmpl.yaml\n");
  assert.match(patch.stdout, "-  kubernetesVersion: 1.35.5\n+  kubernetesVersion: 1.36.1\n");
  assert.not.match(patch.stdout, "a/out/dev-eu-west-1/stackc.lock.json");
});

test("a refused change: plan, check and build exit 1 at the manifest line; build writes nothing; an acknowledgement passes", async () => {
  const dir = workspace();
  assert.is((await runCli(["build", "stacks", "--now", "2026-12-01"], { cwd: dir })).code, 0);
  const base = path.join(dir, "stacks", "base.yaml");
  replaceIn(base, "velero: { version: 12.1.0", "velero: { version: 13.0.0");
  const lock = readFileSync(path.join(dir, "out", "prod-eu-west-1", "stackc.lock.json"), "utf8");
  for (const command of [["plan", "stacks/prod.yaml"], ["check", "stacks/prod.yaml", "--now", "2026-12-01"], ["build", "stacks/prod.yaml", "--now", "2026-12-01"]]) {
    const run = await runCli(command, { cwd: dir });
    assert.is(run.code, 1, command.join(" "));
    assert.match(run.stdout, /stacks\/base\.yaml:\d+:24 - error STK-CHANGE-008: Chart of velero\/velero 12\.1\.0 -> 13\.0\.0 is a major upgrade/);
    assert.match(run.stdout, 'change: "velero/velero 12.1.0 -> 13.0.0"');
  }
  assert.is(readFileSync(path.join(dir, "out", "prod-eu-west-1", "stackc.lock.json"), "utf8"), lock, "build wrote despite the refusal");
  replaceIn(
    path.join(dir, "stacks", "prod.yaml"),
    "  backups:\n",
    "  policy:\n    acknowledgements:\n      - rule: STK-CHANGE-008\n        change: velero/velero 12.1.0 -> 13.0.0\n        reason: Upgrade notes read; CRDs are upgraded by the chart\n  backups:\n",
  );
  const ok = await runCli(["build", "stacks/prod.yaml", "--now", "2026-12-01"], { cwd: dir });
  assert.is(ok.code, 0, ok.stdout);
  // built: the acknowledgement now matches nothing and says so
  const after = await runCli(["check", "stacks/prod.yaml", "--now", "2026-12-01"], { cwd: dir });
  assert.is(after.code, 0);
  assert.match(after.stdout, /warning STK-CHANGE-012: Acknowledgement of STK-CHANGE-008 "velero\/velero 12\.1\.0 -> 13\.0\.0" matches no change from the baseline/);
  assert.is((await runCli(["check", "stacks/prod.yaml", "--now", "2026-12-01", "--fail-on", "warn"], { cwd: dir })).code, 1);
});

test("plan --baseline <ref> reads out/ at that commit (a repository with two commits)", async () => {
  const dir = workspace();
  const git = (...args: string[]) => execFileSync("git", args, { cwd: dir, encoding: "utf8", env: { ...process.env, GIT_AUTHOR_NAME: "t", GIT_AUTHOR_EMAIL: "t@example.com", GIT_COMMITTER_NAME: "t", GIT_COMMITTER_EMAIL: "t@example.com" } });
  git("init", "-q", "-b", "main");
  assert.is((await runCli(["build", "stacks", "--now", "2026-12-01"], { cwd: dir })).code, 0);
  git("add", "-A");
  git("commit", "-q", "-m", "first");
  replaceIn(path.join(dir, "stacks", "prod.yaml"), "kubernetesVersion: 1.35.5", "kubernetesVersion: 1.36.1");
  assert.is((await runCli(["build", "stacks", "--now", "2026-12-01"], { cwd: dir })).code, 0);
  git("commit", "-q", "-am", "second: prod to 1.36");
  // against the working tree (= the second commit's out/) nothing changes
  const here = await runCli(["plan", "stacks/prod.yaml", "--format", "json"], { cwd: dir });
  assert.equal(JSON.parse(here.stdout).stacks[0].summary, { destructive: 0, disruptive: 0, safe: 0 });
  // against the first commit: the upgrade
  const pr = await runCli(["plan", "stacks/prod.yaml", "--format", "json", "--baseline", "HEAD~1"], { cwd: dir });
  assert.is(pr.code, 0, pr.stdout + pr.stderr);
  const doc = JSON.parse(pr.stdout);
  assert.is(doc.stacks[0].baseline, "HEAD~1:out/prod-eu-west-1/stackc.lock.json");
  assert.ok(doc.stacks[0].changes.some((c: { code: string; from: string; to: string }) => c.code === "CHG-K8S-MINOR" && c.from === "1.35.5" && c.to === "1.36.1"));
  // the same from a subdirectory, and a ref that does not exist is a usage error
  const sub = await runCli(["plan", "../stacks/prod.yaml", "-o", "../out", "--format", "json", "--baseline", "HEAD~1"], { cwd: path.join(dir, "stacks") });
  assert.is(JSON.parse(sub.stdout).stacks[0].changes.length, doc.stacks[0].changes.length);
  const bad = await runCli(["plan", "stacks/prod.yaml", "--baseline", "no-such-branch"], { cwd: dir });
  assert.is(bad.code, 2);
  assert.match(bad.stdout, "STK-CHANGE-013");
});

test("a baseline without a change record is a warning, and plan lists everything as new", async () => {
  const dir = workspace();
  assert.is((await runCli(["build", "stacks/dev.yaml", "--now", "2026-12-01"], { cwd: dir })).code, 0);
  const lockFile = path.join(dir, "out", "dev-eu-west-1", "stackc.lock.json");
  const lock = JSON.parse(readFileSync(lockFile, "utf8"));
  delete lock.record;
  writeFileSync(lockFile, `${JSON.stringify(lock, null, 2)}\n`);
  const run = await runCli(["plan", "stacks/dev.yaml"], { cwd: dir });
  assert.is(run.code, 0);
  assert.match(run.stdout, "against no baseline");
  assert.match(run.stdout, "warning STK-CHANGE-013: Baseline of dev-eu-west-1: out/dev-eu-west-1/stackc.lock.json has no change record");
});

test.run();
