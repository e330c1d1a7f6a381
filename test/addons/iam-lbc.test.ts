// Fingerprint of the AWS Load Balancer Controller policy against upstream, so an accidental edit
// (a dropped action, a reordered statement, a changed condition) fails here.
//
// Upstream: kubernetes-sigs/aws-load-balancer-controller docs/install/iam_policy.json at the v3.5.0
// tag (commit 11eb202c97e4ae2ee45e0658c4cde9a4b59f33d4), the release of the pinned chart 3.5.0.
// That file is 8,955 bytes, sha256
// 16f232c9d9f79366fe949c4550ad517a202380058a9e48d45a4e215044a20a6a, git blob
// 761d0e733c41089c91ea009dd29faf71918085e5; upstream formats it as JSON.stringify(…, null, 4) plus a
// trailing newline, so serialising our transcription the same way must give the same bytes.
// Re-transcribing from a newer tag means updating these numbers on purpose.
import { createHash } from "node:crypto";
import { test } from "uvu";
import * as assert from "uvu/assert";
import { UPSTREAM_IAM_POLICY } from "../../compiler/addons/iam/aws-load-balancer-controller.js";
import { resolveAddonIam, type IamContext } from "../../compiler/addons/iam/index.js";

const PROD: IamContext = { clusterName: "prod.k8s.example.com", region: "eu-west-1" };
const UPSTREAM_SHA256 = "16f232c9d9f79366fe949c4550ad517a202380058a9e48d45a4e215044a20a6a";

function upstreamText(): string {
  return `${JSON.stringify({ Version: "2012-10-17", Statement: UPSTREAM_IAM_POLICY }, null, 4)}\n`;
}

test("the transcription serialises to upstream's exact bytes", () => {
  const text = upstreamText();
  assert.is(text.length, 8955);
  assert.is(createHash("sha256").update(text).digest("hex"), UPSTREAM_SHA256);
});

test("16 statements, 86 actions, in upstream's order", () => {
  const { statements, managedPolicyArns } = resolveAddonIam("awsLoadBalancerController", PROD);
  assert.equal(managedPolicyArns, []);
  assert.is(statements.length, 16);
  assert.equal(
    statements.map((s) => s.actions.length),
    [1, 29, 17, 2, 1, 1, 2, 3, 2, 4, 2, 2, 11, 1, 2, 6],
  );
  assert.is(statements.flatMap((s) => s.actions).length, 86);
  // the first and last actions of the big describe statement, as upstream lists them
  assert.is(statements[1]?.actions[0], "ec2:DescribeAccountAttributes");
  assert.is(statements[1]?.actions[28], "elasticloadbalancing:DescribeCapacityReservation");
  // v3.5.0 moved ModifyIpPools out of the unconditioned describe statement (it is a write) into
  // the statement conditioned on the controller's cluster tag
  assert.not.ok(statements[1]?.actions.includes("elasticloadbalancing:ModifyIpPools"));
  assert.is(statements[12]?.actions[10], "elasticloadbalancing:ModifyIpPools");
  assert.ok(statements[12]?.conditions?.length);
});

test("conditions are carried over, one IamCondition per operator and key", () => {
  const { statements } = resolveAddonIam("awsLoadBalancerController", PROD);
  const conditioned = statements.filter((s) => s.conditions !== undefined).map((s) => s.sid);
  assert.equal(conditioned, [
    "CreateElbServiceLinkedRole",
    "TagNewSecurityGroup",
    "RetagOwnedSecurityGroup",
    "ManageOwnedSecurityGroup",
    "CreateTaggedLoadBalancerOrTargetGroup",
    "RetagOwnedLoadBalancerOrTargetGroup",
    "ModifyOwnedLoadBalancerOrTargetGroup",
    "TagOnCreateLoadBalancerOrTargetGroup",
  ]);
  const tagOnCreate = statements.find((s) => s.sid === "TagOnCreateLoadBalancerOrTargetGroup");
  assert.equal(tagOnCreate?.conditions, [
    {
      test: "StringEquals",
      variable: "elasticloadbalancing:CreateAction",
      values: ["CreateTargetGroup", "CreateLoadBalancer"],
    },
    { test: "Null", variable: "aws:RequestTag/elbv2.k8s.aws/cluster", values: ["false"] },
  ]);
  const retag = statements.find((s) => s.sid === "RetagOwnedSecurityGroup");
  assert.equal(retag?.conditions, [
    { test: "Null", variable: "aws:RequestTag/elbv2.k8s.aws/cluster", values: ["true"] },
    { test: "Null", variable: "aws:ResourceTag/elbv2.k8s.aws/cluster", values: ["false"] },
  ]);
});

test("ARNs move to the stack's partition; the service principal does not", () => {
  const gov = resolveAddonIam("awsLoadBalancerController", { ...PROD, region: "us-gov-west-1" }).statements;
  const arns = gov.flatMap((s) => s.resources).filter((r): r is string => typeof r === "string" && r !== "*");
  assert.is(arns.length, 13);
  for (const arn of arns) assert.ok(arn.startsWith("arn:aws-us-gov:"), arn);
  // the condition value is a service name, the same in every partition (upstream's cn file agrees)
  assert.equal(gov[0]?.conditions?.[0]?.values, ["elasticloadbalancing.amazonaws.com"]);
});

test.run();
