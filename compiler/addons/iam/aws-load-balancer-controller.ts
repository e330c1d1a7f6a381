// IAM for the AWS Load Balancer Controller (chart 3.5.0, app v3.5.0).
//
// Provenance: kubernetes-sigs/aws-load-balancer-controller, docs/install/iam_policy.json, read
// 2026-11-21 at commit 2b150b977b79dcad119243f2e8f3625ea5bb7e81. That is the NEWEST version of the
// file the stored index returned from the upstream repository; the v3.5.0 tag's version could not
// be read (the index holds 23 versions of the file but only serves them at the commits that changed
// them, and no tag-era commit could be found). By content it is the v2.12.x policy (it has
// DescribeCapacityReservation/ModifyCapacityReservation and the misplaced
// `elasticloadbalancing:ModifyIpPools` in the describe statement, but neither `ec2:DescribeIpamPools`
// nor `elasticloadbalancing:SetRulePriorities`). Later upstream versions, seen only in third-party
// copies, add at least `ec2:DescribeIpamPools`, `ec2:DescribeRouteTables` and
// `elasticloadbalancing:SetRulePriorities` and move `ModifyIpPools`. Re-transcribe from the v3.5.0
// tag before relying on IngressGroup ordering (SetRulePriorities) or IPAM pools.
//
// The policy below is a faithful transcription: same statements, order, actions (in upstream
// order, the one add-on exempt from sorted actions so it diffs line by line against upstream),
// resources and conditions. Only the `Sid`s are ours (upstream has none); `arn:aws:` is rewritten
// to the stack's partition by inPartition().
import type { IamCondition, IamStatement } from "../../catalog/iam-types.js";
import { inPartition, type IamContext, type Provenance } from "./context.js";

export const AWS_LOAD_BALANCER_CONTROLLER_PROVENANCE: Provenance = {
  repo: "kubernetes-sigs/aws-load-balancer-controller",
  path: "docs/install/iam_policy.json",
  ref: "v3.5.0",
  commit: "2b150b977b79dcad119243f2e8f3625ea5bb7e81",
  read: "2026-11-21",
  notes:
    "v3.5.0 not readable in the index; newest upstream version found is the v2.12.x policy at the commit above " +
    "(lacks ec2:DescribeIpamPools, ec2:DescribeRouteTables, elasticloadbalancing:SetRulePriorities of later versions)",
};

/** One statement of an IAM policy document, as upstream writes it in JSON. */
export interface PolicyJsonStatement {
  readonly Effect: "Allow" | "Deny";
  readonly Action: readonly string[];
  readonly Resource: string | readonly string[];
  readonly Condition?: Readonly<Record<string, Readonly<Record<string, string | readonly string[]>>>>;
}

// Upstream docs/install/iam_policy.json @ 2b150b97, statement by statement.
export const UPSTREAM_IAM_POLICY: readonly PolicyJsonStatement[] = [
  {
    Effect: "Allow",
    Action: ["iam:CreateServiceLinkedRole"],
    Resource: "*",
    Condition: {
      StringEquals: {
        "iam:AWSServiceName": "elasticloadbalancing.amazonaws.com",
      },
    },
  },
  {
    Effect: "Allow",
    Action: [
      "ec2:DescribeAccountAttributes",
      "ec2:DescribeAddresses",
      "ec2:DescribeAvailabilityZones",
      "ec2:DescribeInternetGateways",
      "ec2:DescribeVpcs",
      "ec2:DescribeVpcPeeringConnections",
      "ec2:DescribeSubnets",
      "ec2:DescribeSecurityGroups",
      "ec2:DescribeInstances",
      "ec2:DescribeNetworkInterfaces",
      "ec2:DescribeTags",
      "ec2:GetCoipPoolUsage",
      "ec2:DescribeCoipPools",
      "ec2:GetSecurityGroupsForVpc",
      "elasticloadbalancing:DescribeLoadBalancers",
      "elasticloadbalancing:DescribeLoadBalancerAttributes",
      "elasticloadbalancing:DescribeListeners",
      "elasticloadbalancing:DescribeListenerCertificates",
      "elasticloadbalancing:DescribeSSLPolicies",
      "elasticloadbalancing:DescribeRules",
      "elasticloadbalancing:DescribeTargetGroups",
      "elasticloadbalancing:DescribeTargetGroupAttributes",
      "elasticloadbalancing:DescribeTargetHealth",
      "elasticloadbalancing:DescribeTags",
      "elasticloadbalancing:DescribeTrustStores",
      "elasticloadbalancing:DescribeListenerAttributes",
      "elasticloadbalancing:DescribeCapacityReservation",
      "elasticloadbalancing:ModifyIpPools",
    ],
    Resource: "*",
  },
  {
    Effect: "Allow",
    Action: [
      "cognito-idp:DescribeUserPoolClient",
      "acm:ListCertificates",
      "acm:DescribeCertificate",
      "iam:ListServerCertificates",
      "iam:GetServerCertificate",
      "waf-regional:GetWebACL",
      "waf-regional:GetWebACLForResource",
      "waf-regional:AssociateWebACL",
      "waf-regional:DisassociateWebACL",
      "wafv2:GetWebACL",
      "wafv2:GetWebACLForResource",
      "wafv2:AssociateWebACL",
      "wafv2:DisassociateWebACL",
      "shield:GetSubscriptionState",
      "shield:DescribeProtection",
      "shield:CreateProtection",
      "shield:DeleteProtection",
    ],
    Resource: "*",
  },
  {
    Effect: "Allow",
    Action: ["ec2:AuthorizeSecurityGroupIngress", "ec2:RevokeSecurityGroupIngress"],
    Resource: "*",
  },
  {
    Effect: "Allow",
    Action: ["ec2:CreateSecurityGroup"],
    Resource: "*",
  },
  {
    Effect: "Allow",
    Action: ["ec2:CreateTags"],
    Resource: "arn:aws:ec2:*:*:security-group/*",
    Condition: {
      StringEquals: {
        "ec2:CreateAction": "CreateSecurityGroup",
      },
      Null: {
        "aws:RequestTag/elbv2.k8s.aws/cluster": "false",
      },
    },
  },
  {
    Effect: "Allow",
    Action: ["ec2:CreateTags", "ec2:DeleteTags"],
    Resource: "arn:aws:ec2:*:*:security-group/*",
    Condition: {
      Null: {
        "aws:RequestTag/elbv2.k8s.aws/cluster": "true",
        "aws:ResourceTag/elbv2.k8s.aws/cluster": "false",
      },
    },
  },
  {
    Effect: "Allow",
    Action: ["ec2:AuthorizeSecurityGroupIngress", "ec2:RevokeSecurityGroupIngress", "ec2:DeleteSecurityGroup"],
    Resource: "*",
    Condition: {
      Null: {
        "aws:ResourceTag/elbv2.k8s.aws/cluster": "false",
      },
    },
  },
  {
    Effect: "Allow",
    Action: ["elasticloadbalancing:CreateLoadBalancer", "elasticloadbalancing:CreateTargetGroup"],
    Resource: "*",
    Condition: {
      Null: {
        "aws:RequestTag/elbv2.k8s.aws/cluster": "false",
      },
    },
  },
  {
    Effect: "Allow",
    Action: [
      "elasticloadbalancing:CreateListener",
      "elasticloadbalancing:DeleteListener",
      "elasticloadbalancing:CreateRule",
      "elasticloadbalancing:DeleteRule",
    ],
    Resource: "*",
  },
  {
    Effect: "Allow",
    Action: ["elasticloadbalancing:AddTags", "elasticloadbalancing:RemoveTags"],
    Resource: [
      "arn:aws:elasticloadbalancing:*:*:targetgroup/*/*",
      "arn:aws:elasticloadbalancing:*:*:loadbalancer/net/*/*",
      "arn:aws:elasticloadbalancing:*:*:loadbalancer/app/*/*",
    ],
    Condition: {
      Null: {
        "aws:RequestTag/elbv2.k8s.aws/cluster": "true",
        "aws:ResourceTag/elbv2.k8s.aws/cluster": "false",
      },
    },
  },
  {
    Effect: "Allow",
    Action: ["elasticloadbalancing:AddTags", "elasticloadbalancing:RemoveTags"],
    Resource: [
      "arn:aws:elasticloadbalancing:*:*:listener/net/*/*/*",
      "arn:aws:elasticloadbalancing:*:*:listener/app/*/*/*",
      "arn:aws:elasticloadbalancing:*:*:listener-rule/net/*/*/*",
      "arn:aws:elasticloadbalancing:*:*:listener-rule/app/*/*/*",
    ],
  },
  {
    Effect: "Allow",
    Action: [
      "elasticloadbalancing:ModifyLoadBalancerAttributes",
      "elasticloadbalancing:SetIpAddressType",
      "elasticloadbalancing:SetSecurityGroups",
      "elasticloadbalancing:SetSubnets",
      "elasticloadbalancing:DeleteLoadBalancer",
      "elasticloadbalancing:ModifyTargetGroup",
      "elasticloadbalancing:ModifyTargetGroupAttributes",
      "elasticloadbalancing:DeleteTargetGroup",
      "elasticloadbalancing:ModifyListenerAttributes",
      "elasticloadbalancing:ModifyCapacityReservation",
    ],
    Resource: "*",
    Condition: {
      Null: {
        "aws:ResourceTag/elbv2.k8s.aws/cluster": "false",
      },
    },
  },
  {
    Effect: "Allow",
    Action: ["elasticloadbalancing:AddTags"],
    Resource: [
      "arn:aws:elasticloadbalancing:*:*:targetgroup/*/*",
      "arn:aws:elasticloadbalancing:*:*:loadbalancer/net/*/*",
      "arn:aws:elasticloadbalancing:*:*:loadbalancer/app/*/*",
    ],
    Condition: {
      StringEquals: {
        "elasticloadbalancing:CreateAction": ["CreateTargetGroup", "CreateLoadBalancer"],
      },
      Null: {
        "aws:RequestTag/elbv2.k8s.aws/cluster": "false",
      },
    },
  },
  {
    Effect: "Allow",
    Action: ["elasticloadbalancing:RegisterTargets", "elasticloadbalancing:DeregisterTargets"],
    Resource: "arn:aws:elasticloadbalancing:*:*:targetgroup/*/*",
  },
  {
    Effect: "Allow",
    Action: [
      "elasticloadbalancing:SetWebAcl",
      "elasticloadbalancing:ModifyListener",
      "elasticloadbalancing:AddListenerCertificates",
      "elasticloadbalancing:RemoveListenerCertificates",
      "elasticloadbalancing:ModifyRule",
    ],
    Resource: "*",
  },
];

// Our statement ids, one per upstream statement, in the same order.
const SIDS: readonly string[] = [
  "CreateElbServiceLinkedRole",
  "DescribeNetworkAndLoadBalancers",
  "IntegrateAcmCognitoWafShield",
  "ModifySecurityGroupIngress",
  "CreateSecurityGroup",
  "TagNewSecurityGroup",
  "RetagOwnedSecurityGroup",
  "ManageOwnedSecurityGroup",
  "CreateTaggedLoadBalancerOrTargetGroup",
  "ManageListenersAndRules",
  "RetagOwnedLoadBalancerOrTargetGroup",
  "TagListenersAndRules",
  "ModifyOwnedLoadBalancerOrTargetGroup",
  "TagOnCreateLoadBalancerOrTargetGroup",
  "RegisterTargets",
  "ModifyListenersAndRules",
];

/** Converts upstream policy JSON statements to IamStatements, keeping every order as written. */
export function fromPolicyJson(
  statements: readonly PolicyJsonStatement[],
  sids: readonly string[],
  ctx: IamContext,
): IamStatement[] {
  if (sids.length !== statements.length) {
    throw new Error(`${sids.length} sids for ${statements.length} statements`);
  }
  return statements.map((s, i) => {
    const resources = typeof s.Resource === "string" ? [s.Resource] : [...s.Resource];
    const statement: IamStatement = {
      sid: sids[i]!,
      effect: s.Effect,
      actions: [...s.Action],
      resources: resources.map((r) => inPartition(r, ctx)),
    };
    if (s.Condition !== undefined) {
      const conditions: IamCondition[] = [];
      for (const [test, byKey] of Object.entries(s.Condition)) {
        for (const [variable, value] of Object.entries(byKey)) {
          conditions.push({ test, variable, values: typeof value === "string" ? [value] : [...value] });
        }
      }
      statement.conditions = conditions;
    }
    return statement;
  });
}

export function awsLoadBalancerControllerStatements(ctx: IamContext): IamStatement[] {
  return fromPolicyJson(UPSTREAM_IAM_POLICY, SIDS, ctx);
}
