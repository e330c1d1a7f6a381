// What the add-on IAM data needs to know about the stack, and the helpers every add-on file
// shares: the AWS partition, ARN rewriting, the `${cluster}` placeholder, and provenance records.
//
// Partition decision: literal ARNs in the add-on files are written exactly as upstream writes them
// (`arn:aws:…`), so they diff line by line against the upstream documents, and are rewritten to the
// stack's partition here. The partition follows from the region (`cn-*` → aws-cn, `us-gov-*` →
// aws-us-gov, else aws) unless IamContext.partition overrides it. We do not emit Terraform's
// `data.aws_partition` interpolation: the same ARNs also go to kops (`policyARNs` for managed
// policies), which is not Terraform, and the compiler stays offline and deterministic.
// ARNs of resources the stack's Terraform creates (zone, buckets) are IamResource refs and get the
// right partition from Terraform itself.

export type AwsPartition = "aws" | "aws-cn" | "aws-us-gov";

export interface IamContext {
  /** kops cluster name, e.g. prod.k8s.example.com; replaces `${cluster}` in statements. */
  clusterName: string;
  /** AWS region of the stack, e.g. eu-west-1. */
  region: string;
  /** Defaults to the partition of `region` (see partitionForRegion). */
  partition?: AwsPartition;
  /** 12-digit account id used in region-scoped ARNs; `*` (any account) when not given. */
  accountId?: string;
  /**
   * Name prefix of the Secrets Manager secrets and SSM parameters external-secrets may read,
   * without a leading slash. Default `<clusterName>/`: secrets `prod.k8s.example.com/db` and
   * parameters `/prod.k8s.example.com/db`.
   */
  externalSecretsPrefix?: string;
}

/** Placeholder in condition variables/values and string resources, replaced by the cluster name. */
export const CLUSTER_PLACEHOLDER = "${cluster}";

/** Partition of a region name. ISO regions are not supported by stackc and fall through to aws. */
export function partitionForRegion(region: string): AwsPartition {
  if (region.startsWith("cn-")) return "aws-cn";
  if (region.startsWith("us-gov-")) return "aws-us-gov";
  return "aws";
}

export function partitionOf(ctx: IamContext): AwsPartition {
  return ctx.partition ?? partitionForRegion(ctx.region);
}

/** Rewrites an `arn:aws:` ARN (as upstream documents write it) into the stack's partition. */
export function inPartition(arn: string, ctx: IamContext): string {
  if (!arn.startsWith("arn:aws:")) return arn;
  return `arn:${partitionOf(ctx)}:${arn.slice("arn:aws:".length)}`;
}

/** Where a policy came from. `commit` is the commit actually read; `ref` what we pin. */
export interface Provenance {
  repo: string;
  path: string;
  /** Tag or version the add-on is pinned to (test/upstream/addons.json). */
  ref: string;
  /** Commit of the file version that was read, when it could be identified. */
  commit?: string;
  /** Date the source was read (UTC). */
  read: string;
  /** Gaps between what was read and the pinned version, and any deliberate departures. */
  notes?: string;
}
