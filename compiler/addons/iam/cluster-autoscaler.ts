// IAM for cluster-autoscaler (chart 9.59.0, app 1.35), running with ASG auto-discovery
// (`--node-group-auto-discovery=asg:tag=k8s.io/cluster-autoscaler/enabled,k8s.io/cluster-autoscaler/<cluster>`).
//
// Provenance: kubernetes/autoscaler, cluster-autoscaler/cloudprovider/aws/README.md, section
// "Full Cluster Autoscaler Features Policy (Recommended)", read 2026-11-21. The README at the pinned
// tag cluster-autoscaler-chart-9.59.0 (5a0b98e4) could not be read from the index; the versions it
// served (062f28a6, 604ab452 and an unattributed mid-2023 copy) predate the current action list.
// The action list below is the current README's, which several independent verbatim copies of
// the upstream section agree on: the describe block on `*` and SetDesiredCapacity +
// TerminateInstanceInAutoScalingGroup in a second block that "should be updated to restrict the
// resources/add conditionals" (README). The source (cloudprovider/aws/aws_wrapper.go,
// getAutoscalingGroupsByTags) confirms auto-discovery uses DescribeAutoScalingGroups with tag
// filters, so the older README's autoscaling:DescribeTags is not needed.
//
// Departures from upstream, both narrower:
// - the write block is conditioned on the ASG tag `k8s.io/cluster-autoscaler/<cluster>` = `owned`
//   (the tag-based conditional the README recommends; the value follows the AWS EKS best-practices
//   guide and our kops InstanceGroup cloudLabels, reference/kops.md), so this autoscaler cannot
//   scale or terminate another cluster's groups;
// - `eks:DescribeNodegroup` is dropped: upstream documents it for EKS managed node groups only, and
//   kops clusters have none.
import type { IamStatement } from "../../catalog/iam-types.js";
import { CLUSTER_PLACEHOLDER, type IamContext, type Provenance } from "./context.js";

export const CLUSTER_AUTOSCALER_PROVENANCE: Provenance = {
  repo: "kubernetes/autoscaler",
  path: "cluster-autoscaler/cloudprovider/aws/README.md",
  ref: "cluster-autoscaler-chart-9.59.0",
  read: "2026-11-21",
  notes:
    "README at the pinned tag not readable in the index; action list is the current README's (verified against " +
    "several verbatim copies and aws_wrapper.go); write actions conditioned on the owned-cluster tag; eks:DescribeNodegroup dropped (no EKS)",
};

/** ASG tag key cluster-autoscaler discovers and that our kops InstanceGroups carry with value `owned`. */
export const CLUSTER_AUTOSCALER_OWNED_TAG = `k8s.io/cluster-autoscaler/${CLUSTER_PLACEHOLDER}`;

export function clusterAutoscalerStatements(_ctx: IamContext): IamStatement[] {
  return [
    {
      sid: "DescribeScalingInputs",
      effect: "Allow",
      actions: [
        "autoscaling:DescribeAutoScalingGroups",
        "autoscaling:DescribeAutoScalingInstances",
        "autoscaling:DescribeLaunchConfigurations",
        "autoscaling:DescribeScalingActivities",
        "ec2:DescribeImages",
        "ec2:DescribeInstanceTypes",
        "ec2:DescribeLaunchTemplateVersions",
        "ec2:GetInstanceTypesFromInstanceRequirements",
      ],
      // Describe/Get calls have no resource-level permissions.
      resources: ["*"],
    },
    {
      sid: "ScaleOwnedAutoScalingGroups",
      effect: "Allow",
      actions: ["autoscaling:SetDesiredCapacity", "autoscaling:TerminateInstanceInAutoScalingGroup"],
      resources: ["*"],
      conditions: [
        {
          test: "StringEquals",
          variable: `aws:ResourceTag/${CLUSTER_AUTOSCALER_OWNED_TAG}`,
          values: ["owned"],
        },
      ],
    },
  ];
}
