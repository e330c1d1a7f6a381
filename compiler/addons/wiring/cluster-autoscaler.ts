// cluster-autoscaler (kubernetes/autoscaler chart, pinned 9.59.0).
//
// Value keys checked against kubernetes/autoscaler cluster-autoscaler/charts/cluster-autoscaler/
// values.yaml, stored snapshot 0d4abcf0 (image.tag v1.35.0, the app version of 9.59.0):
// `cloudProvider`, `awsRegion`, `autoDiscovery.clusterName`, `image.tag`,
// `rbac.serviceAccount.{create,name}`, `replicaCount`, `extraArgs` (a map of flag → value),
// `podDisruptionBudget.maxUnavailable`, `resources`, `serviceMonitor.{enabled,namespace}`
// (its default namespace is `monitoring`, so it is set to the release namespace).
// The commit of tag cluster-autoscaler-chart-9.59.0 (5a0b98e4) is not stored for this file.
import { CRITICAL_REPLICAS, monitoringNeeds, serviceAccountName, whenMonitoring } from "./shared.js";
import type { AddonWiring } from "./types.js";

export const clusterAutoscalerWiring: AddonWiring = {
  key: "clusterAutoscaler",
  tier: "platform",
  wait: false,
  needs: (ctx) => monitoringNeeds(ctx),
  customResources: (ctx) => ctx.monitoring,
  values: (ctx) => {
    const { model, addon } = ctx;
    const imageTag = addon.settings.imageTag;
    return {
      cloudProvider: "aws",
      awsRegion: model.region,
      // ASGs tagged k8s.io/cluster-autoscaler/enabled + k8s.io/cluster-autoscaler/<cluster>
      // (the kops instance groups' cloudLabels) are discovered.
      autoDiscovery: { clusterName: model.clusterName },
      // The autoscaler must match the Kubernetes minor; normalize derived the tag from it.
      ...(typeof imageTag === "string" ? { image: { tag: imageTag } } : {}),
      rbac: { serviceAccount: { create: true, name: serviceAccountName(addon) } },
      // Leader election keeps one active; the second takes over during a drain.
      replicaCount: CRITICAL_REPLICAS,
      podDisruptionBudget: { maxUnavailable: 1 },
      resources: { requests: { cpu: "100m", memory: "300Mi" } },
      extraArgs: {
        expander: addon.settings.expander,
        "balance-similar-node-groups": true,
        "skip-nodes-with-local-storage": false,
      },
      ...whenMonitoring(ctx, { serviceMonitor: { enabled: true, namespace: addon.info.namespace } }),
    };
  },
};
