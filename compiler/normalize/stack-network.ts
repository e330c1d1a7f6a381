// A stack in a shared network (spec.network.use): its zones take the network's utility subnets
// and NAT gateways, and its private subnets come from its block — an index of the network's
// cluster blocks or a CIDR — cut into eighths by zone letter, exactly as a stack's own VPC is.
// A block depends only on the stack's own `block` value, never on which other stacks exist,
// so adding or removing a cluster never moves another's ranges; overlaps between the stacks of
// one network are a fleet check (fleet.ts, STK-FLEET-006).
import type { NormalizeContext } from "./context.js";
import type { ZoneModel } from "../model/model.js";
import type { NetworkModel, StackNetwork } from "../model/network.js";
import type { Stack } from "../../schema/stack.types.js";
import { canonical, contains, formatCidr, isCanonical, overlaps, parseCidr, subdivide, type Cidr } from "./cidr.js";
import { reservedRanges } from "./network.js";
import { MAX_ZONE_INDEX, zoneIndex, zoneLetter } from "./subnets.js";

/** The smallest block: each zone's eighth is then a /28, the smallest subnet AWS allows. */
export const MAX_BLOCK_PREFIX = 25;

/** Settings of the stack's own VPC, which belong to the network's manifest once `use` is set. */
const OWN_VPC_SETTINGS = ["cidr", "natGateways", "subnets", "flowLogs"] as const;

/** Own VPC or shared network: exactly one. Checked on the manifest as written (before defaults). */
export function checkNetworkChoice(ctx: NormalizeContext, raw: Stack): void {
  const network = raw.spec?.network ?? {};
  if (network.use !== undefined) {
    for (const key of OWN_VPC_SETTINGS) {
      if (network[key] !== undefined) {
        ctx.report("STK-VPC-002", `spec.network.${key} is a setting of the stack's own VPC, but the stack uses the network ${network.use}`, `/spec/network/${key}`, {
          prefer: "key",
          hint: `Remove it here; set it in the network manifest ${network.use}`,
        });
      }
    }
  } else {
    if (network.cidr === undefined) {
      ctx.report("STK-VPC-002", "spec.network needs either cidr (the stack's own VPC) or use (a shared network)", "/spec/network", {
        prefer: "key",
        hint: "Add cidr: 10.20.0.0/16, or use: ./network.yaml to live in a shared network",
      });
    }
    if (network.block !== undefined) {
      ctx.report("STK-VPC-003", "spec.network.block only applies to a stack in a shared network (spec.network.use)", "/spec/network/block", { prefer: "key" });
    }
  }
}

export function buildNetworkedZones(ctx: NormalizeContext, network: NetworkModel): { vpcCidr: string; zones: ZoneModel[]; natZones: string[]; network: StackNetwork } {
  const { spec, metadata } = ctx.stack;

  if (spec.cloud.region !== network.region) {
    ctx.report("STK-VPC-004", `The stack is in ${spec.cloud.region} but its network ${network.name} is in ${network.region}`, "/spec/cloud/region", {
      hint: `A VPC lives in one region: set region: ${network.region}, or use a network of ${spec.cloud.region}`,
    });
  }
  if (metadata.environment !== network.environment) {
    ctx.report("STK-VPC-004", `A ${metadata.environment} stack cannot use the ${network.environment} network ${network.name}`, "/metadata/environment", {
      hint: "Environments do not share networks: a dev cluster next to prod traffic is what the environments exist to prevent",
    });
  }
  const byZone = new Map(network.zones.map((z) => [z.name, z]));
  spec.cloud.zones.forEach((zone, i) => {
    if (!network.manifest.spec.zones.includes(zone)) {
      ctx.report("STK-VPC-004", `Zone ${zone} is not a zone of the network ${network.name} (${network.manifest.spec.zones.join(", ")})`, `/spec/cloud/zones/${i}`, {
        hint: `Add ${zone} to the network's zones, or use only the network's zones`,
      });
    }
  });

  const sharedPrivate = network.zones.some((z) => z.existing?.privateSubnet);
  let block: Cidr | undefined;
  let blockPointer = "/spec/network/use";
  if (sharedPrivate) {
    if (spec.network.block !== undefined) {
      ctx.report("STK-VPC-003", `The network ${network.name} shares its existing private subnets: a stack in it has no block of its own`, "/spec/network/block", {
        prefer: "key",
        hint: "Remove block",
      });
    }
  } else if (spec.network.block === undefined) {
    ctx.report("STK-VPC-003", `The stack needs a private block in the network ${network.name}`, "/spec/network/use", {
      prefer: "key",
      hint: `Add spec.network.block: an index (1 to ${2 ** (network.blockPrefix - parseCidr(network.vpcCidr)!.prefix) - 1}, unused by the network's other stacks) or a CIDR inside ${network.vpcCidr}`,
    });
  } else {
    blockPointer = "/spec/network/block";
    block = resolveBlock(ctx, network, spec.network.block);
  }

  const zones: ZoneModel[] = [];
  for (const zone of spec.cloud.zones) {
    const nz = byZone.get(zone);
    if (!nz) continue;
    let privateCidr: string | undefined;
    if (nz.existing?.privateSubnet) privateCidr = nz.existing.privateSubnet.cidr;
    else if (block) {
      const index = zoneIndex(zone);
      if (index >= 0 && index <= MAX_ZONE_INDEX) privateCidr = formatCidr(subdivide(block, block.prefix + 3, index));
    }
    if (privateCidr === undefined) continue;
    zones.push({
      name: zone,
      letter: zoneLetter(zone),
      privateCidr,
      utilityCidr: nz.utilityCidr,
      derived: true,
      natZone: nz.natZone,
      ...(nz.existing
        ? {
            existing: {
              utilitySubnetId: nz.existing.utilitySubnetId,
              natGatewayId: network.zones.find((z) => z.name === nz.natZone)?.existing?.natGatewayId ?? nz.existing.natGatewayId,
              ...(nz.existing.privateSubnet ? { privateSubnetId: nz.existing.privateSubnet.id } : {}),
            },
          }
        : {}),
    });
  }
  const natZones = [...new Set(zones.map((z) => z.natZone))];
  return {
    vpcCidr: network.vpcCidr,
    zones,
    natZones,
    network: { model: network, ...(block ? { block: formatCidr(block) } : {}), pointer: blockPointer },
  };
}

/** The block an index or CIDR names, checked: inside the network, aligned, clear of the utility subnets. */
function resolveBlock(ctx: NormalizeContext, network: NetworkModel, value: number | string): Cidr | undefined {
  const pointer = "/spec/network/block";
  const vpc = parseCidr(network.vpcCidr)!;
  let block: Cidr;
  if (typeof value === "number") {
    const count = 2 ** (network.blockPrefix - vpc.prefix);
    if (!Number.isInteger(value) || value < 0 || value >= count) {
      ctx.report("STK-VPC-003", `Block ${value} does not exist: the network ${network.name} has blocks 0 to ${count - 1} (/${network.blockPrefix} each)`, pointer, {
        hint: "Use a free block index, or a CIDR inside the network",
      });
      return undefined;
    }
    block = subdivide(vpc, network.blockPrefix, value);
  } else {
    const parsed = parseCidr(value)!; // the schema checked its shape
    if (!parsed || !isCanonical(parsed)) {
      ctx.report("STK-MODEL-001", `Block ${value} has host bits set`, pointer, parsed ? { hint: `Did you mean ${formatCidr(canonical(parsed))}?` } : {});
      return undefined;
    }
    block = parsed;
    if (!contains(vpc, block)) {
      ctx.report("STK-VPC-003", `Block ${value} is outside the network ${network.name} (${network.vpcCidr})`, pointer);
      return undefined;
    }
    if (block.prefix > MAX_BLOCK_PREFIX) {
      ctx.report("STK-VPC-003", `Block ${value} is too small: each zone gets an eighth of it, and AWS subnets are at least /28`, pointer, {
        hint: `Use a /${MAX_BLOCK_PREFIX} or larger block`,
      });
      return undefined;
    }
  }
  for (const reserved of reservedRanges(network)) {
    if (overlaps(block, parseCidr(reserved.cidr)!)) {
      ctx.report("STK-VPC-003", `Block ${formatCidr(block)} overlaps the ${reserved.what} (${reserved.cidr}) of the network ${network.name}`, pointer, {
        hint: typeof value === "number" ? "Block 0 holds the network's utility subnets; stacks use 1 and up" : "Choose a block clear of the network's utility subnets",
      });
      return undefined;
    }
  }
  return block;
}
