// One S3 bucket and everything that protects it, as separate resources (the inline
// `aws_s3_bucket` blocks are deprecated in aws v5): ownership controls (ACLs off), public access
// block, versioning, default encryption, lifecycle (noncurrent versions, optional expiry, stale
// multipart uploads, always with a `filter`), optional server access logging, and a bucket policy
// that at least denies plain-HTTP access. Shared by storage.tf, the replicas and terraform-bootstrap.
import { denyInsecureTransport, policyDocument, type DocStatement } from "./policy-document.js";
import { nested, resource, type TfMeta, type TfResource } from "./tf/blocks.js";
import { ref, template, type TfRef, type TfValue } from "./tf/values.js";
import type { SseAlgorithm } from "./stack.js";

/** Days after which an unfinished multipart upload is removed. */
export const ABORT_INCOMPLETE_UPLOAD_DAYS = 7;

export interface BucketSpec {
  /** Resource name of every resource of the set, e.g. `velero` or `velero_replica`. */
  readonly name: string;
  /** The S3 bucket name. */
  readonly bucketName: string;
  /** One line: what the bucket holds (comment above the bucket). */
  readonly purpose: string;
  readonly meta: TfMeta;
  readonly provider?: string | undefined;
  readonly sse: { readonly algorithm: SseAlgorithm; readonly keyArn?: TfValue; readonly why?: string | undefined };
  /** Serves public objects (the IRSA OIDC discovery bucket): public policies stay allowed. */
  readonly publicRead: boolean;
  readonly noncurrentDays: number;
  readonly expireDays?: number | undefined;
  /** Server access logs to this bucket (by reference) under `<bucket name>/`. */
  readonly accessLogs?: { readonly targetBucket: TfValue; readonly dependsOn: readonly string[] } | undefined;
  /** Statements of the bucket policy besides DenyInsecureTransport. */
  readonly policyStatements?: readonly DocStatement[];
}

export function bucketArn(name: string): TfRef {
  return ref(`aws_s3_bucket.${name}`, "arn");
}

export function bucketResources(spec: BucketSpec): TfResource[] {
  const { name, provider, meta } = spec;
  const id = ref(`aws_s3_bucket.${name}`, "id");
  const arn = bucketArn(name);
  const opts = { provider, meta };
  const out: TfResource[] = [];

  out.push(resource("aws_s3_bucket", name, { bucket: spec.bucketName }, { ...opts, comment: spec.purpose }));
  out.push(
    resource(
      "aws_s3_bucket_ownership_controls",
      name,
      { bucket: id, rule: nested({ object_ownership: "BucketOwnerEnforced" }) },
      opts,
    ),
  );
  out.push(
    resource(
      "aws_s3_bucket_public_access_block",
      name,
      {
        bucket: id,
        block_public_acls: true,
        block_public_policy: !spec.publicRead,
        ignore_public_acls: true,
        restrict_public_buckets: !spec.publicRead,
      },
      {
        ...opts,
        ...(spec.publicRead
          ? { comment: "Public ACLs stay blocked; the bucket policy may grant public read of the OIDC documents." }
          : {}),
      },
    ),
  );
  out.push(
    resource(
      "aws_s3_bucket_versioning",
      name,
      { bucket: id, versioning_configuration: nested({ status: "Enabled" }) },
      opts,
    ),
  );
  const kms = spec.sse.algorithm === "aws:kms";
  out.push(
    resource(
      "aws_s3_bucket_server_side_encryption_configuration",
      name,
      {
        bucket: id,
        rule: nested({
          bucket_key_enabled: kms ? true : undefined,
          apply_server_side_encryption_by_default: nested({
            sse_algorithm: spec.sse.algorithm,
            kms_master_key_id: kms ? spec.sse.keyArn : undefined,
          }),
        }),
      },
      { ...opts, ...(spec.sse.why ? { comment: spec.sse.why } : {}) },
    ),
  );
  out.push(
    resource(
      "aws_s3_bucket_lifecycle_configuration",
      name,
      {
        bucket: id,
        rule: nested({
          id: "retention",
          status: "Enabled",
          filter: nested({}),
          expiration: spec.expireDays !== undefined ? nested({ days: spec.expireDays }) : undefined,
          noncurrent_version_expiration: nested({ noncurrent_days: spec.noncurrentDays }),
          abort_incomplete_multipart_upload: nested({ days_after_initiation: ABORT_INCOMPLETE_UPLOAD_DAYS }),
        }),
      },
      // lifecycle rules on noncurrent versions need versioning first
      { ...opts, dependsOn: [`aws_s3_bucket_versioning.${name}`] },
    ),
  );
  if (spec.accessLogs) {
    out.push(
      resource(
        "aws_s3_bucket_logging",
        name,
        { bucket: id, target_bucket: spec.accessLogs.targetBucket, target_prefix: `${spec.bucketName}/` },
        { ...opts, dependsOn: spec.accessLogs.dependsOn },
      ),
    );
  }
  const policyName = `${name}_bucket_policy`;
  out.push(
    policyDocument(policyName, [denyInsecureTransport(arn, template(arn, "/*")), ...(spec.policyStatements ?? [])], { meta }),
    resource(
      "aws_s3_bucket_policy",
      name,
      { bucket: id, policy: ref(`data.aws_iam_policy_document.${policyName}`, "json") },
      // S3 rejects concurrent changes to a bucket's policy and public access block, and a public
      // policy is refused until the public access block allows it
      { ...opts, dependsOn: [`aws_s3_bucket_public_access_block.${name}`] },
    ),
  );
  return out;
}
