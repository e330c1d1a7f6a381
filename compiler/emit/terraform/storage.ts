// storage.tf: every bucket of model.buckets except the Terraform state bucket (that one is in
// terraform-bootstrap), each with the protections of bucket.ts, plus what some roles need:
// - oidc: public read of the discovery documents (kops writes them without ACLs when the bucket
//   policy already makes them public, kubernetes/kops#15296), SSE-S3;
// - flow-logs: the log delivery service may write AWSLogs/<account>/…;
// - access-logs: S3 may deliver server access logs of the stack's other buckets, SSE-S3;
// - replicaRegion: a `<name>-replica` bucket in that region and the replication (replication.ts);
//   with an access-log bucket, one more access-log bucket per replica region for the replicas'
//   server access logs (model.remoteBuckets).
// Every bucket but the access-log buckets themselves sends server access logs (when the stack
// has an access-log bucket); the Terraform state bucket lives in terraform-bootstrap.
import type { BucketModel } from "../../model/model.js";
import { bucketArn, bucketResources, type BucketSpec } from "./bucket.js";
import { flowLogDeliveryStatements } from "./flow-logs.js";
import type { DocStatement } from "./policy-document.js";
import { regionalAccessLogsResourceName, replicationResources } from "./replication.js";
import { bucketResourceName, replicaAlias, SSE_S3_ONLY, type TfStack } from "./stack.js";
import type { TfFile, TfResource } from "./tf/blocks.js";
import { ref, template } from "./tf/values.js";

export function bucketSpec(stack: TfStack, bucket: BucketModel): BucketSpec {
  const name = bucketResourceName(bucket.role);
  const algorithm = stack.sseAlgorithm(bucket);
  const accessLogs = stack.accessLogsBucket;
  return {
    name,
    bucketName: bucket.name,
    purpose: `${bucket.purpose}.`,
    meta: { bucketRole: bucket.role },
    sse: {
      algorithm,
      ...(algorithm === "aws:kms" ? { keyArn: stack.kmsKeyArn() } : {}),
      why: stack.usesKms && algorithm === "AES256" ? SSE_S3_ONLY[bucket.role] : undefined,
    },
    publicRead: bucket.publicRead,
    noncurrentDays: bucket.noncurrentDays,
    expireDays: bucket.expireDays,
    accessLogs:
      accessLogs && stack.sendsAccessLogs(bucket)
        ? {
            targetBucket: ref(`aws_s3_bucket.${bucketResourceName(accessLogs.role)}`, "id"),
            dependsOn: [`aws_s3_bucket_policy.${bucketResourceName(accessLogs.role)}`],
          }
        : undefined,
    policyStatements: roleStatements(stack, bucket),
  };
}

/** Bucket policy statements a role needs besides DenyInsecureTransport. */
function roleStatements(stack: TfStack, bucket: BucketModel): DocStatement[] {
  const arn = bucketArn(bucketResourceName(bucket.role));
  const account = stack.accountId();
  const logsSource = template(`arn:${stack.partition}:logs:${stack.model.region}:`, account, ":*");
  if (bucket.publicRead) {
    return [
      {
        sid: "PublicReadOidcDocuments",
        effect: "Allow",
        actions: ["s3:GetObject"],
        resources: [template(arn, "/*")],
        principals: [{ type: "*", identifiers: ["*"] }],
      },
    ];
  }
  if (bucket.role === "flow-logs" && stack.flowLogsBucket) {
    return flowLogDeliveryStatements(arn, account, logsSource);
  }
  if (bucket.role === "access-logs") {
    const sources = stack.buckets.filter((b) => stack.sendsAccessLogs(b)).map((b) => bucketArn(bucketResourceName(b.role)));
    if (sources.length === 0) return [];
    // ACLs are disabled (BucketOwnerEnforced), so log delivery is granted by policy
    return [
      {
        sid: "S3ServerAccessLogsDelivery",
        effect: "Allow",
        actions: ["s3:PutObject"],
        resources: [template(arn, "/*")],
        principals: [{ type: "Service", identifiers: ["logging.s3.amazonaws.com"] }],
        conditions: [
          { test: "StringEquals", variable: "aws:SourceAccount", values: [account] },
          { test: "ArnLike", variable: "aws:SourceArn", values: sources },
        ],
      },
    ];
  }
  return [];
}

/**
 * The access-log bucket of a replica region: S3 delivers server access logs only to a bucket in
 * the source bucket's region, so the replicas there log into their own SSE-S3 bucket, kept as
 * long as the stack's access-log bucket keeps its logs.
 */
function regionalAccessLogsResources(stack: TfStack, logs: BucketModel, region: string): TfResource[] {
  const name = regionalAccessLogsResourceName(region);
  const arn = bucketArn(name);
  const sources = stack.buckets.filter((b) => b.replicaRegion === region).map((b) => bucketArn(`${bucketResourceName(b.role)}_replica`));
  return bucketResources({
    name,
    bucketName: logs.name,
    purpose: `${logs.purpose}.`,
    meta: { bucketRole: "access-logs" },
    provider: `aws.${replicaAlias(region)}`,
    sse: { algorithm: "AES256", why: stack.usesKms ? SSE_S3_ONLY["access-logs"] : undefined },
    publicRead: false,
    noncurrentDays: logs.noncurrentDays,
    expireDays: logs.expireDays,
    accessLogs: undefined,
    policyStatements: [
      {
        sid: "S3ServerAccessLogsDelivery",
        effect: "Allow",
        actions: ["s3:PutObject"],
        resources: [template(arn, "/*")],
        principals: [{ type: "Service", identifiers: ["logging.s3.amazonaws.com"] }],
        conditions: [
          { test: "StringEquals", variable: "aws:SourceAccount", values: [stack.accountId()] },
          { test: "ArnLike", variable: "aws:SourceArn", values: sources },
        ],
      },
    ],
  });
}

export function storageResources(stack: TfStack): TfResource[] {
  const out: TfResource[] = [];
  for (const bucket of stack.buckets) {
    out.push(...bucketResources(bucketSpec(stack, bucket)));
    if (bucket.replicaRegion) out.push(...replicationResources(stack, bucket, bucket.replicaRegion));
  }
  for (const region of stack.replicaRegions) {
    const logs = stack.regionalAccessLogsBucket(region);
    if (logs) out.push(...regionalAccessLogsResources(stack, logs, region));
  }
  return out;
}

export function storageFile(dir: string, stack: TfStack): TfFile {
  return {
    path: `${dir}/storage.tf`,
    summary: "Buckets: versioned, encrypted, private (except the public OIDC documents), lifecycle-managed.",
    items: storageResources(stack),
  };
}
