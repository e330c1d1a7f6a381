// outputs.tf: exactly the outputs of the contract in ../terraform-outputs.ts (the kops template,
// `stackc bind` and the runbook read them from `terraform output -json`), in the contract's
// order. Maps are keyed by zone, bucket role or add-on key, never by position.
import { terraformOutputs, type TerraformOutputName } from "../terraform-outputs.js";
import { irsaPolicies } from "./iam.js";
import { bucketResourceName, type TfStack } from "./stack.js";
import { topBlock, type TfFile, type TfTopBlock } from "./tf/blocks.js";
import { rawExpr, ref, template, type TfMap, type TfValue } from "./tf/values.js";

function output(name: TerraformOutputName, description: string, value: TfValue): TfTopBlock {
  return topBlock("output", [name], { description, value });
}

export function outputBlocks(stack: TfStack): TfTopBlock[] {
  const { model } = stack;
  const o = terraformOutputs;
  const bucketNames: Record<string, TfValue> = {};
  for (const b of model.buckets) bucketNames[b.role] = stack.bucketAttr(b.role, "bucket");
  const policyArns: Record<string, TfValue> = {};
  for (const { addon, name } of irsaPolicies(stack)) policyArns[addon.key] = ref(`aws_iam_policy.${name}`, "arn");
  const kmsKeyArn: TfValue = model.kms.mode === "none" ? "" : stack.kmsKeyArn();
  const kops = model.buckets.find((b) => b.role === "kops-state");
  const shared = model.network !== undefined;
  return [
    output(o.vpcId, "VPC id (kops spec.networkID).", shared ? ref("local.vpc_id") : ref("aws_vpc.this", "id")),
    output(o.vpcCidrBlock, "VPC CIDR (kops spec.networkCIDR).", shared ? ref("local.vpc_cidr_block") : ref("aws_vpc.this", "cidr_block")),
    output(o.privateSubnetIds, "Private subnet id per zone (kops Private subnets' id).", privateSubnetIds(stack)),
    output(
      o.utilitySubnetIds,
      shared ? "The network's utility subnet id per zone of the stack (kops Utility subnets' id)." : "Utility subnet id per zone (kops Utility subnets' id).",
      shared ? ref("local.utility_subnet_ids") : rawExpr("{ for zone, subnet in aws_subnet.utility : zone => subnet.id }"),
    ),
    output(
      o.natGatewayIds,
      "NAT gateway each zone's private subnet routes through, per zone (kops Private subnets' egress).",
      shared ? ref("local.nat_gateway_ids") : rawExpr("{ for zone, z in local.zones : zone => aws_nat_gateway.this[z.nat_zone].id }"),
    ),
    output(o.route53ZoneId, "Hosted zone id (kops spec.dnsZone).", ref("aws_route53_zone.cluster", "zone_id")),
    output(o.route53NameServers, "Name servers of the hosted zone (delegation of a public zone).", ref("aws_route53_zone.cluster", "name_servers")),
    output(
      o.kopsStateStore,
      "kops state store URL (KOPS_STATE_STORE).",
      kops ? template("s3://", ref(`aws_s3_bucket.${bucketResourceName(kops.role)}`, "bucket")) : "",
    ),
    output(o.bucketNames, "Bucket name per bucket role.", bucketNames as TfMap),
    output(o.irsaPolicyArns, "IAM policy ARN per add-on with IRSA permissions (kops serviceAccountExternalPermissions).", policyArns as TfMap),
    output(o.kmsKeyArn, 'ARN of the stack\'s KMS key ("" when buckets use SSE-S3).', kmsKeyArn),
  ];
}

/** The stack's own private subnets, and an existing network's shared ones as named. */
function privateSubnetIds(stack: TfStack): TfValue {
  const shared = stack.model.zones.filter((z) => z.existing?.privateSubnetId !== undefined);
  if (shared.length === 0) return rawExpr("{ for zone, subnet in aws_subnet.private : zone => subnet.id }");
  // an existing network shares its private subnets in every zone or in none (normalize checks it)
  return ref("local.shared_private_subnet_ids");
}

export function outputsFile(dir: string, stack: TfStack): TfFile {
  return { path: `${dir}/outputs.tf`, summary: "Outputs read by kops (stackc bind) and the runbook: see compiler/emit/terraform-outputs.ts.", items: outputBlocks(stack) };
}
