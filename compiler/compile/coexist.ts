// Blue/green: a stack and the stack it replaces (spec.replaces) run side by side until the
// cut-over, so everything that is keyed by a name or holds an address must differ between them:
// stack and cluster names, external-dns owner ids, the IRSA issuer, IAM names, buckets, a private
// DNS zone in a shared VPC, and private blocks in a shared network. And the old stack must be a
// usable restore source for the new one: Velero backups, same account and region. Each conflict
// is its own code, located at the new stack's value with the old stack's as related location.
// Checked inside the new stack's compile (the old stack is one of its inputs), so it holds
// whatever else is compiled with it.
import type { Diagnostic, RelatedLocation } from "../diagnostics/diagnostic.js";
import { diag, type DiagnosticCode } from "../diagnostics/codes.js";
import { externalDnsOwnerId } from "../addons/wiring/external-dns.js";
import { terraformModules } from "../emit/terraform/emitter.js";
import { moduleArtifact } from "../emit/terraform/tf/artifact.js";
import type { SourceMap } from "../load/source-map.js";
import type { StackModel } from "../model/model.js";
import { overlaps, parseCidr } from "../normalize/cidr.js";

export function checkCoexistence(green: StackModel, greenMap: SourceMap, blue: StackModel, blueMap: SourceMap): Diagnostic[] {
  const out: Diagnostic[] = [];
  const report = (code: DiagnosticCode, message: string, pointer: string, bluePointer: string | undefined, hint?: string) => {
    const at = greenMap.locate(pointer);
    const related: RelatedLocation[] = [];
    if (bluePointer !== undefined) {
      const there = blueMap.locate(bluePointer);
      related.push({ message: `${blue.name} (the replaced stack) here`, file: there.file, range: there.range });
    }
    out.push(diag(code, message, { file: at.file, range: at.range, pointer, related, ...(hint ? { hint } : {}) }));
  };
  const old = `the replaced stack ${blue.name}`;

  // a usable restore source
  const velero = (m: StackModel) => m.addons.some((a) => a.key === "velero") && m.buckets.some((b) => b.role === "velero");
  if (!velero(blue) || !blue.stack.spec.backups.enabled) {
    report("STK-BG-001", `${old} has no Velero backups to restore from`, "/spec/replaces", "/spec/backups", "Enable backups (and the velero add-on) on the old stack, and let a backup run before the cut-over");
  }
  if (!velero(green)) {
    report("STK-BG-001", `This stack has no Velero to restore ${blue.name}'s backups with`, "/spec/replaces", undefined, "Enable the velero add-on and backups in this stack");
  }
  if (blue.region !== green.region) {
    report("STK-BG-001", `${old} is in ${blue.region}, this stack in ${green.region}: EBS snapshots restore only within a region`, "/spec/cloud/region", "/spec/cloud/region");
  }
  if ((blue.accountId ?? "") !== (green.accountId ?? "")) {
    report(
      "STK-BG-001",
      `${old} is in account ${blue.accountId ?? "(not set)"}, this stack in ${green.accountId ?? "(not set)"}: the read-only restore location needs both in one account`,
      "/spec/cloud/accountId",
      "/spec/cloud/accountId",
      "Set the same spec.cloud.accountId on both stacks",
    );
  }

  if (green.name === blue.name) report("STK-BG-007", `Stack name ${green.name} is also ${old}'s: its out/ folder and Terraform state key`, "/metadata/name", "/metadata/name");
  if (green.clusterName === blue.clusterName) {
    report("STK-BG-002", `Cluster name ${green.clusterName} is also ${old}'s`, "/spec/cluster/name", "/spec/cluster/name", "Name the new cluster after its color, e.g. green.<zone>");
  }
  const owner = externalDnsOwnerId(green);
  const theirOwner = externalDnsOwnerId(blue);
  // equal cluster names already said it (the owner id defaults to the cluster name)
  if (owner && theirOwner && owner.id === theirOwner.id && green.clusterName !== blue.clusterName) {
    report("STK-BG-003", `external-dns owner id ${owner.id} is also ${old}'s: each would rewrite the other's records`, owner.pointer, theirOwner.pointer);
  }
  const oidc = green.buckets.find((b) => b.role === "oidc");
  const theirOidc = blue.buckets.find((b) => b.role === "oidc");
  if (oidc && theirOidc && oidc.name === theirOidc.name) {
    report("STK-BG-004", `IRSA issuer s3://${oidc.name} is also ${old}'s`, oidc.pointer, theirOidc.pointer, "Give this stack its own spec.cluster.irsa.discoveryBucket");
  }
  const theirBuckets = new Map([...blue.buckets, ...blue.remoteBuckets].map((b) => [b.name, b] as const));
  for (const bucket of [...green.buckets, ...green.remoteBuckets]) {
    const theirs = theirBuckets.get(bucket.name);
    if (!theirs || bucket.role === "oidc") continue;
    report("STK-BG-007", `Bucket ${bucket.name} is also ${old}'s (${theirs.purpose})`, bucket.pointer, theirs.pointer, "The new stack restores from the old one's backups; it never shares its buckets");
  }
  const theirIam = new Set(iamNames(blue));
  const shared = iamNames(green).filter((n) => theirIam.has(n));
  if (shared.length > 0) report("STK-BG-005", `IAM ${shared.length === 1 ? "name" : "names"} ${shared.join(", ")} also ${shared.length === 1 ? "belongs" : "belong"} to ${old}`, "/metadata/name", "/metadata/name");

  const sameNetwork = green.network && blue.network && green.network.model.file === blue.network.model.file;
  if (sameNetwork && green.network!.block && blue.network!.block && overlaps(parseCidr(green.network!.block)!, parseCidr(blue.network!.block)!)) {
    report("STK-BG-006", `Private block ${green.network!.block} overlaps ${old}'s block ${blue.network!.block} in the network ${green.network!.model.name}`, green.network!.pointer, blue.network!.pointer, "Give the new stack a free block of the network");
  }
  const privateZone = (m: StackModel) => (m.stack.spec.dns.type === "private" ? m.stack.spec.dns.zone : undefined);
  if (sameNetwork && privateZone(green) !== undefined && privateZone(green) === privateZone(blue)) {
    report("STK-BG-007", `Private DNS zone ${privateZone(green)} is also ${old}'s, in the same VPC: Route53 associates one zone of a name with a VPC`, "/spec/dns/zone", "/spec/dns/zone", "Give each cluster its own zone, e.g. green.<zone>");
  }
  return out;
}

/** Every IAM policy and role name the stack's Terraform creates (account-wide names). */
function iamNames(model: StackModel): string[] {
  const names = new Set<string>();
  for (const module of terraformModules(model).modules.map(moduleArtifact)) {
    for (const resource of module.resources) {
      if (resource.type !== "aws_iam_policy" && resource.type !== "aws_iam_role") continue;
      for (const instance of resource.instances) if (typeof instance.attributes.name === "string") names.add(instance.attributes.name);
    }
  }
  return [...names].sort();
}
