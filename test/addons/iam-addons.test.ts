// Exact expectations for the add-ons whose policies stackc scopes itself (zone, buckets, cluster
// tag, secret prefix). Each test pins the property that keeps the policy least-privilege.
import { test } from "uvu";
import * as assert from "uvu/assert";
import type { IamResource, IamStatement } from "../../compiler/catalog/iam-types.js";
import { ADDON_IAM, IAM_ADDON_KEYS, partitionForRegion, resolveAddonIam, type IamContext } from "../../compiler/addons/iam/index.js";

const PROD: IamContext = { clusterName: "prod.k8s.example.com", region: "eu-west-1" };
const ZONE: IamResource = { ref: "route53-zone" };

function statement(statements: IamStatement[], sid: string): IamStatement {
  const found = statements.find((s) => s.sid === sid);
  if (found === undefined) throw new Error(`no statement ${sid} in ${statements.map((s) => s.sid).join(", ")}`);
  return found;
}

function allActions(statements: IamStatement[]): string[] {
  return statements.flatMap((s) => s.actions);
}

test("partition follows the region unless overridden", () => {
  assert.is(partitionForRegion("eu-west-1"), "aws");
  assert.is(partitionForRegion("cn-northwest-1"), "aws-cn");
  assert.is(partitionForRegion("us-gov-east-1"), "aws-us-gov");
  const { statements } = resolveAddonIam("certManager", { ...PROD, partition: "aws-us-gov" });
  assert.equal(statement(statements, "GetChangeStatus").resources, ["arn:aws-us-gov:route53:::change/*"]);
});

test("cluster-autoscaler: scaling is conditioned on this cluster's owned tag", () => {
  const { statements } = resolveAddonIam("clusterAutoscaler", PROD);
  const scale = statement(statements, "ScaleOwnedAutoScalingGroups");
  assert.equal(scale.actions, ["autoscaling:SetDesiredCapacity", "autoscaling:TerminateInstanceInAutoScalingGroup"]);
  assert.equal(scale.conditions, [
    {
      test: "StringEquals",
      variable: "aws:ResourceTag/k8s.io/cluster-autoscaler/prod.k8s.example.com",
      values: ["owned"],
    },
  ]);
  // the write actions appear nowhere else, so no unconditioned path to another cluster's ASGs
  for (const s of statements) {
    if (s === scale) continue;
    assert.not.ok(s.actions.some((a) => scale.actions.includes(a)), s.sid);
    assert.ok(s.actions.every((a) => /:(Describe|Get)/.test(a)), `${s.sid} is read-only`);
  }
});

test("cluster-autoscaler: the registry data keeps the ${cluster} placeholder for the renderer", () => {
  const raw = ADDON_IAM.clusterAutoscaler.statements(PROD);
  const variables = raw.flatMap((s) => (s.conditions ?? []).map((c) => c.variable));
  assert.equal(variables, ["aws:ResourceTag/k8s.io/cluster-autoscaler/${cluster}"]);
  const other = resolveAddonIam("clusterAutoscaler", { ...PROD, clusterName: "dev.k8s.example.com" });
  assert.is(
    statement(other.statements, "ScaleOwnedAutoScalingGroups").conditions?.[0]?.variable,
    "aws:ResourceTag/k8s.io/cluster-autoscaler/dev.k8s.example.com",
  );
});

test("cluster-autoscaler: describe actions match upstream's current list, minus EKS", () => {
  const { statements } = resolveAddonIam("clusterAutoscaler", PROD);
  assert.equal(statement(statements, "DescribeScalingInputs").actions, [
    "autoscaling:DescribeAutoScalingGroups",
    "autoscaling:DescribeAutoScalingInstances",
    "autoscaling:DescribeLaunchConfigurations",
    "autoscaling:DescribeScalingActivities",
    "ec2:DescribeImages",
    "ec2:DescribeInstanceTypes",
    "ec2:DescribeLaunchTemplateVersions",
    "ec2:GetInstanceTypesFromInstanceRequirements",
  ]);
  assert.not.ok(allActions(statements).includes("eks:DescribeNodegroup"));
});

test("external-dns: cannot change records outside the stack zone", () => {
  const { statements } = resolveAddonIam("externalDns", PROD);
  for (const s of statements) {
    const writes = s.actions.filter((a) => /^route53:(Change|Create|Delete|Update)/.test(a));
    if (writes.length > 0) assert.equal(s.resources, [ZONE], `${s.sid} writes outside the stack zone`);
    // whatever is granted on '*' is list-only
    if (s.resources.includes("*")) assert.equal(s.actions, ["route53:ListHostedZones"], s.sid);
  }
  assert.ok(allActions(statements).includes("route53:ChangeResourceRecordSets"));
  assert.equal(statement(statements, "ManageStackZoneRecords").actions, [
    "route53:ChangeResourceRecordSets",
    "route53:ListResourceRecordSets",
  ]);
});

test("cert-manager: DNS-01 writes only TXT records, only in the stack zone", () => {
  const { statements } = resolveAddonIam("certManager", PROD);
  assert.equal(statements, [
    {
      sid: "GetChangeStatus",
      effect: "Allow",
      actions: ["route53:GetChange"],
      resources: ["arn:aws:route53:::change/*"],
    },
    {
      sid: "ManageStackZoneTxtRecords",
      effect: "Allow",
      actions: ["route53:ChangeResourceRecordSets", "route53:ListResourceRecordSets"],
      resources: [ZONE],
      conditions: [
        { test: "ForAllValues:StringEquals", variable: "route53:ChangeResourceRecordSetsRecordTypes", values: ["TXT"] },
      ],
    },
    {
      sid: "FindHostedZone",
      effect: "Allow",
      actions: ["route53:ListHostedZonesByName"],
      resources: ["*"],
    },
  ]);
});

test("velero: exactly the plugin's three statements, on the velero bucket", () => {
  const { statements, managedPolicyArns } = resolveAddonIam("velero", PROD);
  assert.equal(managedPolicyArns, []);
  assert.equal(statements, [
    {
      sid: "EbsSnapshots",
      effect: "Allow",
      actions: [
        "ec2:CreateSnapshot",
        "ec2:CreateTags",
        "ec2:CreateVolume",
        "ec2:DeleteSnapshot",
        "ec2:DescribeSnapshots",
        "ec2:DescribeVolumes",
      ],
      resources: ["*"],
    },
    {
      sid: "BackupObjects",
      effect: "Allow",
      actions: [
        "s3:AbortMultipartUpload",
        "s3:DeleteObject",
        "s3:GetObject",
        "s3:ListMultipartUploadParts",
        "s3:PutObject",
      ],
      resources: [{ ref: "bucket-objects", bucket: "velero" }],
    },
    {
      sid: "BackupBucket",
      effect: "Allow",
      actions: ["s3:ListBucket"],
      resources: [{ ref: "bucket", bucket: "velero" }],
    },
  ]);
});

test("loki: object read/write/delete and listing on the loki bucket only", () => {
  const { statements } = resolveAddonIam("loki", PROD);
  assert.equal(statement(statements, "ListLokiBucket").actions, ["s3:ListBucket"]);
  assert.equal(statement(statements, "ListLokiBucket").resources, [{ ref: "bucket", bucket: "loki" }]);
  assert.equal(statement(statements, "ReadWriteLokiObjects").actions, ["s3:DeleteObject", "s3:GetObject", "s3:PutObject"]);
  assert.equal(statement(statements, "ReadWriteLokiObjects").resources, [{ ref: "bucket-objects", bucket: "loki" }]);
  for (const s of statements) {
    for (const r of s.resources) assert.ok(typeof r !== "string", `${s.sid}: literal resource ${String(r)}`);
  }
});

test("no add-on reaches a bucket it does not own", () => {
  const owned: Record<string, string[]> = { velero: ["velero"], loki: ["loki"] };
  for (const key of IAM_ADDON_KEYS) {
    const buckets = resolveAddonIam(key, PROD)
      .statements.flatMap((s) => s.resources)
      .flatMap((r) => (typeof r !== "string" && r.ref !== "route53-zone" ? [r.bucket] : []));
    assert.equal([...new Set(buckets)], owned[key] ?? [], key);
  }
});

test("external-secrets: read-only, scoped to <cluster>/ by default", () => {
  const { statements } = resolveAddonIam("externalSecrets", PROD);
  assert.equal(statement(statements, "ReadStackSecrets").resources, [
    "arn:aws:secretsmanager:eu-west-1:*:secret:prod.k8s.example.com/*",
  ]);
  assert.equal(statement(statements, "ReadStackParameters").resources, [
    "arn:aws:ssm:eu-west-1:*:parameter/prod.k8s.example.com/*",
  ]);
  for (const a of allActions(statements)) {
    assert.match(a, /^(secretsmanager|ssm):(Describe|Get|List)/, `${a} is not read-only`);
  }
});

test("external-secrets: prefix and account come from the context", () => {
  const ctx: IamContext = {
    ...PROD,
    region: "cn-north-1",
    accountId: "123456789012",
    externalSecretsPrefix: "/platform/prod/",
  };
  const { statements } = resolveAddonIam("externalSecrets", ctx);
  assert.equal(statement(statements, "ReadStackSecrets").resources, [
    "arn:aws-cn:secretsmanager:cn-north-1:123456789012:secret:platform/prod/*",
  ]);
  assert.equal(statement(statements, "ReadStackParameters").resources, [
    "arn:aws-cn:ssm:cn-north-1:123456789012:parameter/platform/prod/*",
  ]);
});

test("external-secrets: a prefix that would widen the grant is refused", () => {
  for (const bad of ["", "/", "prod/*", "prod?/"]) {
    assert.throws(() => resolveAddonIam("externalSecrets", { ...PROD, externalSecretsPrefix: bad }), /prefix/, bad);
  }
});

test("aws-ebs-csi-driver: the AWS managed policy, in the stack's partition", () => {
  assert.equal(resolveAddonIam("awsEbsCsiDriver", PROD), {
    statements: [],
    managedPolicyArns: ["arn:aws:iam::aws:policy/service-role/AmazonEBSCSIDriverPolicy"],
  });
  assert.equal(resolveAddonIam("awsEbsCsiDriver", { ...PROD, region: "cn-north-1" }).managedPolicyArns, [
    "arn:aws-cn:iam::aws:policy/service-role/AmazonEBSCSIDriverPolicy",
  ]);
  assert.equal(resolveAddonIam("awsEbsCsiDriver", { ...PROD, region: "us-gov-west-1" }).managedPolicyArns, [
    "arn:aws-us-gov:iam::aws:policy/service-role/AmazonEBSCSIDriverPolicy",
  ]);
});

test("only the load-balancer controller and velero may act on '*' with write actions", () => {
  // Everything else is scoped to a zone, a bucket, a prefix, or a tag condition. If a new
  // statement adds an unconditioned write on '*', this fails and the author has to say why.
  const readOnly = /:(Describe|Get|List)/;
  for (const key of IAM_ADDON_KEYS) {
    if (key === "awsLoadBalancerController" || key === "velero") continue;
    for (const s of resolveAddonIam(key, PROD).statements) {
      if (!s.resources.includes("*") || s.conditions !== undefined) continue;
      for (const a of s.actions) assert.match(a, readOnly, `${key}/${s.sid}: ${a} on '*'`);
    }
  }
});

test.run();
