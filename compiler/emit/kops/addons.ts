// What the Helm-installed add-ons mean for the kops spec (reference/kops.md §5.14): kops and
// Helm never both own the same add-on, so for every enabled add-on that `replacesKops`, kops'
// own is switched off — in the form kops accepts for each one (field names from the v1.36.2
// Cluster CRD) — and IRSA roles for the add-ons' service accounts.
import type { KopsAddon } from "../../catalog/addons.js";
import { CLUSTER_AUTOSCALER_OWNED_TAG } from "../../addons/iam/cluster-autoscaler.js";
import { CLUSTER_PLACEHOLDER } from "../../addons/iam/context.js";
import { addonsWithInlinePolicy, type StackModel } from "../../model/model.js";
import { terraformOutputs } from "../terraform-outputs.js";
import { OutputRef, type Bindable } from "./refs.js";
import type { KopsClusterSpec, KopsServiceAccountPermissions } from "./types.js";

type OwnershipFields = Pick<
  KopsClusterSpec,
  "certManager" | "podIdentityWebhook" | "clusterAutoscaler" | "metricsServer" | "awsLoadBalancerController" | "cloudConfig"
>;

/** The kops add-ons Helm owns in this stack. */
export function helmOwnedKopsAddons(model: StackModel): Set<KopsAddon> {
  return new Set(model.addons.flatMap((a) => (a.info.replacesKops ? [a.info.replacesKops] : [])));
}

/**
 * @param irsaRoles whether any service account gets an IRSA role: pods only assume their
 *   roles when kops' pod-identity webhook injects the token and AWS_ROLE_ARN, and kops refuses
 *   the webhook without cert-manager (validation.go:2048-2169).
 */
export function addonOwnership(model: StackModel, irsaRoles: boolean): OwnershipFields {
  const owned = helmOwnedKopsAddons(model);
  const out: OwnershipFields = {};
  // enabled: kops add-ons that need cert-manager (AWS LB controller, pod-identity webhook,
  // snapshot controller, Hubble) see it is there; managed: false: kops does not install it.
  if (owned.has("certManager")) out.certManager = { enabled: true, managed: false };
  else if (irsaRoles) out.certManager = { enabled: true };
  if (irsaRoles) out.podIdentityWebhook = { enabled: true };
  if (owned.has("clusterAutoscaler")) out.clusterAutoscaler = { enabled: false };
  if (owned.has("metricsServer")) out.metricsServer = { enabled: false };
  if (owned.has("awsLoadBalancerController")) out.awsLoadBalancerController = { enabled: false };
  if (owned.has("awsEBSCSIDriver")) {
    out.cloudConfig = {
      // never enabled: false, which kops refuses (aws.go:69-77); managed: false keeps kops from
      // deploying its copy (bootstrapchannelbuilder.go:1154-1170).
      awsEBSCSIDriver: { managed: false },
      // kops' storage-aws add-on makes its own class (kops-csi-1-21) the default; the Helm
      // release's gp3 class is the default instead, and two defaults make PVCs ambiguous.
      manageStorageClasses: false,
    };
  }
  return out;
}

/**
 * One entry per add-on with an IRSA service account and AWS permissions: its inline policy
 * (created by the stack's Terraform, ARN in the `irsa_policy_arns` output under its key) and its
 * AWS-managed policies. kops creates the role `<sa>.<namespace>.sa.<cluster>` and trusts the
 * cluster's OIDC provider for exactly that service account.
 */
export function serviceAccountPermissions(model: StackModel): KopsServiceAccountPermissions[] {
  const out: KopsServiceAccountPermissions[] = [];
  const inline = new Set(addonsWithInlinePolicy(model));
  for (const addon of model.addons) {
    if (!addon.serviceAccount || !addon.iam) continue;
    const policyARNs: Bindable[] = [];
    if (inline.has(addon)) policyARNs.push(new OutputRef(terraformOutputs.irsaPolicyArns, addon.key));
    policyARNs.push(...addon.iam.managedPolicyArns);
    if (policyARNs.length === 0) continue;
    out.push({ name: addon.serviceAccount.name, namespace: addon.serviceAccount.namespace, aws: { policyARNs } });
  }
  return out;
}

/** Add-on keys whose inline policy ARN the template reads from `irsa_policy_arns` (what bind expects there). */
export function irsaPolicyKeys(model: StackModel): string[] {
  return addonsWithInlinePolicy(model).map((a) => a.key);
}

/**
 * ASG tags a Helm-installed cluster-autoscaler discovers node groups by
 * (`--node-group-auto-discovery=asg:tag=k8s.io/cluster-autoscaler/enabled,k8s.io/cluster-autoscaler/<cluster>`);
 * its IAM policy only lets it scale groups whose cluster tag is `owned`.
 */
export function clusterAutoscalerLabels(model: StackModel): Record<string, string> | undefined {
  if (!model.addons.some((a) => a.key === "clusterAutoscaler")) return undefined;
  return {
    "k8s.io/cluster-autoscaler/enabled": "1",
    [CLUSTER_AUTOSCALER_OWNED_TAG.replace(CLUSTER_PLACEHOLDER, model.clusterName)]: "owned",
  };
}
