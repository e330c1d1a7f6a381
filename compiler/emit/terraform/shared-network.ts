// network.tf of a stack in a shared network (spec.network.use): no VPC, internet gateway, NAT
// gateway or utility subnet — those are the network's. What the cluster adds to the VPC:
// - where the network is: its outputs read from the network's own Terraform state
//   (terraform_remote_state: never an id copied by hand), or, for an existing VPC, the ids its
//   manifest names, as locals;
// - one private subnet per zone in the stack's block, tagged as kops tags a shared subnet (kops
//   writes `kubernetes.io/cluster/<name> = shared` on every subnet that has an id, so declaring
//   the same value keeps both tools from fighting), with a route table whose default route goes
//   to the network's NAT gateway of that zone (kops creates no route for a subnet with an id);
//   an existing network's shared private subnets are used as they are;
// - the cluster's tag on the network's utility subnets (and on shared private subnets) through
//   aws_ec2_tag, one key per cluster, so the AWS Load Balancer Controller and kops find them for
//   this cluster; the network's provider ignores `kubernetes.io/cluster/` keys, so the network's
//   applies never remove them;
// - the association of its private route tables with the network's gateway endpoints.
import type { StackModel } from "../../model/model.js";
import type { NetworkModel } from "../../model/network.js";
import { kopsSubnetTags } from "./subnet-tags.js";
import type { TfStack } from "./stack.js";
import { data, resource, topBlock, type TfForEach, type TfItem } from "./tf/blocks.js";
import { eachKey, eachValue, rawExpr, ref, tags, template, type TfMap, type TfValue } from "./tf/values.js";

/** Outputs of the network's root module that stacks read (out/<network>/terraform/outputs.tf). */
export const networkOutputs = {
  vpcId: "vpc_id",
  vpcCidrBlock: "vpc_cidr_block",
  utilitySubnetIds: "utility_subnet_ids",
  natGatewayIds: "nat_gateway_ids",
  gatewayEndpointIds: "gateway_endpoint_ids",
} as const;

const REMOTE = "data.terraform_remote_state.network";

/** The stack's zones whose private subnet the stack creates (not an existing network's shared one). */
function ownPrivateZones(model: StackModel) {
  return model.zones.filter((z) => z.existing?.privateSubnetId === undefined);
}

function zonesForEach(model: StackModel): TfForEach {
  return {
    expression: ref("local.zones"),
    instances: new Map(ownPrivateZones(model).map((z) => [z.name, { nat_zone: z.natZone, private: z.privateCidr } as TfMap])),
  };
}

function stackZonesForEach(model: StackModel): TfForEach {
  return { expression: rawExpr("toset(local.stack_zones)"), instances: new Map(model.zones.map((z) => [z.name, z.name])) };
}

/** A map over the stack's zones of one per-zone output of the network. */
function perZone(output: string): TfValue {
  return rawExpr(`{ for zone in local.stack_zones : zone => ${REMOTE}.outputs.${output}[zone] }`);
}

/** The locals every other file uses for the VPC: `local.vpc_id`, `local.utility_subnet_ids`, `local.nat_gateway_ids`. */
function whereLocals(model: StackModel, network: NetworkModel): TfItem[] {
  const stackZones = model.zones.map((z) => z.name);
  const remote = data(
    "terraform_remote_state",
    "network",
    { backend: "s3", config: { bucket: network.state.bucket, key: network.state.key, region: network.state.region } },
    { comment: `The network ${network.name} (${network.source}): its outputs, read from its own Terraform state.` },
  );
  if (network.existing) {
    const utility: Record<string, TfValue> = {};
    const nat: Record<string, TfValue> = {};
    for (const z of model.zones) {
      utility[z.name] = z.existing!.utilitySubnetId;
      nat[z.name] = z.existing!.natGatewayId;
    }
    // the gateway endpoints are the network's resources even in an existing VPC: their ids come from its state
    return [
      ...(network.manifest.spec.endpoints.gateway.length > 0 && ownPrivateZones(model).length > 0 ? [remote] : []),
      topBlock(
        "locals",
        [],
        { stack_zones: stackZones, vpc_id: network.existing.vpcId, vpc_cidr_block: network.vpcCidr, utility_subnet_ids: utility, nat_gateway_ids: nat },
        `The existing VPC of the network ${network.name} (${network.source}), as its manifest names it.`,
      ),
    ];
  }
  return [
    remote,
    topBlock(
      "locals",
      [],
      {
        stack_zones: stackZones,
        vpc_id: ref(`${REMOTE}.outputs.${networkOutputs.vpcId}`),
        vpc_cidr_block: ref(`${REMOTE}.outputs.${networkOutputs.vpcCidrBlock}`),
        utility_subnet_ids: perZone(networkOutputs.utilitySubnetIds),
        nat_gateway_ids: perZone(networkOutputs.natGatewayIds),
      },
      "The network's VPC, and its utility subnets and NAT gateways in the stack's zones.",
    ),
  ];
}

export function sharedNetworkResources(stack: TfStack): TfItem[] {
  const { model } = stack;
  const network = model.network!.model;
  const name = stack.stackName;
  const items: TfItem[] = [...whereLocals(model, network)];
  const own = ownPrivateZones(model);
  const cluster = model.clusterName;

  if (own.length > 0) {
    const zones = zonesForEach(model);
    items.push(
      topBlock("locals", [], { zones: Object.fromEntries(zones.instances) }, "zones: the private subnet of each zone (in the stack's block) and the zone whose NAT gateway it routes through."),
      resource(
        "aws_subnet",
        "private",
        {
          vpc_id: ref("local.vpc_id"),
          availability_zone: eachKey(),
          cidr_block: eachValue("private"),
          tags: tags({ Name: template(`${name}-private-`, eachKey()), ...kopsSubnetTags(cluster, "private") }),
        },
        { forEach: zones },
      ),
      resource("aws_route_table", "private", { vpc_id: ref("local.vpc_id"), tags: tags({ Name: template(`${name}-private-`, eachKey()) }) }, { forEach: zones }),
      resource(
        "aws_route",
        "private_default",
        {
          route_table_id: ref("aws_route_table.private", "id", eachKey()),
          destination_cidr_block: "0.0.0.0/0",
          nat_gateway_id: ref("local.nat_gateway_ids", undefined, eachKey()),
        },
        { forEach: zones, comment: "Each private subnet leaves through the network's NAT gateway for its zone." },
      ),
      resource(
        "aws_route_table_association",
        "private",
        { subnet_id: ref("aws_subnet.private", "id", eachKey()), route_table_id: ref("aws_route_table.private", "id", eachKey()) },
        { forEach: zones },
      ),
    );
  }

  const tagKey = `kubernetes.io/cluster/${cluster}`;
  items.push(
    resource(
      "aws_ec2_tag",
      "utility_cluster",
      { resource_id: ref("local.utility_subnet_ids", undefined, eachKey()), key: tagKey, value: "shared" },
      {
        forEach: stackZonesForEach(model),
        comment: "This cluster's tag on the network's utility subnets: kops and the AWS Load Balancer Controller place this cluster's public load balancers there.",
      },
    ),
  );
  const sharedPrivate = model.zones.filter((z) => z.existing?.privateSubnetId !== undefined);
  if (sharedPrivate.length > 0) {
    items.push(
      resource(
        "aws_ec2_tag",
        "private_cluster",
        { resource_id: eachValue(), key: tagKey, value: "shared" },
        {
          forEach: { expression: rawExpr("local.shared_private_subnet_ids"), instances: new Map(sharedPrivate.map((z) => [z.name, z.existing!.privateSubnetId!])) },
          comment: "This cluster's tag on the existing private subnets it shares with the network's other clusters.",
        },
      ),
      topBlock("locals", [], { shared_private_subnet_ids: Object.fromEntries(sharedPrivate.map((z) => [z.name, z.existing!.privateSubnetId!])) }, "The existing network's private subnets, shared by its clusters."),
    );
  }

  const gateways = network.manifest.spec.endpoints.gateway;
  if (own.length > 0 && gateways.length > 0) {
    for (const service of gateways) {
      const endpointId = ref(`${REMOTE}.outputs.${networkOutputs.gatewayEndpointIds}`, undefined, service);
      items.push(
        resource(
          "aws_vpc_endpoint_route_table_association",
          `private_${service}`,
          { route_table_id: ref("aws_route_table.private", "id", eachKey()), vpc_endpoint_id: endpointId },
          { forEach: zonesForEach(model), comment: `The network's ${service} gateway endpoint, reachable from this stack's private subnets.` },
        ),
      );
    }
  }
  return items;
}
