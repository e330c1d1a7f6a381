// metrics-server (kubernetes-sigs metrics-server chart, pinned 3.13.1).
//
// Value keys checked against kubernetes-sigs/metrics-server charts/metrics-server/values.yaml,
// stored snapshot 026af897: `replicas`, `podDisruptionBudget.{enabled,minAvailable}`, `args`
// (appended to `defaultArgs`). The commit of tag metrics-server-helm-chart-3.13.1 (842dcc8c) is
// not stored for this file.
import { CRITICAL_REPLICAS } from "./shared.js";
import type { AddonWiring } from "./types.js";

export const metricsServerWiring: AddonWiring = {
  key: "metricsServer",
  tier: "foundation",
  wait: false,
  needs: () => [],
  // No ServiceMonitor: it installs in the first group, before the Prometheus CRDs exist.
  customResources: () => false,
  values: () => ({
    // HPA and `kubectl top` stop during a drain with a single replica.
    replicas: CRITICAL_REPLICAS,
    podDisruptionBudget: { enabled: true, minAvailable: 1 },
    // kops kubelets serve self-signed certificates unless serving-cert rotation is set up;
    // kops' own metrics-server manifest passes the same flag in that (default) mode.
    args: ["--kubelet-insecure-tls"],
  }),
};
