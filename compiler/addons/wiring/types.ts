// The wiring of one curated add-on: the Helm values stackc derives from the stack, and the
// facts the Helmfile emitter needs to order it (tier, wait, needs, custom resources).
// Each add-on has one module in this folder; index.ts registers them by add-on key.
import type { AddonKey } from "../../catalog/addons.js";
import type { AddonModel, StackModel } from "../../model/model.js";

/** Helm values: plain JSON-like data. */
export type Values = Record<string, unknown>;

/**
 * Where a release sits in the install order (the Helmfile emitter turns tiers into `needs`):
 * - foundation: CRDs, admission webhooks and storage everything else builds on;
 * - gateway: the AWS Load Balancer Controller, whose Service webhook (failurePolicy Fail)
 *   must be ready before any later release creates a Service;
 * - platform: the other add-ons; app: the stack's own charts (spec.charts);
 * - backup: Velero, installed last so its first backup covers everything.
 */
export type Tier = "foundation" | "gateway" | "platform" | "app" | "backup";

/** What a wiring module may read: the model, the add-on, and what else the stack installs. */
export interface WiringContext {
  readonly model: StackModel;
  readonly addon: AddonModel;
  /** `namespace/name` of an enabled curated add-on's release, or undefined. */
  release(key: AddonKey): string | undefined;
  /**
   * kube-prometheus-stack is enabled: the Prometheus Operator CRDs are installed in the first
   * group (release `prometheusCrds`) and add-ons turn on their ServiceMonitors.
   */
  readonly monitoring: boolean;
  /** `namespace/name` of the release that installs the Prometheus Operator CRDs (when monitoring). */
  readonly prometheusCrds: string | undefined;
  /** StorageClass created by the aws-ebs-csi-driver add-on (when enabled). */
  readonly storageClass: string | undefined;
}

/** A release an add-on brings along (e.g. the Prometheus Operator CRDs). */
export interface CompanionRelease {
  name: string;
  namespace: string;
  chart: string;
  repo: { name: string; url: string };
  version: string;
  tier: Tier;
  wait: boolean;
  values: Values;
}

export interface AddonWiring {
  readonly key: AddonKey;
  readonly tier: Tier;
  /** Dependents must not start before this release is ready (webhooks, CRDs). */
  readonly wait: boolean;
  /** Helm timeout in seconds when the default (helmDefaults) is too short. */
  readonly timeout?: number;
  /** Every other foundation release installs before it, every later release after it. */
  readonly barrier?: boolean;
  /** Installs after every release that does not itself need it. */
  readonly last?: boolean;
  /** Releases (`namespace/name`) this one needs beyond what its tier implies. */
  needs(ctx: WiringContext): string[];
  /**
   * The release renders custom resources whose CRDs are not on a fresh cluster when
   * `helmfile apply` diffs (they come from another release, or from the chart's own crds/):
   * helm-diff must skip validation on the first install.
   */
  customResources(ctx: WiringContext): boolean;
  /** The wired values, before `settings.values` is merged over them. */
  values(ctx: WiringContext): Values;
  /** Releases installed alongside this add-on. */
  companions?(ctx: WiringContext): CompanionRelease[];
}
