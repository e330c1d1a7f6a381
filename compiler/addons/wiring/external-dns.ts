// external-dns (kubernetes-sigs external-dns chart, pinned 1.21.1).
//
// Value keys checked against kubernetes-sigs/external-dns charts/external-dns/values.yaml
// (stored snapshots 01a605ac and 76f7a663: `serviceAccount.{create,name}`, `env`, `sources`,
// `policy`, `registry`, `txtOwnerId`, `domainFilters`, `extraArgs`, `serviceMonitor.enabled`,
// `resources`) and charts/external-dns/values.schema.json (stored 7d3d3551: `provider` is a
// string or `{name}`; `extraArgs` a list of strings). The files at tag
// external-dns-helm-chart-1.21.1 (9f264513) are not in the stored index; `provider.name` and
// the explicit `policy` follow /work/shared/reference/helmfile.md §5 for 1.21.1.
import { monitoringNeeds, serviceAccountName, whenMonitoring } from "./shared.js";
import type { AddonWiring } from "./types.js";
import type { StackModel } from "../../model/model.js";

export const externalDnsWiring: AddonWiring = {
  key: "externalDns",
  tier: "platform",
  wait: false,
  needs: (ctx) => monitoringNeeds(ctx),
  customResources: (ctx) => ctx.monitoring,
  values: (ctx) => {
    const { model, addon } = ctx;
    const { dns } = model.stack.spec;
    return {
      provider: { name: "aws" },
      // Pods cannot reach IMDS (hop limit 1), so the SDK is told the region.
      env: [{ name: "AWS_DEFAULT_REGION", value: model.region }],
      sources: ["service", "ingress"],
      // Set explicitly: `sync` deletes records it owns, `upsert-only` never deletes.
      policy: addon.settings.policy,
      registry: "txt",
      // Unique per cluster (cluster names are unique across the fleet, STK-FLEET-002), so
      // external-dns never touches records another cluster, or kops' dns-controller, created.
      txtOwnerId: model.clusterName,
      domainFilters: [dns.zone],
      extraArgs: [`--aws-zone-type=${dns.type}`],
      serviceAccount: { create: true, name: serviceAccountName(addon) },
      resources: { requests: { cpu: "10m", memory: "64Mi" } },
      ...whenMonitoring(ctx, { serviceMonitor: { enabled: true } }),
    };
  },
};

/**
 * The owner id external-dns writes into its TXT ownership records: the cluster name, unless the
 * manifest's values override it (values are merged over the wired ones). Blue/green checks ask
 * this too (compile/coexist.ts), so the check and the values cannot disagree.
 */
export function externalDnsOwnerId(model: StackModel): { id: string; pointer: string } | undefined {
  const addon = model.addons.find((a) => a.key === "externalDns");
  if (!addon) return undefined;
  const override = addon.settings.values.txtOwnerId;
  return typeof override === "string" ? { id: override, pointer: `${addon.pointer}/values/txtOwnerId` } : { id: model.clusterName, pointer: "/spec/cluster/name" };
}
