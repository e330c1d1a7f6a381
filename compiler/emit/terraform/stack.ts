// Facts the topic modules share, derived once from the model: resource names, which buckets this
// module creates, how each bucket is encrypted, the replica regions and their provider aliases,
// and the references other topics use (so storage, iam, kms and outputs can never disagree on
// what `aws_s3_bucket.velero` is called).
import type { BucketRole } from "../../catalog/iam-types.js";
import { diag } from "../../diagnostics/codes.js";
import type { Diagnostic } from "../../diagnostics/diagnostic.js";
import { partitionForRegion, type AwsPartition } from "../../addons/iam/index.js";
import type { BucketModel, StackModel } from "../../model/model.js";
import { compareStrings, ref, template, TfExpression, type TfRef, type TfValue } from "./tf/values.js";

/** Resource name of a bucket role's resources: `kops-state` → `kops_state`. */
export function bucketResourceName(role: BucketRole | string): string {
  return role.replace(/-/g, "_");
}

/** `externalDns` → `external_dns`. */
export function snakeCase(key: string): string {
  return key.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
}

/** Provider alias for a replica region: `eu-central-1` → `replica_eu_central_1`. */
export function replicaAlias(region: string): string {
  return `replica_${region.replace(/-/g, "_")}`;
}

export type SseAlgorithm = "aws:kms" | "AES256";

/** Why a bucket is SSE-S3 although the stack uses KMS (printed as a comment in storage.tf). */
export const SSE_S3_ONLY: Partial<Record<BucketRole, string>> = {
  // anonymous readers (the AWS OIDC provider fetching the discovery documents) cannot call KMS
  oidc: "Public OIDC documents: anonymous readers cannot use a KMS key, so this bucket uses SSE-S3.",
  // "server access log delivery supports only SSE-S3 on the destination bucket" (S3 user guide)
  "access-logs": "S3 server access logs can only be delivered to a bucket encrypted with SSE-S3.",
};

export class TfStack {
  readonly partition: AwsPartition;
  /** Problems found while emitting (STK-EMIT-001), returned with the files. */
  readonly diagnostics: Diagnostic[] = [];
  /** Buckets the root module creates: all but the Terraform state bucket (terraform-bootstrap). */
  readonly buckets: readonly BucketModel[];
  /** Distinct replica regions, sorted. */
  readonly replicaRegions: readonly string[];

  constructor(readonly model: StackModel) {
    this.partition = partitionForRegion(model.region);
    this.buckets = model.buckets.filter((b) => b.role !== "terraform-state");
    this.replicaRegions = [...new Set(this.buckets.flatMap((b) => (b.replicaRegion ? [b.replicaRegion] : [])))].sort(compareStrings);
  }

  report(message: string, pointer: string): void {
    this.diagnostics.push(diag("STK-EMIT-001", message, { file: this.model.file, pointer }));
  }

  /** The VPC id: the stack's own aws_vpc, or its shared network's (local.vpc_id, shared-network.ts). */
  vpcId(): TfValue {
    return this.model.network ? ref("local.vpc_id") : ref("aws_vpc.this", "id");
  }

  get stackName(): string {
    return this.model.name;
  }

  bucket(role: BucketRole): BucketModel | undefined {
    return this.buckets.find((b) => b.role === role);
  }

  /** The bucket VPC flow logs go to, when flow logs are on. */
  get flowLogsBucket(): BucketModel | undefined {
    return this.model.stack.spec.network.flowLogs.enabled ? this.bucket("flow-logs") : undefined;
  }

  get accessLogsBucket(): BucketModel | undefined {
    return this.bucket("access-logs");
  }

  /**
   * Buckets whose server access logs go to the access-log bucket: every bucket of the root module
   * but the access-log bucket itself (logging a log bucket into itself would log its own log
   * deliveries, a loop AWS advises against). The Terraform state bucket is not in this module.
   */
  sendsAccessLogs(bucket: BucketModel): boolean {
    return this.accessLogsBucket !== undefined && bucket.role !== "access-logs";
  }

  /** The replica of a bucket (model.remoteBuckets). */
  replicaOf(bucket: BucketModel): BucketModel | undefined {
    return this.model.remoteBuckets.find((b) => b.replicaOf === bucket.name);
  }

  /** The access-log bucket of a replica region, when the stack has an access-log bucket. */
  regionalAccessLogsBucket(region: string): BucketModel | undefined {
    return this.model.remoteBuckets.find((b) => b.role === "access-logs" && b.region === region);
  }

  /** Whether the stack has a KMS key for its buckets (created here or given). */
  get usesKms(): boolean {
    return this.model.kms.mode !== "none";
  }

  sseAlgorithm(bucket: BucketModel): SseAlgorithm {
    return this.usesKms && SSE_S3_ONLY[bucket.role] === undefined ? "aws:kms" : "AES256";
  }

  /** ARN of the stack's KMS key: the key kms.tf creates, or the existing one. */
  kmsKeyArn(): TfValue {
    if (this.model.kms.mode === "create") return ref("aws_kms_key.this", "arn");
    if (this.model.kms.mode === "existing" && this.model.kms.arn) return this.model.kms.arn;
    throw new Error("the stack has no KMS key");
  }

  /** Reference to an attribute of a bucket this module creates, or the literal for one it does not. */
  bucketAttr(role: BucketRole, attribute: "id" | "arn" | "bucket"): TfValue {
    if (this.bucket(role)) return ref(`aws_s3_bucket.${bucketResourceName(role)}`, attribute);
    const model = this.model.buckets.find((b) => b.role === role);
    if (!model) throw new Error(`the stack has no ${role} bucket`);
    return attribute === "arn" ? `arn:${this.partition}:s3:::${model.name}` : model.name;
  }

  /** `<bucket arn>/*`. */
  bucketObjects(role: BucketRole): TfValue {
    const arn = this.bucketAttr(role, "arn");
    if (arn instanceof TfExpression) return template(arn, "/*");
    return `${String(arn)}/*`;
  }

  /** `arn:<partition>:iam::<account>:root`, the account principal of key and bucket policies. */
  accountRoot(): TfValue {
    return template(`arn:${this.partition}:iam::`, ref("data.aws_caller_identity.current", "account_id"), ":root");
  }

  accountId(): TfRef {
    return ref("data.aws_caller_identity.current", "account_id");
  }
}
