// Cross-region replication of a bucket (storage.tf), e.g. Velero backups to `<name>-replica` in
// backups.replicaRegion: the replica bucket (same protections, created through the replica
// region's provider alias), an IAM role S3 assumes to copy objects, and the replication
// configuration. Delete markers replicate too, so the replica's noncurrent-version expiry keeps
// the same retention as the source. With SSE-KMS the replica is encrypted with a key in its own
// region (kms.tf), because a KMS key cannot be used outside its region.
import { replicaBucketName as replicaName } from "../../model/bucket-names.js";
import type { BucketModel } from "../../model/model.js";
import { bucketArn, bucketResources } from "./bucket.js";
import { replicaKeyName } from "./kms.js";
import { boundedName, IAM_ROLE_NAME_MAX } from "./names.js";
import { policyDocument, type DocStatement } from "./policy-document.js";
import { bucketResourceName, replicaAlias, type TfStack } from "./stack.js";
import { nested, resource, type TfResource } from "./tf/blocks.js";
import { ref, template, type TfValue } from "./tf/values.js";

export function replicaBucketName(bucket: BucketModel): string {
  return replicaName(bucket.name);
}

/** Resource name of a replica region's access-log bucket: `access_logs_eu_central_1`. */
export function regionalAccessLogsResourceName(region: string): string {
  return `access_logs_${region.replace(/-/g, "_")}`;
}

export function replicationResources(stack: TfStack, bucket: BucketModel, region: string): TfResource[] {
  const source = bucketResourceName(bucket.role);
  const replica = `${source}_replica`;
  const regionalLogs = stack.regionalAccessLogsBucket(region);
  const kms = stack.sseAlgorithm(bucket) === "aws:kms";
  const replicaKey: TfValue | undefined = kms ? ref(`aws_kms_key.${replicaKeyName(region)}`, "arn") : undefined;
  const meta = { bucketRole: bucket.role };
  const out: TfResource[] = [];

  out.push(
    ...bucketResources({
      name: replica,
      bucketName: replicaBucketName(bucket),
      purpose: `Replica of ${bucket.name} in ${region} (${bucket.purpose}).`,
      meta: { ...meta, replica: true },
      provider: `aws.${replicaAlias(region)}`,
      sse: replicaKey !== undefined ? { algorithm: "aws:kms", keyArn: replicaKey } : { algorithm: "AES256" },
      publicRead: false,
      noncurrentDays: bucket.noncurrentDays,
      expireDays: bucket.expireDays,
      // server access logs can only go to a bucket in the same region: the region's own
      // access-log bucket (storage.ts), when the stack keeps access logs at all
      accessLogs: regionalLogs
        ? {
            targetBucket: ref(`aws_s3_bucket.${regionalAccessLogsResourceName(region)}`, "id"),
            dependsOn: [`aws_s3_bucket_policy.${regionalAccessLogsResourceName(region)}`],
          }
        : undefined,
    }),
  );

  const roleName = `${source}_replication`;
  const sourceArn = bucketArn(source);
  const replicaArn = bucketArn(replica);
  const statements: DocStatement[] = [
    {
      sid: "ReadSourceConfiguration",
      effect: "Allow",
      actions: ["s3:GetReplicationConfiguration", "s3:ListBucket"],
      resources: [sourceArn],
    },
    {
      sid: "ReadSourceVersions",
      effect: "Allow",
      actions: ["s3:GetObjectVersionAcl", "s3:GetObjectVersionForReplication", "s3:GetObjectVersionTagging"],
      resources: [template(sourceArn, "/*")],
    },
    {
      sid: "WriteReplica",
      effect: "Allow",
      actions: ["s3:ReplicateDelete", "s3:ReplicateObject", "s3:ReplicateTags"],
      resources: [template(replicaArn, "/*")],
    },
  ];
  if (kms && replicaKey !== undefined) {
    statements.push(
      { sid: "DecryptSource", effect: "Allow", actions: ["kms:Decrypt"], resources: [stack.kmsKeyArn()] },
      { sid: "EncryptReplica", effect: "Allow", actions: ["kms:Encrypt", "kms:GenerateDataKey"], resources: [replicaKey] },
    );
  }
  out.push(
    policyDocument(
      `${roleName}_assume_role`,
      [
        {
          sid: "S3AssumesRole",
          effect: "Allow",
          actions: ["sts:AssumeRole"],
          resources: [],
          principals: [{ type: "Service", identifiers: ["s3.amazonaws.com"] }],
        },
      ],
      { meta },
    ),
    resource(
      "aws_iam_role",
      roleName,
      {
        name: boundedName(`${stack.stackName}-${bucket.role}-replication`, IAM_ROLE_NAME_MAX),
        description: `S3 replication of ${bucket.name} to ${replicaBucketName(bucket)} (${region})`,
        assume_role_policy: ref(`data.aws_iam_policy_document.${roleName}_assume_role`, "json"),
      },
      { meta },
    ),
    policyDocument(roleName, statements, { meta }),
    resource(
      "aws_iam_role_policy",
      roleName,
      { name: "replication", role: ref(`aws_iam_role.${roleName}`, "id"), policy: ref(`data.aws_iam_policy_document.${roleName}`, "json") },
      { meta },
    ),
    resource(
      "aws_s3_bucket_replication_configuration",
      source,
      {
        role: ref(`aws_iam_role.${roleName}`, "arn"),
        bucket: ref(`aws_s3_bucket.${source}`, "id"),
        rule: nested({
          id: "replica",
          status: "Enabled",
          filter: nested({}),
          delete_marker_replication: nested({ status: "Enabled" }),
          destination: nested({
            bucket: replicaArn,
            encryption_configuration: replicaKey !== undefined ? nested({ replica_kms_key_id: replicaKey }) : undefined,
          }),
          source_selection_criteria: kms ? nested({ sse_kms_encrypted_objects: nested({ status: "Enabled" }) }) : undefined,
        }),
      },
      // S3 refuses a replication configuration until both buckets are versioned
      { meta, dependsOn: [`aws_s3_bucket_versioning.${source}`, `aws_s3_bucket_versioning.${replica}`] },
    ),
  );
  return out;
}
