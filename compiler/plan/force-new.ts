// Which arguments of each Terraform resource type stackc emits force a replacement when they
// change (ForceNew in the AWS provider's schema; the documentation marks them "Forces new
// resource"), and what replacing or deleting that resource means for a running cluster.
// A resource type stackc emits that is missing here is a stackc bug: the planner refuses to
// guess (test/plan checks every emitted type has an entry).
//
// Facts are for hashicorp/aws 5.100 (the floor versions.tf pins); `source` is the page that
// documents each resource's arguments.

export type ImpactClass = "safe" | "disruptive" | "destructive";

export interface ForceNewEntry {
  /** Top-level arguments whose change replaces the resource. */
  forceNew: readonly string[];
  /** What replacing or deleting it does: destructive when it holds state or carries traffic. */
  impact: ImpactClass;
  /** Why, in a few words (shown in the plan). */
  holds: string;
  source: string;
}

const docs = (name: string) => `https://registry.terraform.io/providers/hashicorp/aws/5.100.0/docs/resources/${name}`;

export const forceNewTable: Readonly<Record<string, ForceNewEntry>> = {
  aws_vpc: { forceNew: ["cidr_block", "instance_tenancy", "ipv4_ipam_pool_id"], impact: "destructive", holds: "every subnet, node and load balancer of the cluster", source: docs("vpc") },
  aws_subnet: { forceNew: ["vpc_id", "cidr_block", "availability_zone", "availability_zone_id", "ipv6_cidr_block"], impact: "destructive", holds: "the nodes and load balancers in the zone", source: docs("subnet") },
  aws_internet_gateway: { forceNew: [], impact: "destructive", holds: "all traffic to and from the internet", source: docs("internet_gateway") },
  aws_eip: { forceNew: ["domain", "address", "customer_owned_ipv4_pool", "public_ipv4_pool", "network_border_group"], impact: "destructive", holds: "the public address of a NAT gateway (allow-lists elsewhere name it)", source: docs("eip") },
  aws_nat_gateway: { forceNew: ["allocation_id", "subnet_id", "connectivity_type", "private_ip"], impact: "destructive", holds: "outbound traffic of the private subnets", source: docs("nat_gateway") },
  aws_route_table: { forceNew: ["vpc_id"], impact: "destructive", holds: "the routes of a subnet", source: docs("route_table") },
  aws_route: { forceNew: ["route_table_id", "destination_cidr_block", "destination_ipv6_cidr_block", "destination_prefix_list_id"], impact: "destructive", holds: "a path traffic takes", source: docs("route") },
  aws_route_table_association: { forceNew: ["subnet_id", "gateway_id"], impact: "destructive", holds: "which routes a subnet uses", source: docs("route_table_association") },
  // a stack in a shared network: its tag on the network's subnets, and its routes to the network's gateway endpoints
  aws_ec2_tag: { forceNew: ["resource_id", "key"], impact: "disruptive", holds: "the cluster's claim on a shared subnet (load balancers find their subnets by it)", source: docs("ec2_tag") },
  aws_vpc_endpoint_route_table_association: { forceNew: ["route_table_id", "vpc_endpoint_id"], impact: "disruptive", holds: "the private subnets' path to a gateway endpoint (traffic falls back to the NAT gateways meanwhile)", source: docs("vpc_endpoint_route_table_association") },
  // a network's own module (kind: Network)
  aws_vpc_endpoint: { forceNew: ["vpc_id", "service_name", "vpc_endpoint_type"], impact: "disruptive", holds: "private access to an AWS service (traffic falls back to the NAT gateways meanwhile)", source: docs("vpc_endpoint") },
  aws_security_group: { forceNew: ["name", "name_prefix", "vpc_id", "description"], impact: "disruptive", holds: "the network interfaces it is attached to", source: docs("security_group") },
  aws_vpc_security_group_ingress_rule: { forceNew: ["security_group_id"], impact: "disruptive", holds: "one allowed inbound flow", source: docs("vpc_security_group_ingress_rule") },
  aws_default_security_group: { forceNew: ["vpc_id"], impact: "safe", holds: "nothing (stackc empties the default group)", source: docs("default_security_group") },
  aws_flow_log: {
    forceNew: ["vpc_id", "subnet_id", "eni_id", "transit_gateway_id", "traffic_type", "log_destination", "log_destination_type", "log_format", "max_aggregation_interval", "iam_role_arn", "destination_options"],
    impact: "safe",
    holds: "a log subscription (already delivered logs stay in the bucket)",
    source: docs("flow_log"),
  },
  aws_s3_bucket: { forceNew: ["bucket", "bucket_prefix"], impact: "destructive", holds: "the bucket's objects (state, backups, logs)", source: docs("s3_bucket") },
  aws_s3_bucket_ownership_controls: { forceNew: ["bucket"], impact: "safe", holds: "a bucket setting", source: docs("s3_bucket_ownership_controls") },
  aws_s3_bucket_public_access_block: { forceNew: ["bucket"], impact: "safe", holds: "a bucket setting", source: docs("s3_bucket_public_access_block") },
  aws_s3_bucket_versioning: { forceNew: ["bucket", "expected_bucket_owner", "mfa"], impact: "disruptive", holds: "the bucket's version history setting", source: docs("s3_bucket_versioning") },
  aws_s3_bucket_server_side_encryption_configuration: { forceNew: ["bucket", "expected_bucket_owner"], impact: "disruptive", holds: "how new objects are encrypted", source: docs("s3_bucket_server_side_encryption_configuration") },
  aws_s3_bucket_lifecycle_configuration: { forceNew: ["bucket", "expected_bucket_owner"], impact: "safe", holds: "when objects expire", source: docs("s3_bucket_lifecycle_configuration") },
  aws_s3_bucket_logging: { forceNew: ["bucket", "expected_bucket_owner"], impact: "safe", holds: "access logging of the bucket", source: docs("s3_bucket_logging") },
  aws_s3_bucket_policy: { forceNew: ["bucket"], impact: "disruptive", holds: "who may read and write the bucket", source: docs("s3_bucket_policy") },
  aws_s3_bucket_replication_configuration: { forceNew: ["bucket"], impact: "disruptive", holds: "replication to the replica bucket", source: docs("s3_bucket_replication_configuration") },
  aws_iam_role: { forceNew: ["name", "name_prefix", "path"], impact: "disruptive", holds: "the identity workloads assume (running pods lose it until restarted)", source: docs("iam_role") },
  aws_iam_role_policy: { forceNew: ["name", "name_prefix", "role"], impact: "disruptive", holds: "permissions of a role", source: docs("iam_role_policy") },
  aws_iam_policy: { forceNew: ["name", "name_prefix", "path", "description"], impact: "disruptive", holds: "permissions of an add-on's service account", source: docs("iam_policy") },
  aws_kms_key: {
    forceNew: ["customer_master_key_spec", "key_usage", "multi_region", "custom_key_store_id", "xks_key_id"],
    impact: "destructive",
    holds: "the only key that decrypts what it encrypted (a deleted key makes that data unreadable)",
    source: docs("kms_key"),
  },
  aws_kms_alias: { forceNew: ["name", "name_prefix"], impact: "disruptive", holds: "the name clients use for the key", source: docs("kms_alias") },
  aws_route53_zone: { forceNew: ["name", "delegation_set_id"], impact: "destructive", holds: "every DNS record of the cluster (API, ingress names)", source: docs("route53_zone") },
};

export function forceNewEntry(type: string): ForceNewEntry | undefined {
  return Object.hasOwn(forceNewTable, type) ? forceNewTable[type] : undefined;
}
