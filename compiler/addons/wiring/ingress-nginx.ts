// ingress-nginx (kubernetes/ingress-nginx, pinned 4.15.1 — the last chart: the project is retired
// upstream and normalize warns STK-MODEL-019). Kept selectable for clusters still migrating.
//
// Value keys from /work/shared/reference/helmfile.md §7 (read from kubernetes/ingress-nginx
// charts/ingress-nginx at tag helm-chart-4.15.1, 0a5901f3): `controller.replicaCount`,
// `controller.allowSnippetAnnotations`, `controller.service.annotations`,
// `controller.metrics.{enabled,serviceMonitor.enabled}`. The stored search index holds no copy
// of that values.yaml to re-check against.
import { CRITICAL_REPLICAS, loadBalancerAnnotations, monitoringNeeds, releasesOf, type LoadBalancerScheme } from "./shared.js";
import type { AddonWiring } from "./types.js";

export const ingressNginxWiring: AddonWiring = {
  key: "ingressNginx",
  tier: "platform",
  wait: false,
  // Its LoadBalancer Service is an NLB of the load balancer controller (when installed).
  needs: (ctx) => [...releasesOf(ctx, ["awsLoadBalancerController"]), ...monitoringNeeds(ctx)],
  customResources: (ctx) => ctx.monitoring,
  values: (ctx) => ({
    controller: {
      replicaCount: CRITICAL_REPLICAS,
      // Snippets run arbitrary nginx configuration (CVE-2025-1974 class): keep them off.
      allowSnippetAnnotations: false,
      service: { annotations: loadBalancerAnnotations(ctx, ctx.addon.settings.loadBalancerScheme as LoadBalancerScheme) },
      ...(ctx.monitoring ? { metrics: { enabled: true, serviceMonitor: { enabled: true } } } : {}),
    },
  }),
};
