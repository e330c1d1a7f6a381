// Velero (vmware-tanzu/velero, pinned 12.1.0, app 1.18.1) with velero-plugin-for-aws.
//
// Value keys checked against vmware-tanzu/helm-charts charts/velero/values.schema.json, stored
// snapshot 081defe3 (the 1.16+ layout: `configuration.backupStorageLocation[]` and
// `volumeSnapshotLocation[]` are lists with `provider`/`bucket` required, `initContainers`,
// `credentials.useSecret`, `serviceAccount.server.{create,name}`, `snapshotsEnabled`,
// `deployNodeAgent`, `upgradeCRDs`, `schedules`, `metrics.serviceMonitor.enabled`), and
// charts/velero/values.yaml stored snapshot ff0a7241 (schedule shape: `schedule`,
// `useOwnerReferencesInBackup`, `template.{ttl,includedNamespaces,storageLocation}`).
// Chart.yaml at tag velero-12.1.0 (73466ca9) confirms the version; its values.yaml is not stored.
// Plugin pairing (Velero 1.18 ↔ plugin v1.14.x): /work/shared/reference/helmfile.md §5.
import { bucketName, daysAsHours, monitoringNeeds, serviceAccountName, whenMonitoring } from "./shared.js";
import type { AddonWiring } from "./types.js";
import type { StackModel } from "../../model/model.js";

/**
 * The BackupStorageLocation of the stack this one replaces (spec.replaces): named after that
 * stack, ReadOnly (accessMode, BackupStorageLocation spec), in its bucket and region.
 */
function restoreSource(model: StackModel): Record<string, unknown>[] {
  const old = model.replaces;
  const bucket = old?.buckets.find((b) => b.role === "velero");
  if (!old || !bucket) return [];
  return [{ name: old.name, provider: "aws", bucket: bucket.name, accessMode: "ReadOnly", config: { region: old.region } }];
}

/** The schedule's key under `schedules` (the chart names the Schedule `<release>-cluster`). */
export const VELERO_SCHEDULE = "cluster";

export const veleroWiring: AddonWiring = {
  key: "velero",
  tier: "backup",
  wait: false,
  // After everything else, so the first scheduled backup covers the whole stack.
  last: true,
  needs: (ctx) => monitoringNeeds(ctx),
  // BackupStorageLocation, VolumeSnapshotLocation and Schedule are custom resources whose
  // CRDs come with the chart itself.
  customResources: () => true,
  values: (ctx) => {
    const { model, addon } = ctx;
    const backups = model.stack.spec.backups;
    const location = { region: model.region };
    return {
      initContainers: [
        {
          name: "velero-plugin-for-aws",
          image: `velero/velero-plugin-for-aws:${String(addon.settings.pluginVersion)}`,
          imagePullPolicy: "IfNotPresent",
          volumeMounts: [{ mountPath: "/target", name: "plugins" }],
        },
      ],
      configuration: {
        // The bucket is the one the stack's Terraform creates for the `velero` role.
        backupStorageLocation: [
          { name: "default", provider: "aws", bucket: bucketName(model, "velero"), default: true, config: location },
          // blue/green: the replaced stack's backups, read-only (velero never writes or deletes
          // there; its IAM here allows only reads), to restore from at the cut-over
          ...restoreSource(model),
        ],
        volumeSnapshotLocation: [{ name: "default", provider: "aws", config: location }],
      },
      // Credentials come from the IRSA role, not a secret.
      credentials: { useSecret: false },
      serviceAccount: { server: { create: true, name: serviceAccountName(addon) } },
      snapshotsEnabled: true,
      deployNodeAgent: false,
      upgradeCRDs: true,
      schedules: backups.enabled
        ? {
            [VELERO_SCHEDULE]: {
              schedule: backups.schedule,
              useOwnerReferencesInBackup: false,
              template: {
                ttl: daysAsHours(backups.retentionDays),
                includedNamespaces: ["*"],
                snapshotVolumes: true,
                storageLocation: "default",
              },
            },
          }
        : {},
      ...whenMonitoring(ctx, { metrics: { serviceMonitor: { enabled: true } } }),
    };
  },
};
