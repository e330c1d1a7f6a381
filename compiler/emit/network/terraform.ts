// out/<network>/terraform/: the network's own root module, with its own state
// (networks/<name>/terraform.tfstate), applied before any stack that uses it. A managed network:
// the VPC, an internet gateway, a utility subnet per zone (the load-balancer subnets every
// cluster shares), the NAT gateways, the utility route table, the default security group with
// no rules, flow logs, and the VPC endpoints. An existing network creates none of the VPC, its
// subnets or NATs: only what its manifest adds (flow logs, endpoints), and outputs the ids it
// names. The outputs (shared-network.ts `networkOutputs`) are what the stacks read through
// terraform_remote_state. out/<network>/terraform-bootstrap/ creates the state bucket.
//
// The network's buckets are SSE-KMS: its flow-log bucket with a key of its own (usable by the
// flow log delivery service), its state bucket with a key terraform-bootstrap creates (the backend
// names it by alias), like a stack's.
//
// The provider ignores tag keys under `kubernetes.io/cluster/`: every cluster in the network
// tags the utility subnets with its own key (aws_ec2_tag in its stack's Terraform), and those
// tags must survive the network's applies.
import type { NetworkModel } from "../../model/network.js";
import { bucketResources } from "../terraform/bucket.js";
import { KMS_DELETION_WINDOW_DAYS, kmsAliasName, stateKmsAliasName } from "../terraform/kms.js";
import { policyDocument } from "../terraform/policy-document.js";
import type { DocStatement } from "../terraform/policy-document.js";
import { networkOutputs } from "../terraform/shared-network.js";
import { stateBucketOutputs } from "../terraform/bootstrap.js";
import { FLOW_LOG_AGGREGATION_SECONDS, flowLogDeliveryStatements, flowLogKeyStatement } from "../terraform/flow-logs.js";
import { data, labeled, nested, resource, topBlock, type TfFile, type TfForEach, type TfItem, type TfModule } from "../terraform/tf/blocks.js";
import { eachKey, eachValue, rawExpr, ref, tags, template, type TfMap, type TfValue } from "../terraform/tf/values.js";
import { versionsFile } from "../terraform/versions.js";
import { partitionForRegion } from "../../addons/iam/index.js";

export const NETWORK_TERRAFORM_DIR = "terraform";
export const NETWORK_BOOTSTRAP_DIR = "terraform-bootstrap";

/** The key prefix every cluster's own subnet tag starts with. */
export const CLUSTER_TAG_PREFIX = "kubernetes.io/cluster/";

function provider(network: NetworkModel, ignoreClusterTags: boolean): TfItem {
  return topBlock("provider", ["aws"], {
    region: network.region,
    allowed_account_ids: network.accountId ? [network.accountId] : undefined,
    default_tags: nested({ tags: { ...network.tags } }),
    ignore_tags: ignoreClusterTags ? nested({ key_prefixes: [CLUSTER_TAG_PREFIX] }) : undefined,
  });
}

function zonesForEach(network: NetworkModel): TfForEach {
  return {
    expression: ref("local.zones"),
    instances: new Map(network.zones.map((z) => [z.name, { nat_zone: z.natZone, utility: z.utilityCidr } as TfMap])),
  };
}

function natZonesForEach(network: NetworkModel): TfForEach {
  return { expression: rawExpr("toset(local.nat_zones)"), instances: new Map(network.natZones.map((z) => [z, z])) };
}

function vpcId(network: NetworkModel): TfValue {
  return network.existing ? network.existing.vpcId : ref("aws_vpc.this", "id");
}

function managedNetwork(network: NetworkModel): TfItem[] {
  const name = network.name;
  const vpc = ref("aws_vpc.this", "id");
  const zones = zonesForEach(network);
  const nat = natZonesForEach(network);
  const items: TfItem[] = [
    topBlock(
      "locals",
      [],
      { zones: Object.fromEntries(zones.instances), nat_zones: [...network.natZones] },
      "zones: each zone's utility subnet and the zone whose NAT gateway its clusters' private subnets route through.\nnat_zones: the zones that hold a NAT gateway.",
    ),
    resource("aws_vpc", "this", { cidr_block: network.vpcCidr, enable_dns_support: true, enable_dns_hostnames: true, tags: tags({ Name: name }) }),
    resource("aws_internet_gateway", "this", { vpc_id: vpc, tags: tags({ Name: name }) }),
    resource(
      "aws_subnet",
      "utility",
      {
        vpc_id: vpc,
        availability_zone: eachKey(),
        cidr_block: eachValue("utility"),
        // each cluster adds its own kubernetes.io/cluster/<name> = shared (its stack's aws_ec2_tag)
        tags: tags({ Name: template(`${name}-utility-`, eachKey()), "kubernetes.io/role/elb": "1", SubnetType: "Utility" }),
      },
      { forEach: zones, comment: "The load-balancer subnets every cluster of the network shares." },
    ),
    resource("aws_eip", "nat", { domain: "vpc", tags: tags({ Name: template(`${name}-nat-`, eachKey()) }) }, { forEach: nat, dependsOn: ["aws_internet_gateway.this"] }),
    resource(
      "aws_nat_gateway",
      "this",
      { allocation_id: ref("aws_eip.nat", "id", eachKey()), subnet_id: ref("aws_subnet.utility", "id", eachKey()), tags: tags({ Name: template(`${name}-nat-`, eachKey()) }) },
      { forEach: nat, dependsOn: ["aws_internet_gateway.this"], comment: "The NAT gateways every cluster's private subnets route through." },
    ),
    resource("aws_route_table", "utility", { vpc_id: vpc, tags: tags({ Name: `${name}-utility` }) }),
    resource("aws_route", "utility_default", { route_table_id: ref("aws_route_table.utility", "id"), destination_cidr_block: "0.0.0.0/0", gateway_id: ref("aws_internet_gateway.this", "id") }),
    resource(
      "aws_route_table_association",
      "utility",
      { subnet_id: ref("aws_subnet.utility", "id", eachKey()), route_table_id: ref("aws_route_table.utility", "id") },
      { forEach: zones },
    ),
  ];
  if (network.manifest.spec.restrictDefaultSecurityGroup) {
    items.push(
      resource(
        "aws_default_security_group",
        "default",
        { vpc_id: vpc, ingress: [], egress: [], tags: tags({ Name: `${name}-default-no-rules` }) },
        { comment: "The VPC's default security group, with every rule removed so nothing can use it by accident." },
      ),
    );
  }
  return items;
}

/** The account principal of key policies: the account root, so IAM policies grant the key's use. */
function accountAdministration(network: NetworkModel): DocStatement {
  const partition = partitionForRegion(network.region);
  return {
    sid: "AccountAdministration",
    effect: "Allow",
    actions: ["kms:*"],
    resources: ["*"],
    principals: [{ type: "AWS", identifiers: [template(`arn:${partition}:iam::`, ref("data.aws_caller_identity.current", "account_id"), ":root")] }],
  };
}

/**
 * The network's key for its flow-log bucket: rotated, account-administered, and usable by the
 * VPC flow log delivery service (which has no IAM role in the account) for this account's logs.
 */
function kmsItems(network: NetworkModel): TfItem[] {
  const partition = partitionForRegion(network.region);
  const account = ref("data.aws_caller_identity.current", "account_id");
  return [
    policyDocument("kms", [
      accountAdministration(network),
      flowLogKeyStatement(account, template(`arn:${partition}:logs:${network.region}:`, account, ":*")),
    ]),
    resource("aws_kms_key", "this", {
      description: `stackc network ${network.name}: its flow-log bucket`,
      enable_key_rotation: true,
      deletion_window_in_days: KMS_DELETION_WINDOW_DAYS,
      policy: ref("data.aws_iam_policy_document.kms", "json"),
      tags: tags({ Name: network.name }),
    }),
    resource("aws_kms_alias", "this", { name: kmsAliasName(network.name), target_key_id: ref("aws_kms_key.this", "key_id") }),
  ];
}

function flowLogItems(network: NetworkModel): TfItem[] {
  const flowLogs = network.manifest.spec.flowLogs;
  if (!flowLogs.enabled || !flowLogs.bucket) return [];
  const partition = partitionForRegion(network.region);
  const arn = ref("aws_s3_bucket.flow_logs", "arn");
  const account = ref("data.aws_caller_identity.current", "account_id");
  const logsSource = template(`arn:${partition}:logs:${network.region}:`, account, ":*");
  const statements: DocStatement[] = flowLogDeliveryStatements(arn, account, logsSource);
  return [
    ...kmsItems(network),
    ...bucketResources({
      name: "flow_logs",
      bucketName: flowLogs.bucket,
      purpose: "VPC flow logs of the network.",
      meta: { bucketRole: "flow-logs" },
      sse: { algorithm: "aws:kms", keyArn: ref("aws_kms_key.this", "arn") },
      publicRead: false,
      noncurrentDays: 30,
      expireDays: flowLogs.retentionDays,
      accessLogs: undefined,
      policyStatements: statements,
    }),
    resource(
      "aws_flow_log",
      "vpc",
      {
        vpc_id: vpcId(network),
        traffic_type: "ALL",
        log_destination_type: "s3",
        log_destination: arn,
        max_aggregation_interval: FLOW_LOG_AGGREGATION_SECONDS,
        tags: tags({ Name: `${network.name}-vpc` }),
      },
      { dependsOn: ["aws_s3_bucket_policy.flow_logs"] },
    ),
  ];
}

function utilitySubnetIds(network: NetworkModel): TfValue {
  if (network.existing) return Object.fromEntries(network.zones.map((z) => [z.name, z.existing!.utilitySubnetId]));
  return rawExpr("{ for zone, subnet in aws_subnet.utility : zone => subnet.id }");
}

function endpointItems(network: NetworkModel): TfItem[] {
  const { gateway, interface: iface } = network.manifest.spec.endpoints;
  const items: TfItem[] = [];
  for (const service of gateway) {
    items.push(
      resource(
        "aws_vpc_endpoint",
        service,
        {
          vpc_id: vpcId(network),
          service_name: `com.amazonaws.${network.region}.${service}`,
          vpc_endpoint_type: "Gateway",
          // the clusters associate their own private route tables (aws_vpc_endpoint_route_table_association)
          route_table_ids: network.existing ? undefined : [ref("aws_route_table.utility", "id")],
          tags: tags({ Name: `${network.name}-${service}` }),
        },
        { comment: `Gateway endpoint for ${service}; each cluster associates its private route tables with it.` },
      ),
    );
  }
  if (iface.length > 0) {
    items.push(
      resource(
        "aws_security_group",
        "endpoints",
        {
          name: `${network.name}-endpoints`,
          description: "HTTPS from the VPC to the interface endpoints",
          vpc_id: vpcId(network),
          tags: tags({ Name: `${network.name}-endpoints` }),
        },
      ),
      resource("aws_vpc_security_group_ingress_rule", "endpoints_https", {
        security_group_id: ref("aws_security_group.endpoints", "id"),
        description: "HTTPS from the VPC",
        cidr_ipv4: network.vpcCidr,
        ip_protocol: "tcp",
        from_port: 443,
        to_port: 443,
      }),
      resource(
        "aws_vpc_endpoint",
        "interface",
        {
          vpc_id: vpcId(network),
          service_name: template(`com.amazonaws.${network.region}.`, eachKey()),
          vpc_endpoint_type: "Interface",
          private_dns_enabled: true,
          subnet_ids: rawExpr(network.existing ? "values(local.utility_subnet_ids)" : "[for subnet in aws_subnet.utility : subnet.id]"),
          security_group_ids: [ref("aws_security_group.endpoints", "id")],
          tags: tags({ Name: template(`${network.name}-`, eachKey()) }),
        },
        { forEach: { expression: rawExpr("toset(local.interface_endpoints)"), instances: new Map(iface.map((s) => [s, s])) }, comment: "Interface endpoints, in the utility subnets, reachable from the whole VPC." },
      ),
      topBlock("locals", [], { interface_endpoints: [...iface] }),
    );
    if (network.existing) items.push(topBlock("locals", [], { utility_subnet_ids: utilitySubnetIds(network) as TfMap }));
  }
  return items;
}

function outputs(network: NetworkModel): TfItem[] {
  const o = networkOutputs;
  const natIds: TfValue = network.existing
    ? Object.fromEntries(network.zones.map((z) => [z.name, network.zones.find((n) => n.name === z.natZone)!.existing!.natGatewayId]))
    : rawExpr("{ for zone, z in local.zones : zone => aws_nat_gateway.this[z.nat_zone].id }");
  const gateways = network.manifest.spec.endpoints.gateway;
  return [
    topBlock("output", [o.vpcId], { description: "VPC id.", value: vpcId(network) }),
    topBlock("output", [o.vpcCidrBlock], { description: "VPC CIDR.", value: network.existing ? network.vpcCidr : ref("aws_vpc.this", "cidr_block") }),
    topBlock("output", [o.utilitySubnetIds], { description: "Utility subnet id per zone (every cluster's load-balancer subnets).", value: utilitySubnetIds(network) }),
    topBlock("output", [o.natGatewayIds], { description: "NAT gateway the private subnets of each zone route through, per zone.", value: natIds }),
    topBlock("output", [o.gatewayEndpointIds], {
      description: "Gateway endpoint id per service (clusters associate their private route tables).",
      value: Object.fromEntries(gateways.map((g) => [g, ref(`aws_vpc_endpoint.${g}`, "id")])) as TfMap,
    }),
  ];
}

export function networkRootModule(network: NetworkModel): TfModule {
  const dir = NETWORK_TERRAFORM_DIR;
  const flowLogs = flowLogItems(network);
  const endpoints = endpointItems(network);
  const files: TfFile[] = [
    versionsFile(dir),
    {
      path: `${dir}/providers.tf`,
      summary: "The AWS provider: region, account guard, tags; the clusters' own subnet tags are theirs.",
      items: [provider(network, true), ...(flowLogs.length > 0 ? [data("aws_caller_identity", "current", {}, { comment: "The account Terraform runs in; the flow-log bucket policy names it." })] : [])],
    },
    {
      path: `${dir}/backend.tf`,
      summary: `State in s3://${network.state.bucket}/${network.state.key} (created by ../terraform-bootstrap); stacks read the outputs from there.`,
      items: [
        topBlock("terraform", [], {
          // the state is written with the key terraform-bootstrap creates (by alias: a backend takes no expressions)
          backend: labeled(["s3"], {
            bucket: network.state.bucket,
            key: network.state.key,
            region: network.state.region,
            encrypt: true,
            kms_key_id: stateKmsAliasName(network.name),
            use_lockfile: true,
          }),
        }),
      ],
    },
  ];
  const vpcItems = network.existing ? [] : managedNetwork(network);
  if (vpcItems.length > 0 || flowLogs.length > 0) {
    files.push({
      path: `${dir}/network.tf`,
      summary: network.existing
        ? `Network: the existing VPC ${network.existing.vpcId} (not managed here) and its flow logs.`
        : "Network: VPC, utility subnets, NAT gateways, routes, default security group, flow logs.",
      items: [...vpcItems, ...flowLogs],
    });
  }
  if (endpoints.length > 0) files.push({ path: `${dir}/endpoints.tf`, summary: "VPC endpoints.", items: endpoints });
  files.push({ path: `${dir}/outputs.tf`, summary: "Outputs the clusters of the network read (terraform_remote_state).", items: outputs(network) });
  return { dir, files };
}

export function networkBootstrapModule(network: NetworkModel): TfModule {
  const dir = NETWORK_BOOTSTRAP_DIR;
  const name = "terraform_state";
  return {
    dir,
    files: [
      versionsFile(dir),
      {
        path: `${dir}/providers.tf`,
        summary: "The AWS provider. No backend: this module keeps its state locally.",
        items: [provider(network, false), data("aws_caller_identity", "current", {}, { comment: "The account Terraform runs in; the key policy names it." })],
      },
      {
        path: `${dir}/state-bucket.tf`,
        summary: `The bucket holding the Terraform state of ../terraform (${network.state.bucket}), encrypted with a key of its own.`,
        items: [
          policyDocument("kms_terraform_state", [accountAdministration(network)]),
          resource("aws_kms_key", name, {
            description: `stackc network ${network.name}: the Terraform state bucket`,
            enable_key_rotation: true,
            deletion_window_in_days: KMS_DELETION_WINDOW_DAYS,
            policy: ref("data.aws_iam_policy_document.kms_terraform_state", "json"),
            tags: tags({ Name: `${network.name}-tfstate` }),
          }),
          resource("aws_kms_alias", name, { name: stateKmsAliasName(network.name), target_key_id: ref(`aws_kms_key.${name}`, "key_id") }),
          ...bucketResources({
            name,
            bucketName: network.state.bucket,
            purpose: "Terraform state of the network.",
            meta: { bucketRole: "terraform-state" },
            sse: { algorithm: "aws:kms", keyArn: ref(`aws_kms_key.${name}`, "arn") },
            publicRead: false,
            noncurrentDays: 90,
            accessLogs: undefined,
          }),
        ],
      },
      stateBucketOutputs(dir, name),
    ],
  };
}
