// Fluent Bit (fluent/fluent-bit, pinned 0.58.1), shipping container and kubelet logs to Loki.
//
// Value keys checked against fluent/helm-charts charts/fluent-bit/values.yaml, stored snapshot
// 011820b9: `kind`, `tolerations`, `serviceMonitor.enabled`, and `config.outputs` (a classic-mode
// config string whose default sends to Elasticsearch at `elasticsearch-master`, replaced here).
// The commit of tag fluent-bit-0.58.1 (22a564dc) is not stored for this file.
import { addonInfo } from "../../catalog/addons.js";
import { lokiPushHost } from "./loki.js";
import { monitoringNeeds, releasesOf, whenMonitoring } from "./shared.js";
import type { AddonWiring } from "./types.js";

/** One `[OUTPUT]` section of Fluent Bit's classic configuration format. */
function outputSection(settings: readonly (readonly [string, string])[]): string {
  return ["[OUTPUT]", ...settings.map(([key, value]) => `    ${key} ${value}`)].join("\n");
}

/** The two outputs of the chart's default inputs (kube.* containers, host.* kubelet) to Loki. */
export function lokiOutputs(host: string, clusterName: string): string {
  const common = (match: string, job: string) =>
    [
      ["Name", "loki"],
      ["Match", match],
      ["Host", host],
      ["Port", "80"],
      ["Labels", `job=${job}, cluster=${clusterName}`],
    ] as const;
  return `${[
    outputSection([...common("kube.*", "fluent-bit"), ["Auto_Kubernetes_Labels", "On"]]),
    outputSection(common("host.*", "fluent-bit-host")),
  ].join("\n\n")}\n`;
}

export const fluentBitWiring: AddonWiring = {
  key: "fluentBit",
  tier: "platform",
  wait: false,
  needs: (ctx) => [...releasesOf(ctx, ["loki"]), ...monitoringNeeds(ctx)],
  customResources: (ctx) => ctx.monitoring,
  values: (ctx) => ({
    kind: "DaemonSet",
    // Every node's logs, tainted or not (control plane, spot, dedicated groups).
    tolerations: [{ operator: "Exists" }],
    config: { outputs: lokiOutputs(lokiPushHost(addonInfo("loki").namespace), ctx.model.clusterName) },
    ...whenMonitoring(ctx, { serviceMonitor: { enabled: true } }),
  }),
};
