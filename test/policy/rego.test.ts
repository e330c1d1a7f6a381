// The Rego unit tests (`*_test.rego` beside each check) pass under the interpreter, with the
// same capabilities the build uses, and cover every line of every policy.
import { test } from "uvu";
import * as assert from "uvu/assert";
import { importScript, runOpa } from "../helpers/opa.js";
import { repoRoot } from "../helpers/repo.js";

interface InputsModule {
  regoFiles(root: string): { sources: string[]; tests: string[] };
}
const { sources, tests } = (await importScript<InputsModule>("scripts/policy/inputs.mjs")).regoFiles(repoRoot);

test("opa fmt: every .rego is formatted", async () => {
  const r = await runOpa(["fmt", "--list", "--fail", ...sources, ...tests]);
  assert.is(r.stdout.trim(), "", `not formatted: ${r.stdout}`);
  assert.is(r.status, 0, r.stderr);
});

test("opa check --strict passes against policies/capabilities.json", async () => {
  const r = await runOpa(["check", "--strict", "--capabilities", "policies/capabilities.json", ...sources, ...tests]);
  assert.is(r.status, 0, r.stderr + r.stdout);
});

test("opa test: every Rego test passes and coverage is 100%", async () => {
  const r = await runOpa(["test", "--capabilities", "policies/capabilities.json", "--format", "json", ...sources, ...tests]);
  assert.is(r.status, 0, r.stdout + r.stderr);
  const results = JSON.parse(r.stdout) as { name: string; package: string; fail?: boolean; error?: unknown; skip?: boolean }[];
  assert.ok(results.length >= 20, `only ${results.length} Rego tests ran`);
  for (const t of results) assert.ok(!t.fail && !t.error && !t.skip, `${t.package}.${t.name}`);
  // Each check package is exercised by its own test package.
  const packages = new Set(results.map((t) => t.package));
  assert.ok(packages.has("data.stackc.checks.net.stk_net_003_test"));
  assert.ok(packages.has("data.stackc.checks.helm.stk_helm_001_test"));
  assert.ok(packages.has("data.stackc.main_test"));

  const cov = await runOpa(["test", "--capabilities", "policies/capabilities.json", "--coverage", ...sources, ...tests]);
  const report = JSON.parse(cov.stdout) as { coverage: number; files: Record<string, { coverage?: number; not_covered?: unknown[] }> };
  for (const file of sources) {
    assert.ok(report.files[file], `${file} is not covered by any test`);
    assert.equal(report.files[file]!.not_covered ?? [], [], `${file} has uncovered lines`);
  }
});

test.run();
