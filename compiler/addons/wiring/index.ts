// The registry of add-on wiring, keyed by manifest add-on key: one module per add-on, so adding
// an add-on is one module and one line here (a test checks every catalog entry has one).
import type { AddonKey } from "../../catalog/addons.js";
import { awsEbsCsiDriverWiring, EBS_STORAGE_CLASS } from "./aws-ebs-csi-driver.js";
import { awsLoadBalancerControllerWiring } from "./aws-load-balancer-controller.js";
import { certManagerWiring } from "./cert-manager.js";
import { clusterAutoscalerWiring } from "./cluster-autoscaler.js";
import { externalDnsWiring } from "./external-dns.js";
import { externalSecretsWiring } from "./external-secrets.js";
import { fluentBitWiring } from "./fluent-bit.js";
import { ingressNginxWiring } from "./ingress-nginx.js";
import { kubePrometheusStackWiring, PROMETHEUS_CRDS_RELEASE } from "./kube-prometheus-stack.js";
import { lokiWiring } from "./loki.js";
import { metricsServerWiring } from "./metrics-server.js";
import { traefikWiring } from "./traefik.js";
import type { AddonWiring } from "./types.js";
import { veleroWiring } from "./velero.js";

export type { AddonWiring, CompanionRelease, Tier, Values, WiringContext } from "./types.js";
export { EBS_STORAGE_CLASS, PROMETHEUS_CRDS_RELEASE };
export { VELERO_SCHEDULE } from "./velero.js";
export { CHART_API_CHECKS, releaseApiVersions } from "./api-checks.js";

export const ADDON_WIRING: Readonly<Record<AddonKey, AddonWiring>> = {
  certManager: certManagerWiring,
  externalDns: externalDnsWiring,
  clusterAutoscaler: clusterAutoscalerWiring,
  metricsServer: metricsServerWiring,
  awsLoadBalancerController: awsLoadBalancerControllerWiring,
  awsEbsCsiDriver: awsEbsCsiDriverWiring,
  externalSecrets: externalSecretsWiring,
  kubePrometheusStack: kubePrometheusStackWiring,
  loki: lokiWiring,
  fluentBit: fluentBitWiring,
  velero: veleroWiring,
  ingressNginx: ingressNginxWiring,
  traefik: traefikWiring,
};

export function addonWiring(key: AddonKey): AddonWiring {
  return ADDON_WIRING[key];
}
