// Registry of the IAM each curated add-on needs through IRSA, keyed by the manifest's add-on key.
// Provenance of every policy is at the top of its file and in `provenance` below.
//
// Conventions (checked by test/addons/iam*.test.ts):
// - `sid`: letters and digits, unique within the add-on.
// - actions: `service:Action`, no wildcards, no duplicates within a statement, sorted
//   alphabetically — except for add-ons with `upstreamOrder: true` (only the load-balancer
//   controller), whose statements are a verbatim transcription of an upstream policy document and
//   keep upstream's order so they can be diffed line by line against it.
// - resources: `*`, a literal ARN in the stack's partition, or a ref the Terraform emitter
//   resolves (`route53-zone`, `bucket`, `bucket-objects`).
// - `${cluster}` may appear in condition variables/values and string resources; resolveAddonIam
//   replaces it. Nothing else of the form `${…}` may remain, because the Terraform emitter writes
//   these strings into HCL, where `${` starts an interpolation.
//
// Add-ons without AWS access have no entry: fluent-bit ships to Loki inside the cluster;
// metrics-server, kube-prometheus-stack and ingress controllers call no AWS API.
import type { IamCondition, IamResource, IamStatement } from "../../catalog/iam-types.js";
import { awsEbsCsiDriverManagedPolicyArns, awsEbsCsiDriverStatements, AWS_EBS_CSI_DRIVER_PROVENANCE } from "./aws-ebs-csi-driver.js";
import { awsLoadBalancerControllerStatements, AWS_LOAD_BALANCER_CONTROLLER_PROVENANCE } from "./aws-load-balancer-controller.js";
import { certManagerStatements, CERT_MANAGER_PROVENANCE } from "./cert-manager.js";
import { clusterAutoscalerStatements, CLUSTER_AUTOSCALER_PROVENANCE } from "./cluster-autoscaler.js";
import { CLUSTER_PLACEHOLDER, type IamContext, type Provenance } from "./context.js";
import { externalDnsStatements, EXTERNAL_DNS_PROVENANCE } from "./external-dns.js";
import { externalSecretsStatements, EXTERNAL_SECRETS_PROVENANCE } from "./external-secrets.js";
import { lokiStatements, LOKI_PROVENANCE } from "./loki.js";
import { veleroStatements, VELERO_PROVENANCE } from "./velero.js";

export type { AwsPartition, IamContext, Provenance } from "./context.js";
export { CLUSTER_PLACEHOLDER, partitionForRegion, partitionOf } from "./context.js";
export { externalSecretsPrefix } from "./external-secrets.js";

export type IamAddonKey =
  | "awsEbsCsiDriver"
  | "awsLoadBalancerController"
  | "certManager"
  | "clusterAutoscaler"
  | "externalDns"
  | "externalSecrets"
  | "loki"
  | "velero";

export interface AddonIamSpec {
  /** Inline statements, rendered into one `aws_iam_policy` for the add-on's service account. */
  readonly statements: (ctx: IamContext) => IamStatement[];
  /** AWS managed policies attached as they are (kops `policyARNs`). */
  readonly managedPolicyArns: (ctx: IamContext) => string[];
  /** Statements transcribed verbatim from upstream keep upstream's action order. */
  readonly upstreamOrder: boolean;
  readonly provenance: readonly Provenance[];
}

const none = (): string[] => [];

export const ADDON_IAM: Readonly<Record<IamAddonKey, AddonIamSpec>> = {
  awsEbsCsiDriver: {
    statements: awsEbsCsiDriverStatements,
    managedPolicyArns: awsEbsCsiDriverManagedPolicyArns,
    upstreamOrder: false,
    provenance: [AWS_EBS_CSI_DRIVER_PROVENANCE],
  },
  awsLoadBalancerController: {
    statements: awsLoadBalancerControllerStatements,
    managedPolicyArns: none,
    upstreamOrder: true,
    provenance: [AWS_LOAD_BALANCER_CONTROLLER_PROVENANCE],
  },
  certManager: {
    statements: certManagerStatements,
    managedPolicyArns: none,
    upstreamOrder: false,
    provenance: [CERT_MANAGER_PROVENANCE],
  },
  clusterAutoscaler: {
    statements: clusterAutoscalerStatements,
    managedPolicyArns: none,
    upstreamOrder: false,
    provenance: [CLUSTER_AUTOSCALER_PROVENANCE],
  },
  externalDns: {
    statements: externalDnsStatements,
    managedPolicyArns: none,
    upstreamOrder: false,
    provenance: [EXTERNAL_DNS_PROVENANCE],
  },
  externalSecrets: {
    statements: externalSecretsStatements,
    managedPolicyArns: none,
    upstreamOrder: false,
    provenance: EXTERNAL_SECRETS_PROVENANCE,
  },
  loki: {
    statements: lokiStatements,
    managedPolicyArns: none,
    upstreamOrder: false,
    provenance: [LOKI_PROVENANCE],
  },
  velero: {
    statements: veleroStatements,
    managedPolicyArns: none,
    upstreamOrder: false,
    provenance: [VELERO_PROVENANCE],
  },
};

/** Every registered add-on key, sorted. */
export const IAM_ADDON_KEYS: readonly IamAddonKey[] = (Object.keys(ADDON_IAM) as IamAddonKey[]).sort();

export function isIamAddonKey(key: string): key is IamAddonKey {
  return Object.prototype.hasOwnProperty.call(ADDON_IAM, key);
}

export interface ResolvedAddonIam {
  statements: IamStatement[];
  managedPolicyArns: string[];
}

function substitute(value: string, ctx: IamContext): string {
  const out = value.split(CLUSTER_PLACEHOLDER).join(ctx.clusterName);
  if (out.includes("${")) {
    throw new Error(`unresolved placeholder in IAM data: ${JSON.stringify(value)}`);
  }
  return out;
}

function resolveResource(resource: IamResource, ctx: IamContext): IamResource {
  return typeof resource === "string" ? substitute(resource, ctx) : { ...resource };
}

function resolveCondition(condition: IamCondition, ctx: IamContext): IamCondition {
  return {
    test: condition.test,
    variable: substitute(condition.variable, ctx),
    values: condition.values.map((v) => substitute(v, ctx)),
  };
}

/**
 * The statements and managed policies for one add-on, with `${cluster}` replaced by the cluster
 * name. Returns fresh objects: callers may not mutate the registry's data by accident.
 */
export function resolveAddonIam(key: IamAddonKey, ctx: IamContext): ResolvedAddonIam {
  const spec = ADDON_IAM[key];
  const statements = spec.statements(ctx).map((s): IamStatement => {
    const resolved: IamStatement = {
      sid: s.sid,
      effect: s.effect,
      actions: [...s.actions],
      resources: s.resources.map((r) => resolveResource(r, ctx)),
    };
    if (s.conditions !== undefined) resolved.conditions = s.conditions.map((c) => resolveCondition(c, ctx));
    return resolved;
  });
  const managedPolicyArns = spec.managedPolicyArns(ctx).map((arn) => substitute(arn, ctx));
  return { statements, managedPolicyArns };
}
