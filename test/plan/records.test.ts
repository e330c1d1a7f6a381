// The change record and the force-new table: every resource type the example stacks emit has a
// table entry with its documentation source, and the rule a manifest cannot reach today (an
// IRSA policy removed while its add-on stays installed) is checked on records directly.
import { test } from "uvu";
import * as assert from "uvu/assert";
import { compile } from "../../compiler/compile/compile.js";
import { forceNewTable } from "../../compiler/plan/force-new.js";
import { planStack } from "../../compiler/plan/plan.js";
import type { ChangeRecord } from "../../compiler/plan/record.js";
import { repoPath } from "../helpers/repo.js";
import { BASE, baselineRecord } from "./support.js";

test("every Terraform resource type the example stacks emit is in the force-new table, with its source", async () => {
  const result = await compile(["stacks"], { cwd: repoPath(), emit: true });
  const types = new Set<string>();
  // networks have no change record (their Terraform is planned by terraform itself)
  for (const stack of result.stacks) for (const module of Object.values(stack.record?.terraform ?? {})) for (const r of Object.values(module)) types.add(r.type);
  assert.ok(types.size >= 20, `only ${types.size} types`);
  for (const type of types) {
    const entry = forceNewTable[type];
    assert.ok(entry, `${type} has no force-new entry`);
    assert.match(entry!.source, /^https:\/\/registry\.terraform\.io\/providers\/hashicorp\/aws\/5\.100\.0\/docs\/resources\/[a-z0-9_]+$/);
    assert.ok(entry!.source.endsWith(`/${type.replace(/^aws_/, "")}`), `${type} source names another resource`);
  }
});

test("the record is byte-identical across compiles and holds what the rules need", async () => {
  const a = await baselineRecord(BASE);
  const result = await compile(["test/fixtures/plan/base.yaml"], { cwd: repoPath(), emit: true });
  const b = result.stacks[0]!.record!;
  assert.equal(JSON.stringify(b), JSON.stringify(a));
  assert.equal(a.kubernetesVersion, "1.35.5");
  assert.equal(a.zones, ["eu-west-1a", "eu-west-1b", "eu-west-1c"]);
  assert.equal(a.etcd.main, { a: "control-plane-eu-west-1a", b: "control-plane-eu-west-1b", c: "control-plane-eu-west-1c" });
  assert.equal(a.terraform.terraform!["aws_vpc.this"]!.forceNew, { cidr_block: "10.40.0.0/16" });
  assert.equal(a.helm["velero/velero"]!.version, "12.1.0");
  assert.equal(a.addons.velero, { release: "velero/velero", installed: true });
});

test("STK-CHANGE-011: an IRSA policy removed while its add-on stays installed", async () => {
  const before = await baselineRecord(BASE);
  const after: ChangeRecord = JSON.parse(JSON.stringify(before));
  delete after.terraform.terraform!["aws_iam_policy.irsa_external_dns"];
  const plan = planStack({ file: "stack.yaml", name: "plan-base", baseline: before, current: after });
  assert.equal(plan.diagnostics.map((d) => [d.code, d.pointer, d.data?.change]), [["STK-CHANGE-011", "/spec/addons/externalDns", "terraform/aws_iam_policy.irsa_external_dns"]]);
  // and not when the add-on is uninstalled with it
  after.addons.externalDns = { release: after.addons.externalDns!.release, installed: false };
  assert.equal(planStack({ file: "stack.yaml", name: "plan-base", baseline: before, current: after }).diagnostics, []);
});

test("a plan is deterministic: the same inputs give the same changes in the same order", async () => {
  const before = await baselineRecord(BASE);
  const after = await baselineRecord(BASE.replace("cidr: 10.40.0.0/16", "cidr: 10.41.0.0/16").replace("access: [10.40.0.0/16]", "access: [10.41.0.0/16]"));
  const one = planStack({ file: "s", name: "n", baseline: before, current: after });
  const two = planStack({ file: "s", name: "n", baseline: JSON.parse(JSON.stringify(before)), current: JSON.parse(JSON.stringify(after)) });
  assert.equal(JSON.stringify(two), JSON.stringify(one));
  assert.ok(one.changes.length > 20);
});

test.run();
