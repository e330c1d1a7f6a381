// kube-prometheus-stack (prometheus-community, pinned 88.5.3) and its CRDs as a separate
// release (prometheus-operator-crds, pinned 31.0.1; both ship prometheus-operator v0.93.1).
//
// Value keys from /work/shared/reference/helmfile.md §5 (read from prometheus-community/
// helm-charts charts/kube-prometheus-stack at tag kube-prometheus-stack-88.5.3, ea930bae):
// `crds.enabled`, `prometheus.prometheusSpec.{retention,storageSpec,externalLabels,
// *SelectorNilUsesHelmValues}`, `alertmanager.alertmanagerSpec.storage`. The stored search index
// holds no copy of that values.yaml to re-check against.
//
// Why the CRDs are their own release: every add-on with a ServiceMonitor needs the CRD before
// it installs. In a first-group release of their own (templates, so Helm upgrades them), the
// CRDs exist before any ServiceMonitor, instead of arriving with kube-prometheus-stack in a late
// group (and kube-prometheus-stack's crds.enabled is turned off so only one release owns them).
import { monitoringNeeds, releasesOf } from "./shared.js";
import type { AddonWiring, Values, WiringContext } from "./types.js";

export const PROMETHEUS_CRDS_RELEASE = "prometheus-operator-crds";

/**
 * Grafana's admin credentials come from this Secret in the release namespace (keys admin-user,
 * admin-password), created before the first apply (RUNBOOK.md) or by external-secrets: the
 * chart's default is a well-known password.
 */
export const GRAFANA_ADMIN_SECRET = "grafana-admin";

function volumeClaimTemplate(ctx: WiringContext, size: string): Values {
  return {
    volumeClaimTemplate: {
      spec: {
        ...(ctx.storageClass ? { storageClassName: ctx.storageClass } : {}),
        accessModes: ["ReadWriteOnce"],
        resources: { requests: { storage: size } },
      },
    },
  };
}

export const kubePrometheusStackWiring: AddonWiring = {
  key: "kubePrometheusStack",
  tier: "platform",
  wait: false,
  timeout: 900,
  // CRDs first; persistent volumes need the EBS CSI driver when Helm installs it.
  needs: (ctx) => [...monitoringNeeds(ctx), ...releasesOf(ctx, ["awsEbsCsiDriver"])],
  // Prometheus, Alertmanager, ServiceMonitors and PrometheusRules are custom resources.
  customResources: () => true,
  values: (ctx) => {
    const { model, addon } = ctx;
    const selectors = Object.fromEntries(
      ["serviceMonitor", "podMonitor", "rule", "probe", "scrapeConfig"].map((s) => [`${s}SelectorNilUsesHelmValues`, false]),
    );
    return {
      crds: { enabled: false },
      prometheus: {
        prometheusSpec: {
          retention: addon.settings.retention,
          // Every series says which cluster it came from (one Grafana over the fleet).
          externalLabels: { cluster: model.clusterName },
          // Pick up the ServiceMonitors of every release, not only this chart's own.
          ...selectors,
          storageSpec: volumeClaimTemplate(ctx, String(addon.settings.storageSize)),
        },
      },
      alertmanager: { alertmanagerSpec: { storage: volumeClaimTemplate(ctx, "10Gi") } },
      grafana: { admin: { existingSecret: GRAFANA_ADMIN_SECRET, userKey: "admin-user", passwordKey: "admin-password" } },
    };
  },
  companions: (ctx) => [
    {
      name: PROMETHEUS_CRDS_RELEASE,
      namespace: ctx.addon.info.namespace,
      chart: "prometheus-operator-crds",
      repo: ctx.addon.info.repo,
      version: String(ctx.addon.settings.crdsVersion),
      tier: "foundation",
      wait: true,
      values: {},
    },
  ],
};
