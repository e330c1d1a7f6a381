// docs/policies.md is generated from the catalog: stale docs fail here. And `stackc explain`
// describes catalog rules and registered codes.
import { readFileSync } from "node:fs";
import { test } from "uvu";
import * as assert from "uvu/assert";
import { codes } from "../../compiler/diagnostics/codes.js";
import { renderPoliciesDoc } from "../../compiler/policy/catalog/docs.js";
import { explainText, findExplanation } from "../../compiler/policy/catalog/explain.js";
import { loadRules } from "../../compiler/policy/catalog/rules.js";
import { runCli } from "../helpers/cli.js";
import { repoPath, repoRoot } from "../helpers/repo.js";

const rules = loadRules(repoPath("policies", "bundle"));

test("docs/policies.md is up to date (node scripts/policy/docs.mjs regenerates it)", () => {
  assert.is(readFileSync(repoPath("docs", "policies.md"), "utf8"), renderPoliciesDoc(rules, codes), "docs/policies.md is stale: run npx tsc -p tsconfig.json && node scripts/policy/docs.mjs");
});

test("the docs name every rule with its severity, and the supported Kubernetes window", () => {
  const doc = renderPoliciesDoc(rules, codes);
  for (const r of rules) {
    assert.ok(doc.includes(`| [${r.id}](#${r.id.toLowerCase()}) | ${r.severity} |`), r.id);
    assert.ok(doc.includes(`### ${r.id}\n`), r.id);
  }
  assert.match(doc, /1\.31\.0 ≤ version < 1\.37\.0/);
});

test("explain: a catalog rule has its severity, rationale, fix and scanner equivalents", () => {
  const e = findExplanation("stk-net-003", rules, codes)!;
  assert.is(e.kind, "policy");
  const text = explainText(e);
  assert.match(text, /^STK-NET-003: Kubernetes API must not be open to the whole internet\n/);
  assert.match(text, /Severity: deny \(fails the gate\) \(security severity 9\.0\)/);
  assert.match(text, /How to fix:\n  Replace the entry/);
  // CKV_AWS_38 targets EKS: it never fires on stackc's output, so it is not listed (only checks
  // checkov fails on the rule's fixture are)
  assert.not.match(text, /Checkov/);
  assert.match(text, /Trivy: AVD-AWS-0041/);
  const s3 = explainText(findExplanation("STK-S3-001", rules, codes)!);
  assert.match(s3, /Checkov: CKV_AWS_145\n/);
});

test("explain: registered non-policy codes too; unknown ids are a usage error with a suggestion", async () => {
  const out = await runCli(["explain", "STK-POLICY-001"], { cwd: repoRoot });
  assert.is(out.code, 0);
  assert.match(out.stdout, /^STK-POLICY-001: Expired waiver\n\nSeverity: error/);
  const json = await runCli(["explain", "STK-K8S-004", "--format", "json"], { cwd: repoRoot });
  const parsed = JSON.parse(json.stdout) as { severity: string; notes: string[] };
  assert.is(parsed.severity, "deny");
  assert.ok(parsed.notes.some((n) => n.includes("1.35 2027-02-28")));
  const bad = await runCli(["explain", "STK-NET-03"], { cwd: repoRoot });
  assert.is(bad.code, 2);
  assert.match(bad.stderr, /did you mean STK-NET-003\?/);
});

test.run();
