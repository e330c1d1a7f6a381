// Fingerprint of the AWS Load Balancer Controller policy against upstream, so an accidental edit
// (a dropped action, a reordered statement, a changed condition) fails here.
//
// Upstream: kubernetes-sigs/aws-load-balancer-controller docs/install/iam_policy.json at commit
// 2b150b977b79dcad119243f2e8f3625ea5bb7e81 (see compiler/addons/iam/aws-load-balancer-controller.ts
// for why not the v3.5.0 tag). That file is 8,813 bytes, sha256
// 1edbad35b82293e6b610a10e4f1670b93f42f6a0639fdbf331bfb8a53ad447a9, git blob
// 2ff765f59630ca49659fd227616878377d625d78; upstream formats it as JSON.stringify(…, null, 4) plus a
// trailing newline, so serialising our transcription the same way must give the same bytes.
// Re-transcribing from a newer tag means updating these numbers on purpose.
import { createHash } from "node:crypto";
import { test } from "uvu";
import * as assert from "uvu/assert";
import { UPSTREAM_IAM_POLICY } from "../../compiler/addons/iam/aws-load-balancer-controller.js";
import { resolveAddonIam, type IamContext } from "../../compiler/addons/iam/index.js";

const PROD: IamContext = { clusterName: "prod.k8s.example.com", region: "eu-west-1" };
const UPSTREAM_SHA256 = "1edbad35b82293e6b610a10e4f1670b93f42f6a0639fdbf331bfb8a53ad447a9";

function upstreamText(): string {
  return `${JSON.stringify({ Version: "2012-10-17", Statement: UPSTREAM_IAM_POLICY }, null, 4)}\n`;
}

test("the transcription serialises to upstream's exact bytes", () => {
  const text = upstreamText();
  assert.is(text.length, 8813);
  assert.is(createHash("sha256").update(text).digest("hex"), UPSTREAM_SHA256);
});

test("16 statements, 83 actions, in upstream's order", () => {
  const { statements, managedPolicyArns } = resolveAddonIam("awsLoadBalancerController", PROD);
  assert.equal(managedPolicyArns, []);
  assert.is(statements.length, 16);
  assert.equal(
    statements.map((s) => s.actions.length),
    [1, 28, 17, 2, 1, 1, 2, 3, 2, 4, 2, 2, 10, 1, 2, 5],
  );
  assert.is(statements.flatMap((s) => s.actions).length, 83);
  // the first and last actions of the big describe statement, as upstream lists them
  assert.is(statements[1]?.actions[0], "ec2:DescribeAccountAttributes");
  assert.is(statements[1]?.actions[27], "elasticloadbalancing:ModifyIpPools");
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
