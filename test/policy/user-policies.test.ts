// User policies (--policy): conftest's rule names in any package, string or {msg, path}
// results, stable USER-<package>-<rule> codes, located findings; a prebuilt bundle.tar.gz
// works without opa; without opa a directory is a clear usage error.
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { test } from "uvu";
import * as assert from "uvu/assert";
import { UserPolicyError, declaredRules, loadUserPolicies } from "../../compiler/policy/user/user-policies.js";
import { runCli } from "../helpers/cli.js";
import { ensureOpa, runOpa } from "../helpers/opa.js";
import { repoPath } from "../helpers/repo.js";
import { checkFolder } from "./pipeline.js";

const fixture = repoPath("test", "fixtures", "policy", "user");
const opa = await ensureOpa();

test("rule discovery: conftest names with suffixes, one package per file, helpers ignored", () => {
  assert.equal(declaredRules("package a.b\n\ndeny contains x if true\nwarn_x contains y if true\nviolation[m] { true }\ndeny_count := 3\ndenyall contains 1 if true\n"), [
    { package: "a.b", rule: "deny" },
    { package: "a.b", rule: "violation" },
    { package: "a.b", rule: "warn_x" },
  ]);
  assert.equal(declaredRules("deny contains x if true\n"), []);
});

test("a directory is compiled with opa into entrypoints with stable codes", () => {
  const [p] = loadUserPolicies(["policies"], { cwd: fixture, opa });
  assert.equal(
    p!.entrypoints.map((e) => [e.entrypoint, e.code, e.severity]),
    [
      ["acme/tags/violation_team", "USER-acme.tags-violation_team", "error"],
      ["main/deny", "USER-main-deny", "error"],
      ["main/violation_region", "USER-main-violation_region", "error"],
      ["main/warn_capacity", "USER-main-warn_capacity", "warning"],
    ],
  );
});

test("user findings go through the pipeline, located, beside the catalog's", async () => {
  const policies = loadUserPolicies(["policies"], { cwd: fixture, opa });
  const result = await checkFolder(fixture, policies);
  const user = result.diagnostics.filter((d) => d.code.startsWith("USER-"));
  assert.equal(
    user.map((d) => [d.code, d.severity, d.file, d.range?.start.line, d.range?.start.column, d.message]).sort(),
    [
      // spec.tags is absent: located at the nearest ancestor that exists (spec)
      ["USER-acme.tags-violation_team", "error", "stack.yaml", 7, 1, "spec.tags must name the team"],
      ["USER-main-deny", "error", "stack.yaml", 3, 1, "prod stacks must name an owner (metadata.owner)"],
      ["USER-main-warn_capacity", "warning", "stack.yaml", 11, 14, "node group general can only grow to 6 nodes"],
    ],
  );
  assert.equal(user.find((d) => d.code === "USER-main-warn_capacity")!.data, { package: "main", rule: "warn_capacity", max: 6 });
  // violation_region is silent (eu-west-1); no catalog rule fires on this stack
  assert.equal(result.diagnostics.filter((d) => !d.code.startsWith("USER-")), []);
});

test("malformed results are reported as STK-POLICY-004, not dropped", async () => {
  const policies = loadUserPolicies(["malformed"], { cwd: fixture, opa });
  const result = await checkFolder(fixture, policies);
  const bad = result.diagnostics.filter((d) => d.code === "STK-POLICY-004");
  assert.is(bad.length, 2);
  assert.ok(bad.every((d) => d.severity === "error" && d.file === "stack.yaml"));
});

test("a prebuilt bundle.tar.gz needs no opa at check time", async () => {
  const tmp = mkdtempSync(path.join(os.tmpdir(), "stackc-user-bundle-"));
  try {
    const out = path.join(tmp, "bundle.tar.gz");
    const r = await runOpa(["build", "-t", "wasm", "-e", "main/deny", "-e", "main/warn_capacity", "-o", out, "policies/main.rego"], { cwd: fixture });
    assert.is(r.status, 0, r.stderr);
    const [p] = loadUserPolicies([out], { cwd: fixture, opa: null });
    assert.equal(p!.entrypoints.map((e) => e.code), ["USER-main-deny", "USER-main-warn_capacity"]);
    const result = await checkFolder(fixture, [p!]);
    assert.equal(result.diagnostics.map((d) => d.code).sort(), ["USER-main-deny", "USER-main-warn_capacity"]);
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
});

test("without opa a directory is a usage error that names both ways out", () => {
  assert.throws(
    () => loadUserPolicies(["policies"], { cwd: fixture, opa: null }),
    (e: unknown) => e instanceof UserPolicyError && /needs opa/.test(e.message) && /bundle\.tar\.gz/.test(e.message),
  );
  assert.throws(() => loadUserPolicies(["nope"], { cwd: fixture, opa }), (e: unknown) => e instanceof UserPolicyError && /no such file/.test(e.message));
});

test("CLI: --policy findings set the exit code; unusable --policy exits 2", async () => {
  const ok = await runCli(["check", "stack.yaml", "--policy", "policies", "--now", "2026-11-21", "-f", "json"], { cwd: fixture, env: { STACKC_OPA: opa } });
  assert.is(ok.code, 1, ok.stderr);
  assert.equal((JSON.parse(ok.stdout) as { summary: { errors: number; warnings: number } }).summary, { errors: 2, warnings: 1, infos: 0, waived: 0 });
  const none = await runCli(["check", "stack.yaml", "--policy", "policies"], { cwd: fixture, env: { STACKC_OPA: "/nonexistent/opa" } });
  assert.is(none.code, 2);
  assert.match(none.stderr, /compiling Rego needs opa/);
  const broken = await runCli(["check", "stack.yaml", "--policy", "../STK-NET-001"], { cwd: fixture, env: { STACKC_OPA: opa } });
  assert.is(broken.code, 2);
  assert.match(broken.stderr, /no \.rego files/);
});

test.run();
