// Loki (grafana-community/loki, pinned 18.11.0; the OSS chart moved there from grafana/helm-charts).
//
// Value keys checked against grafana-community/helm-charts charts/loki/values.yaml, stored
// snapshot e922aa71 (a 3.6.x-era version of the same chart line): `deploymentMode`,
// `loki.{auth_enabled,commonConfig.replication_factor,storage.{type,bucketNames,s3.region},
// schemaConfig,limits_config,compactor}`, `ruler.enabled`, `chunksCache.enabled`,
// `resultsCache.enabled`, `serviceAccount.{create,name}`; Chart.yaml at tag loki-18.11.0
// (3386a115, appVersion 3.7.6). `deploymentMode: Monolithic` with `singleBinary.replicas` and the
// simple-scalable targets at 0 follows /work/shared/reference/helmfile.md §5 (Monolithic is the
// 18.x default; SimpleScalable is deprecated) and public values for chart 18.x.
import { bucketName, daysAsHours, releasesOf, serviceAccountName } from "./shared.js";
import type { AddonWiring } from "./types.js";

export const lokiWiring: AddonWiring = {
  key: "loki",
  tier: "platform",
  wait: false,
  timeout: 900,
  // Its write-ahead log is on a persistent volume.
  needs: (ctx) => releasesOf(ctx, ["awsEbsCsiDriver"]),
  customResources: () => false,
  values: ({ model, addon }) => {
    // Three replicas (replication factor 3) in prod; one elsewhere. The factor must not exceed
    // the replicas, or every write fails for want of live ingesters.
    const replicas = model.environment === "prod" ? 3 : 1;
    const bucket = bucketName(model, "loki");
    return {
      deploymentMode: "Monolithic",
      loki: {
        // One tenant: fluent-bit pushes without an X-Scope-OrgID header.
        auth_enabled: false,
        commonConfig: { replication_factor: replicas },
        // Chunks and index in the stack's Loki bucket, through the IRSA role (no keys).
        storage: { type: "s3", bucketNames: { chunks: bucket }, s3: { region: model.region } },
        // The chart's default is empty, and Loki refuses to start without a schema.
        schemaConfig: {
          configs: [
            { from: "2025-01-01", store: "tsdb", object_store: "s3", schema: "v13", index: { prefix: "loki_index_", period: "24h" } },
          ],
        },
        limits_config: { retention_period: daysAsHours(Number(addon.settings.retentionDays)) },
        compactor: { retention_enabled: true, delete_request_store: "s3" },
      },
      singleBinary: { replicas },
      backend: { replicas: 0 },
      read: { replicas: 0 },
      write: { replicas: 0 },
      // Recording/alerting rules are not wired (they would need a bucket of their own).
      ruler: { enabled: false },
      // The memcached caches request several GiB of memory each; off until sized deliberately.
      chunksCache: { enabled: false },
      resultsCache: { enabled: false },
      serviceAccount: { create: true, name: serviceAccountName(addon) },
    };
  },
};

/** Where fluent-bit pushes: the chart's gateway Service in the Loki namespace. */
export function lokiPushHost(namespace: string): string {
  return `loki-gateway.${namespace}.svc.cluster.local`;
}
