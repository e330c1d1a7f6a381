// The allowlist of STK-IAM-001 (policies/lib/iam_upstream.rego) against the policies it vouches
// for: every listed statement is emitted by stackc with exactly the listed actions, on "*",
// without a condition, and (for the load-balancer controller, whose upstream file is transcribed
// byte for byte) is one of upstream's v3.5.0 statements. An entry that drifts from what is emitted
// or from upstream fails here, so the allowlist cannot excuse a statement stackc made up.
import { test } from "uvu";
import * as assert from "uvu/assert";
import { AWS_LOAD_BALANCER_CONTROLLER_PROVENANCE, UPSTREAM_IAM_POLICY } from "../../compiler/addons/iam/aws-load-balancer-controller.js";
import { resolveAddonIam, type IamAddonKey } from "../../compiler/addons/iam/index.js";
import { VELERO_PROVENANCE } from "../../compiler/addons/iam/velero.js";
import { opaEval } from "../helpers/opa.js";
import { repoPath } from "../helpers/repo.js";

interface Entry {
  source: string;
  version: string;
  statements: Record<string, string[]>;
}

const [allowlist] = (await opaEval("data.stackc.lib.iam_upstream.allowlist", [repoPath("policies", "lib", "iam_upstream.rego")], {})) as [Record<string, Entry>];
const CTX = { clusterName: "prod.k8s.example.com", region: "eu-west-1" };
const sorted = (xs: readonly string[]) => [...xs].sort();

test("the allowlist names the add-ons with their upstream source and pinned version", () => {
  assert.equal(Object.keys(allowlist).sort(), ["awsLoadBalancerController", "velero"]);
  assert.is(allowlist.awsLoadBalancerController!.version, AWS_LOAD_BALANCER_CONTROLLER_PROVENANCE.ref);
  assert.ok(allowlist.awsLoadBalancerController!.source.startsWith(AWS_LOAD_BALANCER_CONTROLLER_PROVENANCE.repo));
  assert.ok(allowlist.velero!.source.startsWith(VELERO_PROVENANCE.repo));
  assert.ok(VELERO_PROVENANCE.ref.startsWith(allowlist.velero!.version.split(" ")[0]!));
});

test("every allowlisted statement is emitted verbatim: same actions, Resource \"*\", no condition", () => {
  for (const [addon, entry] of Object.entries(allowlist)) {
    const { statements } = resolveAddonIam(addon as IamAddonKey, CTX);
    for (const [sid, actions] of Object.entries(entry.statements)) {
      const st = statements.find((s) => s.sid === sid);
      assert.ok(st, `${addon} ${sid} is not emitted: remove it from the allowlist`);
      assert.equal(sorted(st!.actions), sorted(actions), `${addon} ${sid}`);
      assert.equal(st!.resources, ["*"], `${addon} ${sid}`);
      assert.is(st!.conditions, undefined, `${addon} ${sid}`);
    }
  }
});

test("the load-balancer controller's allowlisted statements are upstream v3.5.0 statements without a condition", () => {
  const upstream = UPSTREAM_IAM_POLICY.filter((s) => s.Resource === "*" && s.Condition === undefined).map((s) => JSON.stringify(sorted(s.Action)));
  for (const [sid, actions] of Object.entries(allowlist.awsLoadBalancerController!.statements)) {
    assert.ok(upstream.includes(JSON.stringify(sorted(actions))), `${sid} is not an unconditioned upstream statement`);
  }
});

test.run();
