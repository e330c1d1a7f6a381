// IAM for the AWS Load Balancer Controller (chart 3.5.0, app v3.5.0).
//
// Provenance: kubernetes-sigs/aws-load-balancer-controller, docs/install/iam_policy.json at the
// v3.5.0 tag (commit 11eb202c97e4ae2ee45e0658c4cde9a4b59f33d4; the chart in that tag is 3.5.0,
// appVersion v3.5.0, the version stackc pins), read 2026-12-06. Against the v2.12-era copy this
// file held before, v3.5.0 adds ec2:DescribeIpamPools, ec2:DescribeRouteTables and
// elasticloadbalancing:SetRulePriorities, and moves elasticloadbalancing:ModifyIpPools out of the
// unconditioned describe statement into the one conditioned on the elbv2.k8s.aws/cluster tag.
//
// The policy below is a faithful transcription: same statements, order, actions (in upstream
// order, the one add-on exempt from sorted actions so it diffs line by line against upstream),
// resources and conditions. Only the `Sid`s are ours (upstream has none); `arn:aws:` is rewritten
// to the stack's partition by inPartition(). test/addons/iam-lbc.test.ts compares it with the
// upstream file.
import type { IamCondition, IamStatement } from "../../catalog/iam-types.js";
import { inPartition, type IamContext, type Provenance } from "./context.js";

export const AWS_LOAD_BALANCER_CONTROLLER_PROVENANCE: Provenance = {
  repo: "kubernetes-sigs/aws-load-balancer-controller",
  path: "docs/install/iam_policy.json",
  ref: "v3.5.0",
  commit: "11eb202c97e4ae2ee45e0658c4cde9a4b59f33d4",
  read: "2026-12-06",
};

/** One statement of an IAM policy document, as upstream writes it in JSON. */
export interface PolicyJsonStatement {
  readonly Effect: "Allow" | "Deny";
  readonly Action: readonly string[];
  readonly Resource: string | readonly string[];
  readonly Condition?: Readonly<Record<string, Readonly<Record<string, string | readonly string[]>>>>;
}

// Upstream docs/install/iam_policy.json @ v3.5.0, statement by statement.
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
      "ec2:DescribeIpamPools",
      "ec2:DescribeRouteTables",
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
      "elasticloadbalancing:ModifyIpPools",
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
      "elasticloadbalancing:SetRulePriorities",
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
