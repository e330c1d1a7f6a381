// `stackc check --dump-policy-input` exports the exact policy input of every stack; conftest (the
// pinned release, installed by scripts/tools/conftest.mjs) evaluating stackc's own Rego catalog
// over those files finds exactly what stackc's wasm evaluation finds — a second, independent
// engine over the same documents. Inputs: the example stacks and a generated fleet (findings on
// the dev stacks, whose waivers are applied later, by stackc, not by the Rego).
import { spawnSync } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { test } from "uvu";
import * as assert from "uvu/assert";
import { createPolicyEngine } from "../../compiler/policy/engine/evaluate.js";
import { runCli } from "../helpers/cli.js";
import { importScript } from "../helpers/opa.js";
import { repoPath, repoRoot } from "../helpers/repo.js";

const tmp = mkdtempSync(path.join(tmpdir(), "stackc-conftest-"));
const fleetTool = await importScript<{ writeFleet(dir: string, count: number): string[] }>("scripts/bench/lib/fleet.mjs");
const conftestTool = await importScript<{ ensure(): Promise<string> }>("scripts/tools/conftest.mjs");

test("--dump-policy-input writes one input per stack (and network), named by stack, with the run's facts", async () => {
  const dir = path.join(tmp, "examples");
  const run = await runCli(["check", "stacks", "--now", "2026-12-01", "--dump-policy-input", dir], { cwd: repoRoot });
  assert.is(run.code, 0, run.stdout + run.stderr);
  assert.equal(readdirSync(dir).sort(), [
    "dev-eu-west-1.json",
    "legacy-staging-euw1.json",
    "prod-ap-southeast-2.json",
    "prod-eu-west-1.json",
    "prod-euw1-blue.json",
    "prod-euw1-green.json",
    "prod-us-east-1.json",
    "shared-prod-euw1.json",
    "staging-eu-west-1.json",
    "staging-euw1-legacy.json",
  ]);
  const network = JSON.parse(readFileSync(path.join(dir, "shared-prod-euw1.json"), "utf8")) as { stack: { kind: string }; model: { kind: string; natZones: string[] } };
  assert.equal([network.stack.kind, network.model.kind, network.model.natZones], ["Network", "Network", ["eu-west-1a", "eu-west-1b", "eu-west-1c"]]);
  const input = JSON.parse(readFileSync(path.join(dir, "prod-eu-west-1.json"), "utf8")) as { facts: { now: string; environment: string }; model: { name: string }; artifacts: Record<string, unknown> };
  assert.is(input.facts.now, "2026-12-01T00:00:00Z");
  assert.is(input.facts.environment, "prod");
  assert.is(input.model.name, "prod-eu-west-1");
  assert.equal(Object.keys(input.artifacts).sort(), ["helmfile", "kops", "terraform"]);
});

test("--dump-policy-input into a path that cannot be a folder: usage error, exit 2", async () => {
  const run = await runCli(["check", "stacks", "--dump-policy-input", repoPath("package.json")], { cwd: repoRoot });
  assert.is(run.code, 2);
  assert.match(run.stderr, /cannot create --dump-policy-input/);
});

test("conftest over the dumped inputs finds exactly what the wasm bundle finds, file by file", async () => {
  const fleetDir = path.join(tmp, "fleet");
  fleetTool.writeFleet(fleetDir, 40);
  const inputs = path.join(tmp, "inputs");
  const run = await runCli(["check", fleetDir, "stacks", "--now", "2026-12-01", "--allow-outside", fleetDir, "--dump-policy-input", inputs], { cwd: repoRoot });
  assert.is(run.code, 0, run.stdout);
  const files = readdirSync(inputs).sort();
  assert.is(files.length, 50, "40 fleet stacks, 8 example stacks, 2 example networks");

  const engine = createPolicyEngine();
  const key = (f: { id: string; path: unknown[] }) => `${f.id} ${f.path.map(String).join("/")}`;
  const expected = new Map<string, { deny: string[]; warn: string[] }>();
  let total = 0;
  for (const file of files) {
    const r = engine.evaluate(JSON.parse(readFileSync(path.join(inputs, file), "utf8")));
    expected.set(file, { deny: r.deny.map(key).sort(), warn: r.warn.map(key).sort() });
    total += r.deny.length + r.warn.length;
  }
  assert.ok(total > 20, `only ${total} findings: the comparison would prove little`);

  const conftest = await conftestTool.ensure();
  const result = spawnSync(
    conftest,
    ["test", "--no-color", "--parser", "json", "--namespace", "stackc.conftest", "--policy", repoPath("policies"), "--policy", repoPath("scripts/bench/lib/conftest-adapter.rego"), "--output", "json", ...files.map((f) => path.join(inputs, f))],
    { encoding: "utf8", maxBuffer: 64 * 1024 * 1024 },
  );
  assert.ok(result.status === 0 || result.status === 1, result.stderr);
  const reports = JSON.parse(result.stdout) as { filename: string; failures?: { msg: string }[]; warnings?: { msg: string }[] }[];
  assert.is(reports.length, files.length);
  for (const report of reports) {
    const want = expected.get(path.basename(report.filename))!;
    assert.equal((report.failures ?? []).map((f) => f.msg).sort(), want.deny, report.filename);
    assert.equal((report.warnings ?? []).map((f) => f.msg).sort(), want.warn, report.filename);
  }
});

test.after(() => rmSync(tmp, { recursive: true, force: true }));
test.run();
