// The library is the gate: `import { build } from "stackc"` refuses what `stackc build` refuses
// — the same findings at the same places — with the catalog alone and with a user rule
// (`policies` / `--policy`); user findings are waivable; building without policies is an
// explicit opt-out that every report shows.
import { cpSync, existsSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { test } from "uvu";
import * as assert from "uvu/assert";
import { build, check, type Diagnostic } from "../../compiler/index.js";
import { runCli } from "../helpers/cli.js";
import { ensureOpa } from "../helpers/opa.js";
import { repoPath, repoRoot } from "../helpers/repo.js";

const NOW = "2026-11-21T12:00:00Z";
const now = new Date(NOW);
const INSECURE = "test/fixtures/insecure/prod.yaml";
const RULES = "test/fixtures/gate/rules";
const opa = await ensureOpa();
const env = { STACKC_OPA: opa };

const tmp = () => mkdtempSync(path.join(os.tmpdir(), "stackc-gate-"));
const active = (ds: readonly Diagnostic[]) => ds.filter((d) => !d.suppressed && d.severity === "error");
const where = (d: Diagnostic) => `${d.code} ${d.file}:${d.range?.start.line}:${d.range?.start.column} ${d.message}`;

async function cliErrors(args: string[], cwd = repoRoot): Promise<{ code: number; errors: string[] }> {
  const run = await runCli([...args, "--format", "json", "--now", NOW], { cwd, env });
  const report = JSON.parse(run.stdout) as { diagnostics: Diagnostic[] };
  return { code: run.code, errors: active(report.diagnostics).map(where) };
}

test("the insecure prod manifest: the library's build refuses with the CLI's errors and writes nothing", async () => {
  const out = tmp();
  // the output folders are outside the repository: allowed explicitly
  const cli = await cliErrors(["build", INSECURE, "--allow-outside", out, "-o", path.join(out, "cli")]);
  const lib = await build([INSECURE], { cwd: repoRoot, outDir: path.join(out, "lib"), allowOutside: [out], now });
  assert.is(cli.code, 1);
  assert.equal(active(lib.diagnostics).map(where), cli.errors);
  assert.equal(
    active(lib.diagnostics).map((d) => d.code),
    ["STK-NET-005", "STK-NET-003", "STK-K8S-001", "STK-BKP-001"],
  );
  assert.is(lib.policyGate, "enforced");
  assert.equal(lib.written, []);
  assert.not.ok(existsSync(path.join(out, "lib")));
  assert.not.ok(existsSync(path.join(out, "cli")));
});

test("with a user rule (policies / --policy) both refuse with the catalog's errors and the user's", async () => {
  const out = tmp();
  const cli = await cliErrors(["build", INSECURE, "--policy", RULES, "--allow-outside", out, "-o", path.join(out, "cli")]);
  const lib = await build([INSECURE], { cwd: repoRoot, outDir: path.join(out, "lib"), allowOutside: [out], now, policies: [RULES], env });
  assert.is(cli.code, 1);
  assert.equal(active(lib.diagnostics).map(where), cli.errors);
  const user = active(lib.diagnostics).filter((d) => d.code.startsWith("USER-"));
  assert.equal(user.map(where), [
    `USER-gate-deny_compliance_tag ${INSECURE}:9:9 every stack carries a compliance tag (organisation rule)`,
    `USER-gate-deny_public_api ${INSECURE}:38:21 the Kubernetes API load balancer must not be public (organisation rule)`,
  ]);
  assert.equal(lib.written, []);
  assert.not.ok(existsSync(path.join(out, "lib")));
});

function workspace(waiver?: string): string {
  const dir = tmp();
  cpSync(repoPath("stacks"), path.join(dir, "stacks"), { recursive: true });
  if (waiver) {
    const file = path.join(dir, "stacks", "prod.yaml");
    const text = readFileSync(file, "utf8");
    assert.ok(text.includes("\nspec:\n"));
    writeFileSync(file, text.replace("\nspec:\n", `\nspec:\n  policy:\n    waivers:\n      - ${waiver}\n`));
  }
  return dir;
}

test("a user finding blocks build like a catalog finding, and a waiver for its USER- code lets it through", async () => {
  const refused = await build(["stacks/prod.yaml"], { cwd: workspace(), now, policies: [repoPath(RULES)], env });
  assert.equal(active(refused.diagnostics).map((d) => d.code), ["USER-gate-deny_compliance_tag"]);
  assert.equal(refused.written, []);

  const waived = workspace("{ rule: USER-gate-deny_compliance_tag, reason: Compliance scope is tagged by the account, expires: 2027-01-31 }");
  const passed = await build(["stacks/prod.yaml"], { cwd: waived, now, policies: [repoPath(RULES)], env });
  assert.equal(active(passed.diagnostics), []);
  const suppressed = passed.diagnostics.filter((d) => d.suppressed);
  assert.ok(suppressed.some((d) => d.code === "USER-gate-deny_compliance_tag" && d.suppressed?.justification === "Compliance scope is tagged by the account"));
  assert.equal(passed.written, ["prod-eu-west-1"]);

  // the CLI agrees
  const cli = await runCli(["build", "stacks/prod.yaml", "--policy", repoPath(RULES), "--now", NOW, "-o", "out2"], { cwd: waived, env });
  assert.is(cli.code, 0, cli.stdout + cli.stderr);

  // without the user policy in the run, its waiver can be neither used nor refuted: no finding about it
  const without = await check(["stacks/prod.yaml"], { cwd: waived, now });
  assert.equal(without.diagnostics.filter((d) => d.code.startsWith("STK-POLICY-")), []);

  // an expired USER- waiver is an error like any other
  const expired = workspace("{ rule: USER-gate-deny_compliance_tag, reason: Compliance scope was tagged by the account until January, expires: 2026-01-31 }");
  const late = await check(["stacks/prod.yaml"], { cwd: expired, now, policies: [repoPath(RULES)], env });
  assert.equal(active(late.diagnostics).map((d) => d.code).sort(), ["STK-POLICY-001", "USER-gate-deny_compliance_tag"]);
});

test("building without policies is explicit and visible: skipPolicies writes, and says so with STK-POLICY-006", async () => {
  const out = tmp();
  // the output folder is outside the repository: allowed explicitly
  const lib = await build([INSECURE], { cwd: repoRoot, outDir: out, allowOutside: [out], now, skipPolicies: true });
  assert.is(lib.policyGate, "skipped");
  assert.equal(lib.written, ["prod-eu-west-1"]);
  assert.equal(lib.diagnostics.map((d) => [d.code, d.severity]), [["STK-POLICY-006", "warning"]]);

  const cli = await runCli(["build", INSECURE, "--skip-policies", "--allow-outside", out, "-o", path.join(out, "cli")], { cwd: repoRoot, env });
  assert.is(cli.code, 0);
  assert.match(cli.stdout, /warning STK-POLICY-006: Built without the policy gate/);
  const strict = await runCli(["build", INSECURE, "--skip-policies", "--fail-on", "warn", "--allow-outside", out, "-o", path.join(out, "strict")], { cwd: repoRoot, env });
  assert.is(strict.code, 1);

  const both = await runCli(["build", INSECURE, "--skip-policies", "--policy", RULES], { cwd: repoRoot, env });
  assert.is(both.code, 2);
  assert.match(both.stderr, /--skip-policies and --policy contradict each other/);
});

test.run();
