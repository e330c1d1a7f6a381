// Small facts several wiring modules share.
import type { BucketRole } from "../../catalog/iam-types.js";
import type { AddonModel, StackModel } from "../../model/model.js";
import type { Values, WiringContext } from "./types.js";

/**
 * Replicas of the add-ons a node drain must not take down (ingress, DNS-facing controllers,
 * cert-manager, the autoscaler): two, with a PodDisruptionBudget (policy STK-HELM-004).
 */
export const CRITICAL_REPLICAS = 2;

/**
 * The service account name set in the chart's values. kops creates the IRSA role
 * `<sa>.<ns>.sa.<cluster>` for exactly `addon.serviceAccount.name`, so the chart must not
 * derive its own name from the release.
 */
export function serviceAccountName(addon: AddonModel): string {
  const name = addon.serviceAccount?.name ?? addon.info.serviceAccount;
  if (!name) throw new Error(`add-on ${addon.key} has no service account in the catalog`);
  return name;
}

/** The stack bucket with this role; normalize reports a missing one before any emitter runs. */
export function bucketName(model: StackModel, role: BucketRole): string {
  const bucket = model.buckets.find((b) => b.role === role);
  if (!bucket) throw new Error(`the stack has no ${role} bucket`);
  return bucket.name;
}

/** Days as a Go duration in hours (Velero TTL, Loki retention_period). */
export function daysAsHours(days: number): string {
  return `${days * 24}h`;
}

/** `{ serviceMonitor: { enabled: true } }`-style fragment when monitoring, else nothing. */
export function whenMonitoring(ctx: WiringContext, fragment: Values): Values {
  return ctx.monitoring ? fragment : {};
}

/** The Prometheus Operator CRDs release when monitoring (a ServiceMonitor needs its CRD). */
export function monitoringNeeds(ctx: WiringContext): string[] {
  return ctx.monitoring && ctx.prometheusCrds ? [ctx.prometheusCrds] : [];
}

export type LoadBalancerScheme = "internal" | "internet-facing";

/**
 * Annotations for a `type: LoadBalancer` Service that should become a Network Load Balancer.
 * With the AWS Load Balancer Controller: its NLB with IP targets; without it, the cloud
 * controller's NLB (the legacy annotations).
 */
export function loadBalancerAnnotations(ctx: WiringContext, scheme: LoadBalancerScheme): Record<string, string> {
  if (ctx.release("awsLoadBalancerController")) {
    return {
      "service.beta.kubernetes.io/aws-load-balancer-nlb-target-type": "ip",
      "service.beta.kubernetes.io/aws-load-balancer-scheme": scheme,
      "service.beta.kubernetes.io/aws-load-balancer-type": "external",
    };
  }
  return {
    ...(scheme === "internal" ? { "service.beta.kubernetes.io/aws-load-balancer-internal": "true" } : {}),
    "service.beta.kubernetes.io/aws-load-balancer-type": "nlb",
  };
}

/** Releases (`namespace/name`) of the given add-ons that the stack installs. */
export function releasesOf(ctx: WiringContext, keys: Parameters<WiringContext["release"]>[0][]): string[] {
  return keys.map((k) => ctx.release(k)).filter((r): r is string => r !== undefined);
}
