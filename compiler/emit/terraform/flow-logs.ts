// VPC flow logs (in network.tf): every accepted and rejected flow of the VPC, delivered straight
// to the stack's flow-logs bucket. The bucket policy that lets the log delivery service write
// there is declared in storage.tf (otherwise AWS adds one on its own, which Terraform would then
// fight), and the flow log waits for it.
import { resource, type TfResource } from "./tf/blocks.js";
import { ref, tags } from "./tf/values.js";
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
