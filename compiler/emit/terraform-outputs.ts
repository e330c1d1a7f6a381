// The contract between the Terraform root module and everything that consumes its outputs
// (`terraform output -json`): the kops template references, `stackc bind`, the runbook.
// Maps are keyed by zone name (or add-on key) so nothing depends on list order.

export const terraformOutputs = {
  /** string: VPC id → kops spec.networkID */
  vpcId: "vpc_id",
  /** string: VPC CIDR → kops spec.networkCIDR (checked by bind) */
  vpcCidrBlock: "vpc_cidr_block",
  /** map(zone → subnet id) → kops Private subnets' id */
  privateSubnetIds: "private_subnet_ids",
  /** map(zone → subnet id) → kops Utility subnets' id */
  utilitySubnetIds: "utility_subnet_ids",
  /** map(zone → NAT gateway id) → kops Private subnets' egress (each zone's own NAT, or the single NAT) */
  natGatewayIds: "nat_gateway_ids",
  /** string: Route53 hosted zone id → kops spec.dnsZone */
  route53ZoneId: "route53_zone_id",
  /** list(string): name servers of the zone (delegation of a public zone) */
  route53NameServers: "route53_name_servers",
  /** string: s3://<kops state bucket> → KOPS_STATE_STORE */
  kopsStateStore: "kops_state_store",
  /** map(bucket role → bucket name), e.g. { velero = "acme-prod-velero" } */
  bucketNames: "bucket_names",
  /** map(add-on key → IAM policy ARN) for add-ons with inline IRSA statements → kops serviceAccountExternalPermissions */
  irsaPolicyArns: "irsa_policy_arns",
  /** string: ARN of the stack's KMS key ("" when the stack uses SSE-S3) */
  kmsKeyArn: "kms_key_arn",
} as const;

export type TerraformOutputName = (typeof terraformOutputs)[keyof typeof terraformOutputs];

/** One entry of `terraform output -json`. */
export interface TerraformOutputValue {
  sensitive: boolean;
  type: unknown;
  value: unknown;
}

export type TerraformOutputJson = Record<string, TerraformOutputValue>;
