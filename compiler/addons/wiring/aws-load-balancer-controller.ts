// AWS Load Balancer Controller (aws/eks-charts stable/aws-load-balancer-controller, pinned 3.5.0).
//
// Value keys checked against aws/eks-charts stable/aws-load-balancer-controller/values.yaml,
// stored snapshots 038e115b and cd19cbf8 (`clusterName`, `region`, `replicaCount`,
// `serviceAccount.{create,name}`, `enableCertManager`, `resources`), and the chart's
// templates/pdb.yaml (d314f207: `podDisruptionBudget` is rendered as the PDB spec) and
// templates/servicemonitor.yaml (`serviceMonitor.enabled`). `vpcTags` (rendered as
// `--aws-vpc-tags=k=v`) is newer than those snapshots: checked against the controller's
// cloud-config test ("tags lookup uses all tags as filters", VpcTags) and rendered charts
// that pass `--aws-vpc-tags=Name=…`. The chart at 52396092 (repo tag v0.0.242) is not stored.
import { CRITICAL_REPLICAS, monitoringNeeds, releasesOf, serviceAccountName, whenMonitoring } from "./shared.js";
import type { AddonWiring } from "./types.js";

export const awsLoadBalancerControllerWiring: AddonWiring = {
  key: "awsLoadBalancerController",
  tier: "gateway",
  // Its Service mutating webhook has failurePolicy Fail: until the pods answer, creating any
  // Service fails. Hence wait, and the barrier below.
  wait: true,
  barrier: true,
  // The webhook certificate comes from cert-manager (enableCertManager).
  needs: (ctx) => [...releasesOf(ctx, ["certManager"]), ...monitoringNeeds(ctx)],
  // Renders a cert-manager Issuer and Certificate, whose CRDs cert-manager installs.
  customResources: () => true,
  values: (ctx) => {
    const { model, addon } = ctx;
    return {
      clusterName: model.clusterName,
      // No IMDS from pods (hop limit 1): region and VPC are given. The VPC ID only exists after
      // `terraform apply`, so the controller finds the VPC by the tag Terraform puts on every
      // resource of this stack (model.tags).
      region: model.region,
      vpcTags: { "stackc.dev/stack": model.name },
      replicaCount: CRITICAL_REPLICAS,
      podDisruptionBudget: { maxUnavailable: 1 },
      resources: { requests: { cpu: "50m", memory: "128Mi" } },
      serviceAccount: { create: true, name: serviceAccountName(addon) },
      enableCertManager: true,
      ...whenMonitoring(ctx, { serviceMonitor: { enabled: true } }),
    };
  },
};
