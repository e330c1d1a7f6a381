// Traefik Proxy (traefik/traefik, pinned 37.3.0, app v3.6.0): the maintained ingress controller
// stackc offers in place of the retired ingress-nginx. It serves Kubernetes Ingress (and Gateway
// API once `providers.kubernetesGateway.enabled` is set in values), and Traefik ≥ 3.6.2 can serve
// existing ingress-nginx Ingresses through its kubernetesIngressNginx provider, a migration path
// that a bump of this pin opens.
//
// Value keys checked against traefik/traefik-helm-chart traefik/VALUES.md (helm-docs output for
// chart 37.3.0, appVersion v3.6.0): `deployment.replicas`, `podDisruptionBudget.{enabled,
// minAvailable}`, `ingressClass.{enabled,isDefaultClass,name}`, `service.annotations`,
// `resources`, `metrics.prometheus.{service.enabled,serviceMonitor.enabled}`.
import { CRITICAL_REPLICAS, loadBalancerAnnotations, monitoringNeeds, releasesOf, whenMonitoring, type LoadBalancerScheme } from "./shared.js";
import type { AddonWiring } from "./types.js";

export const traefikWiring: AddonWiring = {
  key: "traefik",
  tier: "platform",
  wait: false,
  // Its LoadBalancer Service is an NLB of the load balancer controller (when installed).
  needs: (ctx) => [...releasesOf(ctx, ["awsLoadBalancerController"]), ...monitoringNeeds(ctx)],
  customResources: (ctx) => ctx.monitoring,
  values: (ctx) => ({
    deployment: { replicas: CRITICAL_REPLICAS },
    podDisruptionBudget: { enabled: true, minAvailable: 1 },
    ingressClass: { enabled: true, isDefaultClass: true, name: "traefik" },
    resources: { requests: { cpu: "100m", memory: "128Mi" } },
    service: { annotations: loadBalancerAnnotations(ctx, ctx.addon.settings.loadBalancerScheme as LoadBalancerScheme) },
    ...whenMonitoring(ctx, { metrics: { prometheus: { service: { enabled: true }, serviceMonitor: { enabled: true } } } }),
  }),
};
