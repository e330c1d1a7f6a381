// The curated add-ons: what each one is (chart, repository, namespace, service account),
// what it needs from the stack (IRSA, other add-ons) and which kops-managed add-on it
// replaces. Registered units with metadata, read by normalize (the model), the Helmfile
// emitter (values), the kops emitter (ownership, IRSA) and the Terraform emitter (IAM).
// Default versions match test/upstream/addons.json (a test keeps them in step).
import type { ResolvedAddons } from "../../schema/stack.types.js";

export type AddonKey = keyof ResolvedAddons;

/** kops add-ons that a Helm-installed add-on takes over (kops must then not manage them). */
export type KopsAddon = "certManager" | "awsEBSCSIDriver" | "clusterAutoscaler" | "metricsServer" | "awsLoadBalancerController";

export interface AddonInfo {
  key: AddonKey;
  /** Helm release name. */
  release: string;
  namespace: string;
  chart: string;
  repo: { name: string; url: string };
  /** The pinned chart version `stackc init` writes. */
  defaultVersion: string;
  /** Service account the chart runs as; set explicitly in values so kops' IRSA role name matches. */
  serviceAccount?: string;
  /** Needs AWS permissions through IRSA. */
  irsa: boolean;
  replacesKops?: KopsAddon;
  /** Add-ons this one cannot work without. */
  requires?: AddonKey[];
  /** Shown as a warning when the add-on is enabled. */
  deprecation?: string;
}

export const addonCatalog: readonly AddonInfo[] = [
  {
    key: "certManager",
    release: "cert-manager",
    namespace: "cert-manager",
    chart: "cert-manager",
    repo: { name: "jetstack", url: "https://charts.jetstack.io" },
    defaultVersion: "v1.21.1",
    serviceAccount: "cert-manager",
    irsa: true,
    replacesKops: "certManager",
  },
  {
    key: "externalDns",
    release: "external-dns",
    namespace: "external-dns",
    chart: "external-dns",
    repo: { name: "external-dns", url: "https://kubernetes-sigs.github.io/external-dns/" },
    defaultVersion: "1.21.1",
    serviceAccount: "external-dns",
    irsa: true,
  },
  {
    key: "clusterAutoscaler",
    release: "cluster-autoscaler",
    namespace: "kube-system",
    chart: "cluster-autoscaler",
    repo: { name: "autoscaler", url: "https://kubernetes.github.io/autoscaler" },
    defaultVersion: "9.59.0",
    serviceAccount: "cluster-autoscaler",
    irsa: true,
    replacesKops: "clusterAutoscaler",
  },
  {
    key: "metricsServer",
    release: "metrics-server",
    namespace: "kube-system",
    chart: "metrics-server",
    repo: { name: "metrics-server", url: "https://kubernetes-sigs.github.io/metrics-server/" },
    defaultVersion: "3.13.1",
    irsa: false,
    replacesKops: "metricsServer",
  },
  {
    key: "awsLoadBalancerController",
    release: "aws-load-balancer-controller",
    namespace: "kube-system",
    chart: "aws-load-balancer-controller",
    repo: { name: "eks", url: "https://aws.github.io/eks-charts" },
    defaultVersion: "3.5.0",
    serviceAccount: "aws-load-balancer-controller",
    irsa: true,
    replacesKops: "awsLoadBalancerController",
    requires: ["certManager"],
  },
  {
    key: "awsEbsCsiDriver",
    release: "aws-ebs-csi-driver",
    namespace: "kube-system",
    chart: "aws-ebs-csi-driver",
    repo: { name: "aws-ebs-csi-driver", url: "https://kubernetes-sigs.github.io/aws-ebs-csi-driver" },
    defaultVersion: "2.64.0",
    serviceAccount: "ebs-csi-controller-sa",
    irsa: true,
    replacesKops: "awsEBSCSIDriver",
  },
  {
    key: "externalSecrets",
    release: "external-secrets",
    namespace: "external-secrets",
    chart: "external-secrets",
    repo: { name: "external-secrets", url: "https://charts.external-secrets.io" },
    defaultVersion: "2.9.0",
    serviceAccount: "external-secrets",
    irsa: true,
  },
  {
    key: "kubePrometheusStack",
    release: "kube-prometheus-stack",
    namespace: "monitoring",
    chart: "kube-prometheus-stack",
    repo: { name: "prometheus-community", url: "https://prometheus-community.github.io/helm-charts" },
    defaultVersion: "88.5.3",
    irsa: false,
  },
  {
    key: "loki",
    release: "loki",
    namespace: "logging",
    chart: "loki",
    repo: { name: "grafana-community", url: "https://grafana-community.github.io/helm-charts" },
    defaultVersion: "18.11.0",
    serviceAccount: "loki",
    irsa: true,
  },
  {
    key: "fluentBit",
    release: "fluent-bit",
    namespace: "logging",
    chart: "fluent-bit",
    repo: { name: "fluent", url: "https://fluent.github.io/helm-charts" },
    defaultVersion: "0.58.1",
    irsa: false,
    requires: ["loki"],
  },
  {
    key: "velero",
    release: "velero",
    namespace: "velero",
    chart: "velero",
    repo: { name: "vmware-tanzu", url: "https://vmware-tanzu.github.io/helm-charts" },
    defaultVersion: "12.1.0",
    serviceAccount: "velero",
    irsa: true,
  },
  {
    key: "ingressNginx",
    release: "ingress-nginx",
    namespace: "ingress-nginx",
    chart: "ingress-nginx",
    repo: { name: "ingress-nginx", url: "https://kubernetes.github.io/ingress-nginx" },
    defaultVersion: "4.15.1",
    irsa: false,
    deprecation:
      "ingress-nginx is retired upstream (best-effort maintenance ended in March 2026; 4.15.1 is the last chart): no more security fixes",
  },
  {
    // The maintained replacement for ingress-nginx: serves Kubernetes Ingress (and Gateway API
    // when enabled in values); chart version from traefik/traefik-helm-chart traefik/VALUES.md
    // (37.3.0, appVersion v3.6.0).
    key: "traefik",
    release: "traefik",
    namespace: "traefik",
    chart: "traefik",
    repo: { name: "traefik", url: "https://traefik.github.io/charts" },
    defaultVersion: "37.3.0",
    irsa: false,
  },
];

export function addonInfo(key: AddonKey): AddonInfo {
  const info = addonCatalog.find((a) => a.key === key);
  if (!info) throw new Error(`unknown add-on ${key}`);
  return info;
}

/**
 * cluster-autoscaler releases per Kubernetes minor (image registry.k8s.io/autoscaling/
 * cluster-autoscaler). The autoscaler must match the cluster's minor; newest patch known
 * to stackc (kubernetes/autoscaler tags, 2026-07-22).
 */
export const clusterAutoscalerImageTags: Readonly<Record<string, string>> = {
  "1.33": "v1.33.6",
  "1.34": "v1.34.5",
  "1.35": "v1.35.2",
  "1.36": "v1.36.1",
};
