// checkov 3.3.30 (scripts/tools/checkov.mjs) over every example stack's Terraform, offline, in
// one invocation (test/scanners/checkov-scan.ts builds the tree). The gate: every failing check
// is either fixed or listed, with its reason, in policies/scanners/checkov-exceptions.yaml;
// listed exceptions that no longer fail are stale and fail too; planted insecure resources fail
// it; and the catalog's Checkov equivalents (each rule's METADATA, shown in docs/policies.md and
// by stackc explain) are exactly what checkov reports on the rule's fixtures.
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { test } from "uvu";
import * as assert from "uvu/assert";
import { loadRules } from "../../compiler/policy/catalog/rules.js";
import { importScript } from "../helpers/opa.js";
import { bundleDir } from "../policy/pipeline.js";
import {
  covers,
  EXCEPTIONS_FILE,
  loadCandidates,
  loadExceptions,
  publishedEquivalents,
  observedEquivalents,
  PLANTED_RESOURCES,
  prepareTree,
  runCheckov,
  stackOf,
  type Failure,
} from "./checkov-scan.js";

const tool = await importScript<{ ensure(): Promise<string>; CHECKOV_VERSION: string }>("scripts/tools/checkov.mjs");
const bin = await tool.ensure();
const tmp = mkdtempSync(path.join(os.tmpdir(), "stackc-checkov-"));
const { stacks, fixtures } = await prepareTree(tmp);
const { failures } = await runCheckov(bin, tmp);
rmSync(tmp, { recursive: true, force: true });
const exceptions = loadExceptions();
const show = (f: Failure) => `${f.check} ${f.resource} (${f.file}:${f.line})`;

test("the scan covered every example stack's modules and every fixture", () => {
  // the example stacks and the example networks (kind: Network: their own root module and bootstrap)
  assert.equal(stacks, [
    "dev-eu-west-1",
    "legacy-staging-euw1",
    "prod-ap-southeast-2",
    "prod-eu-west-1",
    "prod-euw1-blue",
    "prod-euw1-green",
    "prod-us-east-1",
    "shared-prod-euw1",
    "staging-eu-west-1",
    "staging-euw1-legacy",
  ]);
  assert.ok(fixtures.length >= 34, `${fixtures.length} fixtures`);
  // not vacuous: checkov did report on the stacks (deliberate cases) and the fixtures
  assert.ok(failures.some((f) => f.folder.startsWith("stacks/")));
  assert.ok(failures.some((f) => f.folder.startsWith("fixtures/")));
});

test(`every check failing on an example stack is listed with its reason in ${EXCEPTIONS_FILE}`, () => {
  const onStacks = failures.filter((f) => stackOf(f.folder) !== undefined);
  const unlisted = onStacks.filter((f) => !exceptions.some((e) => covers(e, f)));
  assert.equal(unlisted.map(show), [], "fix these in the emitter, or list them with a reason");
});

test("every listed exception still fails somewhere (no stale entries) and says why", () => {
  const onStacks = failures.filter((f) => stackOf(f.folder) !== undefined);
  for (const e of exceptions) {
    assert.match(e.check, /^CKV2?_AWS_\d+$/);
    assert.ok(e.why.trim().length >= 40, `${e.check}: the reason must say why`);
    for (const resource of e.resources) {
      const one = { ...e, resources: [resource] };
      assert.ok(onStacks.some((f) => covers(one, f)), `${e.check} ${resource}${e.stacks ? ` (${e.stacks.join(", ")})` : ""} no longer fails: remove it`);
    }
    for (const stack of e.stacks ?? []) assert.ok(stacks.includes(stack), `${e.check}: unknown stack ${stack}`);
  }
});

test("a planted bucket without encryption and an IAM write on * make the gate fail", () => {
  const planted = failures.filter((f) => f.folder === "planted/terraform");
  // the rest of the copied prod module fails exactly as prod does
  const prod = failures.filter((f) => f.folder === "stacks/prod-eu-west-1/terraform").map((f) => `${f.check} ${f.resource}`);
  assert.equal(planted.filter((f) => !PLANTED_RESOURCES.includes(f.resource)).map((f) => `${f.check} ${f.resource}`), prod);
  // the planted resources fail, and no exception covers them (as if planted in a real stack)
  const asStack = planted.filter((f) => PLANTED_RESOURCES.includes(f.resource)).map((f) => ({ ...f, folder: "stacks/prod-eu-west-1/terraform" }));
  const checks = new Set(asStack.map((f) => `${f.check} ${f.resource}`));
  assert.ok(checks.has("CKV_AWS_145 aws_s3_bucket.planted"), [...checks].join(", "));
  assert.ok(checks.has("CKV_AWS_111 aws_iam_policy_document.planted"), [...checks].join(", "));
  assert.equal(asStack.filter((f) => exceptions.some((e) => covers(e, f))).map(show), []);
});

test("the catalog's Checkov equivalents (METADATA, docs/policies.md) are what checkov reports on the fixtures", () => {
  const observed = publishedEquivalents(observedEquivalents(failures, fixtures), loadCandidates());
  const declared = Object.fromEntries(loadRules(bundleDir).map((r) => [r.id, [...(r.scanners.checkov ?? [])].sort()]).sort(([a], [b]) => String(a).localeCompare(String(b))));
  assert.equal(declared, observed, "regenerate: npm run build && node scripts/scanners/checkov-equivalents.mjs");
  // not vacuous: several rules do have an equivalent that fires on their fixture
  assert.ok(Object.values(observed).filter((ids) => ids.length > 0).length >= 5);
});

test.run();
