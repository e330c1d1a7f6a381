// Capabilities for offline rendering: which API versions each pinned chart's templates test with
// `.Capabilities.APIVersions.Has` (or `has … .Capabilities.APIVersions`), and which of those the
// stack's cluster will serve. The Helmfile emitter writes the intersection as the release's
// `apiVersions` (helmfile passes them as `--api-versions` to `helm template` and to helm-diff,
// pkg/state/state.go appendApiVersionsFlags in helmfile v1.8.0).
//
// Why: `helmfile template`, and the diff `helmfile apply` runs before installing anything on a
// fresh cluster, render every release against the API versions helm knows, not against the
// cluster that will exist a few install groups later. Traefik's ServiceMonitor template `fail`s
// without monitoring.coreos.com/v1 (the CRDs come from the prometheus-operator-crds release in
// the first group), others silently drop a ServiceMonitor or pick a deprecated API
// (policy/v1beta1 when policy/v1/PodDisruptionBudget is not listed: helm's built-in set has
// group versions only, no kinds). Declaring what the cluster will serve makes every render the
// one the cluster gets — and nothing the cluster will not serve is declared (no VPA, no
// snapshot CRDs, no OpenShift, no Gateway API: stackc installs none of them).
//
// Checked with `git grep "Capabilities.APIVersions"` in each chart's templates/ at the pinned tag;
// charts whose templates test none (cert-manager v1.21.1, external-dns 1.21.1,
// cluster-autoscaler 9.59.0, aws-load-balancer-controller 3.5.0 at eks-charts 52396092,
// prometheus-operator-crds 31.0.1) have no entry.
import type { AddonKey } from "../../catalog/addons.js";
import type { StackModel } from "../../model/model.js";

interface ChartApiChecks {
  /** Every API version / kind string the templates test, as written there. */
  apis: readonly string[];
  /** Repository : path @ tag the list was read from. */
  source: string;
}

export const CHART_API_CHECKS: Readonly<Partial<Record<AddonKey, ChartApiChecks>>> = {
  traefik: {
    apis: ["monitoring.coreos.com/v1", "policy/v1/PodDisruptionBudget"],
    source: "traefik/traefik-helm-chart : traefik/templates/{servicemonitor,prometheusrules,poddisruptionbudget}.yaml @ v37.3.0",
  },
  fluentBit: {
    apis: ["autoscaling.k8s.io/v1/VerticalPodAutoscaler", "autoscaling/v2beta2", "monitoring.coreos.com/v1", "networking.k8s.io/v1", "networking.k8s.io/v1beta1", "policy/v1"],
    source: "fluent/helm-charts : charts/fluent-bit/templates/{_helpers.tpl,servicemonitor,prometheusrule,vpa}.yaml @ fluent-bit-0.58.1",
  },
  velero: {
    apis: ["monitoring.coreos.com/v1", "policy/v1/PodDisruptionBudget"],
    source: "vmware-tanzu/helm-charts : charts/velero/templates/{servicemonitor,podmonitor,prometheusrule,poddisruptionbudget}.yaml @ velero-12.1.0",
  },
  externalSecrets: {
    apis: ["monitoring.coreos.com/v1/ServiceMonitor", "security.openshift.io/v1"],
    source: "external-secrets/external-secrets : deploy/charts/external-secrets/templates/_helpers.tpl @ helm-chart-2.9.0",
  },
  awsEbsCsiDriver: {
    apis: [
      "monitoring.coreos.com/v1/ServiceMonitor",
      "snapshot.storage.k8s.io/v1",
      "snapshot.storage.k8s.io/v1beta1",
      "storage.k8s.io/v1/VolumeAttributesClass",
      "storage.k8s.io/v1beta1/VolumeAttributesClass",
    ],
    source: "kubernetes-sigs/aws-ebs-csi-driver : charts/aws-ebs-csi-driver/templates/{_metrics.tpl,controller,metrics,volumesnapshotclass}.yaml @ helm-chart-aws-ebs-csi-driver-2.64.0",
  },
  metricsServer: {
    apis: ["policy/v1"],
    source: "kubernetes-sigs/metrics-server : charts/metrics-server/templates/_helpers.tpl @ metrics-server-helm-chart-3.13.1",
  },
  ingressNginx: {
    apis: ["autoscaling/v2"],
    source: "kubernetes/ingress-nginx : charts/ingress-nginx/templates/{controller,default-backend}-hpa.yaml @ helm-chart-4.15.1",
  },
  loki: {
    apis: ["gateway.networking.k8s.io/v1", "gateway.networking.k8s.io/v1beta1"],
    source: "grafana-community/helm-charts : charts/loki/templates/_route.tpl @ loki-18.11.0",
  },
  kubePrometheusStack: {
    // its own templates and its subcharts' (kube-state-metrics 8.4.0, prometheus-node-exporter
    // 4.56.1, grafana 12.11.1): a chart's Capabilities are its parent's
    apis: ["autoscaling.k8s.io/v1", "autoscaling.k8s.io/v1/VerticalPodAutoscaler", "autoscaling/v2", "policy/v1beta1/PodSecurityPolicy"],
    source:
      "prometheus-community/helm-charts : charts/kube-prometheus-stack/templates/prometheus-operator/verticalpodautoscaler.yaml @ kube-prometheus-stack-88.5.3, charts/{kube-state-metrics,prometheus-node-exporter}/templates/verticalpodautoscaler.yaml; grafana-community/helm-charts : charts/grafana/templates/{_helpers.tpl,vpa.yaml,podsecuritypolicy.yaml} @ grafana-12.11.1",
  },
};

/**
 * Built-in APIs a chart above tests, with the first Kubernetes minor that serves them (none of
 * them is removed within stackc's supported window, 1.31–1.36). APIs removed before 1.31
 * (autoscaling/v2beta2 in 1.26, policy/v1beta1/PodSecurityPolicy in 1.25,
 * networking.k8s.io/v1beta1 in 1.22) are never declared.
 */
const BUILT_IN_SINCE: Readonly<Record<string, number>> = {
  "networking.k8s.io/v1": 19,
  "policy/v1": 21,
  "policy/v1/PodDisruptionBudget": 21,
  "autoscaling/v2": 23,
  // VolumeAttributesClass went GA (storage.k8s.io/v1) in 1.34
  "storage.k8s.io/v1/VolumeAttributesClass": 34,
};

/** The Prometheus Operator CRDs (prometheus-operator-crds 31.0.1): monitoring.coreos.com/v1 and its kinds. */
const PROMETHEUS_OPERATOR_APIS = [
  "monitoring.coreos.com/v1",
  ...["Alertmanager", "PodMonitor", "Probe", "Prometheus", "PrometheusRule", "ServiceMonitor", "ThanosRuler"].map((k) => `monitoring.coreos.com/v1/${k}`),
];

/** The Kubernetes minor of the stack (1.x → x), or the oldest supported when it does not parse. */
function minorOf(model: StackModel): number {
  const minor = Number(model.kubernetesMinor?.split(".")[1]);
  return Number.isInteger(minor) ? minor : 31;
}

/**
 * The `apiVersions` of an add-on's release: what its chart tests that the cluster will serve —
 * built-in APIs of the stack's Kubernetes minor, and the CRDs this helmfile installs before it
 * (`prometheusCrdsFirst`: the Prometheus Operator CRDs release is in an earlier install group).
 * Sorted.
 */
export function releaseApiVersions(key: AddonKey, model: StackModel, prometheusCrdsFirst: boolean): string[] {
  const tested = CHART_API_CHECKS[key]?.apis ?? [];
  const minor = minorOf(model);
  const served = new Set<string>(Object.entries(BUILT_IN_SINCE).flatMap(([api, since]) => (minor >= since ? [api] : [])));
  if (prometheusCrdsFirst) for (const api of PROMETHEUS_OPERATOR_APIS) served.add(api);
  return tested.filter((api) => served.has(api)).sort();
}
