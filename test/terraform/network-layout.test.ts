// The network of every example stack, read from the emitter's artifact (what policies see):
// NAT gateways per zone or single, each private route at the right NAT, subnets tagged exactly as
// kops tags shared subnets, everything per zone keyed by zone name.
import { test } from "uvu";
import * as assert from "uvu/assert";
import { exampleModel, exampleModels as allExampleModels } from "../helpers/stacks.js";

/** The stacks with a VPC of their own (a stack in a shared network: test/network/network.test.ts and its tftest fixture). */
const exampleModels = async () => (await allExampleModels()).filter((m) => !m.network);
import { artifactOf, firstBlock, instanceAt, instances, moduleOf, refAddress, resourceAt, resources } from "./artifact-queries.js";

test("prod has a NAT gateway (and EIP) in each of its three zones; dev has one", async () => {
  const prod = moduleOf(artifactOf(await exampleModel("prod-eu-west-1")), "terraform");
  assert.equal(resourceAt(prod, "aws_nat_gateway.this").forEach?.keys, ["eu-west-1a", "eu-west-1b", "eu-west-1c"]);
  assert.equal(resourceAt(prod, "aws_eip.nat").forEach?.keys, ["eu-west-1a", "eu-west-1b", "eu-west-1c"]);
  const dev = moduleOf(artifactOf(await exampleModel("dev-eu-west-1")), "terraform");
  assert.equal(resourceAt(dev, "aws_nat_gateway.this").forEach?.keys, ["eu-west-1a"]);
  assert.equal(resourceAt(dev, "aws_eip.nat").forEach?.keys, ["eu-west-1a"]);
});

test("each private route points at the NAT of the zone's natZone, each NAT sits in its zone's utility subnet", async () => {
  for (const model of await exampleModels()) {
    const module = moduleOf(artifactOf(model), "terraform");
    for (const zone of model.zones) {
      const route = instanceAt(module, `aws_route.private_default["${zone.name}"]`).attributes;
      assert.is(refAddress(route.nat_gateway_id), `aws_nat_gateway.this["${zone.natZone}"]`, `${model.name} ${zone.name}`);
      assert.is(refAddress(route.route_table_id), `aws_route_table.private["${zone.name}"]`);
      assert.is(route.destination_cidr_block, "0.0.0.0/0");
      const association = instanceAt(module, `aws_route_table_association.private["${zone.name}"]`).attributes;
      assert.is(refAddress(association.subnet_id), `aws_subnet.private["${zone.name}"]`);
      assert.is(refAddress(association.route_table_id), `aws_route_table.private["${zone.name}"]`);
    }
    for (const zone of model.natZones) {
      const nat = instanceAt(module, `aws_nat_gateway.this["${zone}"]`).attributes;
      assert.is(refAddress(nat.subnet_id), `aws_subnet.utility["${zone}"]`);
      assert.is(refAddress(nat.allocation_id), `aws_eip.nat["${zone}"]`);
    }
    const perZone = model.stack.spec.network.natGateways === "perZone";
    assert.is(new Set(model.zones.map((z) => z.natZone)).size, perZone ? model.zones.length : 1);
  }
});

test("subnets carry exactly the kops shared-subnet tags (plus Name) and the model's CIDRs", async () => {
  for (const model of await exampleModels()) {
    const module = moduleOf(artifactOf(model), "terraform");
    const clusterTag = `kubernetes.io/cluster/${model.clusterName}`;
    for (const zone of model.zones) {
      const utility = instanceAt(module, `aws_subnet.utility["${zone.name}"]`).attributes;
      const priv = instanceAt(module, `aws_subnet.private["${zone.name}"]`).attributes;
      assert.equal(utility.tags, {
        Name: `${model.name}-utility-${zone.name}`,
        SubnetType: "Utility",
        [clusterTag]: "shared",
        "kubernetes.io/role/elb": "1",
      });
      assert.equal(priv.tags, {
        Name: `${model.name}-private-${zone.name}`,
        SubnetType: "Private",
        [clusterTag]: "shared",
        "kubernetes.io/role/internal-elb": "1",
      });
      assert.is(utility.cidr_block, zone.utilityCidr);
      assert.is(priv.cidr_block, zone.privateCidr);
      assert.is(utility.availability_zone, zone.name);
      // no subnet hands out public addresses (CKV_AWS_130): kops' launch templates ask for them
      assert.is(utility.map_public_ip_on_launch, undefined);
      assert.is(priv.map_public_ip_on_launch, undefined);
    }
  }
});

test("every per-zone resource is for_each over the zones, keyed by zone name (never count)", async () => {
  const model = await exampleModel("staging-eu-west-1");
  const module = moduleOf(artifactOf(model), "terraform");
  const zones = model.zones.map((z) => z.name);
  for (const address of ["aws_subnet.utility", "aws_subnet.private", "aws_route_table.private", "aws_route.private_default", "aws_route_table_association.private", "aws_route_table_association.utility"]) {
    const r = resourceAt(module, address);
    assert.equal(r.forEach?.expression, { $ref: "local.zones" }, address);
    assert.equal(r.forEach?.keys, [...zones].sort(), address);
  }
  assert.not.ok(module.resources.some((r) => "count" in (r.instances[0]?.attributes ?? {})), "no count anywhere");
  assert.equal(Object.keys(module.locals.zones as object), zones);
});

test("EIPs use domain = vpc (never the deprecated vpc = true) and wait for the internet gateway", async () => {
  for (const model of await exampleModels()) {
    const module = moduleOf(artifactOf(model), "terraform");
    for (const eip of resources(module, "aws_eip")) {
      assert.equal(eip.dependsOn, ["aws_internet_gateway.this"]);
      for (const i of eip.instances) {
        assert.is(i.attributes.domain, "vpc");
        assert.not.ok("vpc" in i.attributes);
      }
    }
  }
});

test("the VPC has DNS support and hostnames; the default security group has no rules; flow logs go to their bucket", async () => {
  for (const model of await exampleModels()) {
    const module = moduleOf(artifactOf(model), "terraform");
    const vpc = instanceAt(module, "aws_vpc.this").attributes;
    assert.is(vpc.cidr_block, model.vpcCidr);
    assert.is(vpc.enable_dns_support, true);
    assert.is(vpc.enable_dns_hostnames, true);
    const sg = instances(module, "aws_default_security_group");
    assert.is(sg.length, model.stack.spec.network.restrictDefaultSecurityGroup ? 1 : 0);
    for (const i of sg) {
      assert.equal(i.attributes.ingress, []);
      assert.equal(i.attributes.egress, []);
    }
    const flow = instances(module, "aws_flow_log");
    assert.is(flow.length, model.stack.spec.network.flowLogs.enabled ? 1 : 0);
    for (const i of flow) {
      assert.is(refAddress(i.attributes.log_destination), "aws_s3_bucket.flow_logs");
      assert.is(i.attributes.traffic_type, "ALL");
    }
  }
});

test("a private zone is associated with the VPC", async () => {
  for (const model of await exampleModels()) {
    const zone = instanceAt(moduleOf(artifactOf(model), "terraform"), "aws_route53_zone.cluster").attributes;
    assert.is(zone.name, model.stack.spec.dns.zone);
    if (model.stack.spec.dns.type === "private") assert.is(refAddress(firstBlock(zone.vpc).vpc_id), "aws_vpc.this");
    else assert.is(zone.vpc, undefined);
  }
});

test("a public zone is not associated with the VPC", async () => {
  const model = structuredClone(await exampleModel("dev-eu-west-1"));
  model.stack.spec.dns.type = "public";
  const zone = instanceAt(moduleOf(artifactOf(model), "terraform"), "aws_route53_zone.cluster").attributes;
  assert.is(zone.vpc, undefined);
  assert.match(String(zone.comment), /^Public zone/);
});

test.run();
