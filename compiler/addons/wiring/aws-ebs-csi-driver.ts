// AWS EBS CSI driver (kubernetes-sigs aws-ebs-csi-driver chart, pinned 2.64.0), installed by
// Helm instead of kops: the kops emitter sets cloudConfig.awsEBSCSIDriver.managed: false when
// this add-on is enabled.
//
// Value keys checked against kubernetes-sigs/aws-ebs-csi-driver charts/aws-ebs-csi-driver/
// values.yaml, stored snapshot 006340ee: `controller.{region,k8sTagClusterId,extraVolumeTags,
// replicaCount,serviceAccount.{create,name}}`, `node.tolerateAllTaints`, and `storageClasses`
// items `{name, annotations, volumeBindingMode, reclaimPolicy, parameters}`. The commit of tag
// helm-chart-aws-ebs-csi-driver-2.64.0 (9767d852) is not stored for this file.
import { CRITICAL_REPLICAS, serviceAccountName } from "./shared.js";
import type { AddonWiring } from "./types.js";

/** The default StorageClass this add-on creates (other wiring modules point PVCs at it). */
export const EBS_STORAGE_CLASS = "gp3";

export const awsEbsCsiDriverWiring: AddonWiring = {
  key: "awsEbsCsiDriver",
  tier: "foundation",
  wait: false,
  needs: () => [],
  customResources: () => false,
  values: ({ model, addon }) => ({
    controller: {
      region: model.region,
      // Volumes carry the cluster tag and the stack's tags, like every other AWS resource.
      k8sTagClusterId: model.clusterName,
      extraVolumeTags: model.tags,
      replicaCount: CRITICAL_REPLICAS,
      serviceAccount: { create: true, name: serviceAccountName(addon) },
    },
    node: { tolerateAllTaints: true },
    storageClasses: [
      {
        name: EBS_STORAGE_CLASS,
        annotations: { "storageclass.kubernetes.io/is-default-class": "true" },
        volumeBindingMode: "WaitForFirstConsumer",
        reclaimPolicy: "Delete",
        parameters: { type: "gp3", encrypted: "true" },
      },
    ],
  }),
};
