// network.tf: the VPC kops runs in as "shared" network (every kops subnet has an `id`, so kops
// creates no subnet, route or NAT itself and Terraform must own them all):
// - one utility (public) and one private subnet per zone, tagged exactly as kops tags shared
//   subnets, so neither tool sees drift. No subnet maps public IPs on launch
//   (map_public_ip_on_launch stays false): nothing in a utility subnet needs the subnet to hand
//   out addresses. The NAT gateways get their Elastic IPs here; public load balancers get theirs
//   from ELB; and instances kops places in utility subnets (the `public` topology, a bastion)
//   get one because kops sets AssociatePublicIpAddress on the launch template of every instance
//   group whose subnets are Utility/Public (pkg/model/awsmodel/autoscalinggroup.go; an instance
//   group's spec.associatePublicIp overrides it), whatever the subnet's own setting;
// - an internet gateway; an EIP + NAT gateway in the utility subnet of every NAT zone;
// - one utility route table (default route to the IGW) and one private route table per zone
//   (default route to the NAT of the zone's natZone: its own, or the single NAT);
// - the default security group with no rules; VPC flow logs (flow-logs.ts).
// Everything per zone is `for_each` over `local.zones`, keyed by zone name, so adding a zone
// adds that zone's instances and touches no other.
import type { StackModel, ZoneModel } from "../../model/model.js";
import { resource, topBlock, type TfFile, type TfForEach, type TfItem, type TfResource } from "./tf/blocks.js";
import { eachKey, eachValue, rawExpr, ref, tags, template, type TfMap } from "./tf/values.js";
import { flowLogResources } from "./flow-logs.js";
import type { TfStack } from "./stack.js";
import { sharedNetworkResources } from "./shared-network.js";
import { kopsSubnetTags } from "./subnet-tags.js";

export { kopsSubnetTags } from "./subnet-tags.js";

/** `local.zones`: zone → its subnets and the zone whose NAT gateway its private subnet uses. */
export function zoneLocals(zones: readonly ZoneModel[]): Map<string, TfMap> {
  return new Map(zones.map((z) => [z.name, { nat_zone: z.natZone, private: z.privateCidr, utility: z.utilityCidr }]));
}

function zonesForEach(model: StackModel): TfForEach {
  return { expression: ref("local.zones"), instances: zoneLocals(model.zones) };
}

function natZonesForEach(model: StackModel): TfForEach {
  return { expression: rawExpr("toset(local.nat_zones)"), instances: new Map(model.natZones.map((z) => [z, z])) };
}

export function networkResources(stack: TfStack): TfItem[] {
  if (stack.model.network) return sharedNetworkResources(stack);
  const { model } = stack;
  const name = stack.stackName;
  const zones = zonesForEach(model);
  const natZones = natZonesForEach(model);
  const vpcId = ref("aws_vpc.this", "id");
  const items: TfItem[] = [];

  items.push(
    topBlock(
      "locals",
      [],
      {
        zones: Object.fromEntries(zones.instances),
        nat_zones: [...model.natZones],
      },
      "zones: each zone's subnets and the zone whose NAT gateway its private subnet routes through.\nnat_zones: the zones that hold a NAT gateway.",
    ),
  );

  items.push(
    resource("aws_vpc", "this", {
      cidr_block: model.vpcCidr,
      enable_dns_support: true,
      enable_dns_hostnames: true,
      tags: tags({ Name: name }),
    }),
    resource("aws_internet_gateway", "this", { vpc_id: vpcId, tags: tags({ Name: name }) }),
  );

  const subnet = (kind: "utility" | "private"): TfResource =>
    resource(
      "aws_subnet",
      kind,
      {
        vpc_id: vpcId,
        availability_zone: eachKey(),
        cidr_block: eachValue(kind),
        tags: tags({ Name: template(`${name}-${kind}-`, eachKey()), ...kopsSubnetTags(model.clusterName, kind) }),
      },
      { forEach: zones },
    );
  items.push(subnet("utility"), subnet("private"));

  items.push(
    resource(
      "aws_eip",
      "nat",
      { domain: "vpc", tags: tags({ Name: template(`${name}-nat-`, eachKey()) }) },
      { forEach: natZones, dependsOn: ["aws_internet_gateway.this"] },
    ),
    resource(
      "aws_nat_gateway",
      "this",
      {
        allocation_id: ref("aws_eip.nat", "id", eachKey()),
        subnet_id: ref("aws_subnet.utility", "id", eachKey()),
        tags: tags({ Name: template(`${name}-nat-`, eachKey()) }),
      },
      {
        forEach: natZones,
        dependsOn: ["aws_internet_gateway.this"],
        // kops tags a NAT only when it manages the private subnets itself; with shared subnets it
        // leaves NATs alone (pkg/model/awsmodel/network.go), so no kubernetes.io/cluster tag here.
        comment: "One NAT gateway per NAT zone, in that zone's utility subnet. No kops tags: kops leaves the NATs of shared subnets alone.",
      },
    ),
  );

  items.push(
    resource("aws_route_table", "utility", { vpc_id: vpcId, tags: tags({ Name: `${name}-utility` }) }),
    resource("aws_route", "utility_default", {
      route_table_id: ref("aws_route_table.utility", "id"),
      destination_cidr_block: "0.0.0.0/0",
      gateway_id: ref("aws_internet_gateway.this", "id"),
    }),
    resource(
      "aws_route_table_association",
      "utility",
      { subnet_id: ref("aws_subnet.utility", "id", eachKey()), route_table_id: ref("aws_route_table.utility", "id") },
      { forEach: zones },
    ),
    resource("aws_route_table", "private", { vpc_id: vpcId, tags: tags({ Name: template(`${name}-private-`, eachKey()) }) }, { forEach: zones }),
    resource(
      "aws_route",
      "private_default",
      {
        route_table_id: ref("aws_route_table.private", "id", eachKey()),
        destination_cidr_block: "0.0.0.0/0",
        nat_gateway_id: ref("aws_nat_gateway.this", "id", eachValue("nat_zone")),
      },
      { forEach: zones, comment: "Each private subnet leaves through the NAT gateway of its zone's nat_zone." },
    ),
    resource(
      "aws_route_table_association",
      "private",
      { subnet_id: ref("aws_subnet.private", "id", eachKey()), route_table_id: ref("aws_route_table.private", "id", eachKey()) },
      { forEach: zones },
    ),
  );

  if (model.stack.spec.network.restrictDefaultSecurityGroup) {
    items.push(
      resource(
        "aws_default_security_group",
        "default",
        { vpc_id: vpcId, ingress: [], egress: [], tags: tags({ Name: `${name}-default-no-rules` }) },
        { comment: "The VPC's default security group, with every rule removed so nothing can use it by accident." },
      ),
    );
  }

  items.push(...flowLogResources(stack));
  return items;
}

export function networkFile(dir: string, stack: TfStack): TfFile {
  const shared = stack.model.network?.model;
  return {
    path: `${dir}/network.tf`,
    summary: shared
      ? `Network: this cluster's private subnets and routes in the ${shared.existing ? "existing " : ""}network ${shared.name} (${shared.source}), and its tags on the network's subnets.`
      : "Network: VPC, per-zone subnets (tagged for kops), NAT gateways, routes, default security group, flow logs.",
    items: networkResources(stack),
  };
}
