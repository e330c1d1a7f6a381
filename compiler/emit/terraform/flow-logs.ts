// VPC flow logs (in network.tf): every accepted and rejected flow of the VPC, delivered straight
// to the stack's flow-logs bucket. The bucket policy that lets the log delivery service write
// there is declared in storage.tf (otherwise AWS adds one on its own, which Terraform would then
// fight), and the flow log waits for it.
import type { DocCondition, DocPrincipal, DocStatement } from "./policy-document.js";
import { resource, type TfResource } from "./tf/blocks.js";
import { ref, tags, template, type TfExpression } from "./tf/values.js";
import { bucketResourceName, type TfStack } from "./stack.js";

/** Seconds over which flows are aggregated into one record (600 is the AWS default). */
export const FLOW_LOG_AGGREGATION_SECONDS = 600;

export function flowLogResources(stack: TfStack): TfResource[] {
  const bucket = stack.flowLogsBucket;
  if (!bucket) return [];
  const name = bucketResourceName(bucket.role);
  return [
    resource(
      "aws_flow_log",
      "vpc",
      {
        vpc_id: ref("aws_vpc.this", "id"),
        traffic_type: "ALL",
        log_destination_type: "s3",
        log_destination: ref(`aws_s3_bucket.${name}`, "arn"),
        max_aggregation_interval: FLOW_LOG_AGGREGATION_SECONDS,
        tags: tags({ Name: `${stack.stackName}-vpc` }),
      },
      { dependsOn: [`aws_s3_bucket_policy.${name}`] },
    ),
  ];
}

/**
 * The flow-logs bucket's policy for the log delivery service, as AWS documents it for flow logs
 * published to S3 (VPC user guide, "Amazon S3 bucket permissions"): write under AWSLogs/<account>/
 * with the owner's ACL, and read the bucket ACL, both only for this account's log sources. A
 * stack's own bucket and a shared network's use the same statements.
 */
export function flowLogDeliveryStatements(bucketArn: TfExpression, account: TfExpression, logsSource: TfExpression): DocStatement[] {
  const service: DocPrincipal[] = [{ type: "Service", identifiers: ["delivery.logs.amazonaws.com"] }];
  const fromThisAccount: DocCondition[] = [
    { test: "StringEquals", variable: "aws:SourceAccount", values: [account] },
    { test: "ArnLike", variable: "aws:SourceArn", values: [logsSource] },
  ];
  return [
    {
      sid: "AWSLogDeliveryWrite",
      effect: "Allow",
      actions: ["s3:PutObject"],
      resources: [template(bucketArn, "/AWSLogs/", account, "/*")],
      principals: service,
      conditions: [fromThisAccount[0]!, { test: "StringEquals", variable: "s3:x-amz-acl", values: ["bucket-owner-full-control"] }, fromThisAccount[1]!],
    },
    {
      sid: "AWSLogDeliveryAclCheck",
      effect: "Allow",
      actions: ["s3:GetBucketAcl", "s3:ListBucket"],
      resources: [bucketArn],
      principals: service,
      conditions: fromThisAccount,
    },
  ];
}

/**
 * The statement a KMS key's policy needs so the log delivery service can write flow logs into a
 * bucket encrypted with that key (this account's log sources only): a stack's own key and a
 * shared network's use it alike.
 */
export function flowLogKeyStatement(account: TfExpression, logsSource: TfExpression): DocStatement {
  return {
    sid: "VpcFlowLogDelivery",
    effect: "Allow",
    actions: ["kms:Decrypt", "kms:DescribeKey", "kms:Encrypt", "kms:GenerateDataKey*", "kms:ReEncrypt*"],
    resources: ["*"],
    principals: [{ type: "Service", identifiers: ["delivery.logs.amazonaws.com"] }],
    conditions: [
      { test: "StringEquals", variable: "aws:SourceAccount", values: [account] },
      { test: "ArnLike", variable: "aws:SourceArn", values: [logsSource] },
    ],
  };
}
