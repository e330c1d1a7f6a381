// Zones and subnets: the VPC CIDR checked, each zone's private and utility subnet taken from
// spec.network.subnets or derived (see subnets.ts), then every subnet checked to lie inside
// the VPC and overlap no other.
import type { NormalizeContext } from "./context.js";
import type { RegionModel, ZoneModel } from "../model/model.js";
import { regionZones } from "../catalog/aws-zones.js";
import { canonical, contains, formatCidr, isCanonical, overlaps, parseCidr, KOPS_NON_MASQUERADE_CIDR, type Cidr } from "./cidr.js";
import { deriveSubnets, MAX_DERIVABLE_PREFIX, MAX_ZONE_INDEX, MIN_VPC_PREFIX, zoneIndex, zoneLetter } from "./subnets.js";
import { escapeSegment } from "../load/pointer.js";

interface SubnetRef {
  zone: string;
  kind: "private" | "utility";
  cidr: Cidr;
  text: string;
  pointer: string;
  explicit: boolean;
}

export function buildZones(ctx: NormalizeContext): { vpcCidr: string; zones: ZoneModel[]; natZones: string[] } {
  const { cloud } = ctx.stack.spec;
  // only for a stack with its own VPC (normalize.ts checked that cidr is there)
  const network = { ...ctx.stack.spec.network, cidr: ctx.stack.spec.network.cidr! };
  let vpc = parseCidr(network.cidr)!; // format-checked by the schema
  if (!isCanonical(vpc)) {
    const fixed = formatCidr(canonical(vpc));
    ctx.report("STK-MODEL-001", `VPC CIDR ${network.cidr} has host bits set`, "/spec/network/cidr", {
      hint: `Did you mean ${fixed}?`,
      data: { cidr: network.cidr, suggestion: fixed },
    });
    vpc = canonical(vpc);
  }
  if (vpc.prefix < MIN_VPC_PREFIX || vpc.prefix > 28) {
    ctx.report("STK-MODEL-002", `A VPC CIDR must be /16 to /28; ${network.cidr} is /${vpc.prefix}`, "/spec/network/cidr");
  }
  const nonMasquerade = parseCidr(KOPS_NON_MASQUERADE_CIDR)!;
  if (overlaps(vpc, nonMasquerade)) {
    ctx.report(
      "STK-MODEL-014",
      `VPC CIDR ${network.cidr} overlaps ${KOPS_NON_MASQUERADE_CIDR}, which kops uses for pods and services`,
      "/spec/network/cidr",
      { hint: "Use an RFC 1918 range such as 10.20.0.0/16" },
    );
  }

  cloud.zones.forEach((zone, i) => {
    if (zone.slice(0, -1) !== cloud.region) {
      const known = regionZones(cloud.region);
      ctx.report("STK-MODEL-005", `Zone ${zone} is not in region ${cloud.region}`, `/spec/cloud/zones/${i}`, {
        hint: known ? `Zones of ${cloud.region}: ${known.join(", ")}` : `Zones of ${cloud.region} are ${cloud.region}a, ${cloud.region}b, …`,
      });
    }
  });

  const explicit = network.subnets ?? {};
  for (const zone of Object.keys(explicit)) {
    if (!cloud.zones.includes(zone)) {
      ctx.report("STK-MODEL-006", `spec.network.subnets names zone ${zone}, which is not in spec.cloud.zones`, subnetPointer(zone), {
        prefer: "key",
        hint: `Add ${zone} to spec.cloud.zones or remove its subnets`,
      });
    }
  }

  const refs: SubnetRef[] = [];
  const zones: ZoneModel[] = [];
  let derivationReported = false;
  for (const zone of cloud.zones) {
    const given = explicit[zone];
    let privateCidr: string;
    let utilityCidr: string;
    if (given) {
      privateCidr = given.private;
      utilityCidr = given.utility;
      for (const kind of ["private", "utility"] as const) {
        const pointer = `${subnetPointer(zone)}/${kind}`;
        const parsed = parseCidr(given[kind])!;
        if (!isCanonical(parsed)) {
          const fixed = formatCidr(canonical(parsed));
          ctx.report("STK-MODEL-001", `Subnet CIDR ${given[kind]} has host bits set`, pointer, { hint: `Did you mean ${fixed}?` });
        }
        refs.push({ zone, kind, cidr: canonical(parsed), text: given[kind], pointer, explicit: true });
      }
    } else {
      const derived = deriveSubnets(vpc, zone);
      if (!derived) {
        if (!derivationReported) {
          derivationReported = true;
          const why =
            zoneIndex(zone) > MAX_ZONE_INDEX || zoneIndex(zone) < 0
              ? `zone ${zone} has a letter beyond "${String.fromCharCode(97 + MAX_ZONE_INDEX)}"`
              : `a /${vpc.prefix} VPC is too small (derivation needs /${MIN_VPC_PREFIX} to /${MAX_DERIVABLE_PREFIX})`;
          ctx.report("STK-MODEL-002", `Cannot derive subnets for zone ${zone}: ${why}`, "/spec/network/cidr", {
            hint: `Give the zone's CIDRs in spec.network.subnets.${zone}: { private: …, utility: … }`,
          });
        }
        continue;
      }
      privateCidr = derived.private;
      utilityCidr = derived.utility;
      refs.push({ zone, kind: "private", cidr: parseCidr(privateCidr)!, text: privateCidr, pointer: "/spec/network/cidr", explicit: false });
      refs.push({ zone, kind: "utility", cidr: parseCidr(utilityCidr)!, text: utilityCidr, pointer: "/spec/network/cidr", explicit: false });
    }
    zones.push({
      name: zone,
      letter: zoneLetter(zone),
      privateCidr,
      utilityCidr,
      derived: !given,
      natZone: network.natGateways === "perZone" ? zone : cloud.zones[0]!,
    });
  }

  for (const ref of refs) {
    if (ref.explicit && !contains(vpc, ref.cidr)) {
      ctx.report("STK-MODEL-003", `${capital(ref.kind)} subnet ${ref.text} of ${ref.zone} is outside the VPC ${formatCidr(vpc)}`, ref.pointer);
    }
  }
  for (let j = 0; j < refs.length; j++) {
    for (let i = 0; i < j; i++) {
      const a = refs[i]!;
      const b = refs[j]!;
      // Two derived subnets collide only when zone letters repeat, which STK-MODEL-005 reports.
      if (!overlaps(a.cidr, b.cidr) || (!a.explicit && !b.explicit)) continue;
      // Report at the explicit subnet: that is the value to change.
      const [at, other] = b.explicit ? [b, a] : [a, b];
      ctx.report(
        "STK-MODEL-004",
        `${capital(at.kind)} subnet ${at.text} of ${at.zone} overlaps ${other.kind} subnet ${other.text} of ${other.zone}${other.explicit ? "" : " (derived)"}`,
        at.pointer,
        { related: [ctx.related(other.pointer, `${other.kind} subnet of ${other.zone}`)] },
      );
    }
  }

  const natZones = network.natGateways === "perZone" ? zones.map((z) => z.name) : zones.length > 0 ? [zones[0]!.name] : [];
  return { vpcCidr: formatCidr(vpc), zones, natZones };
}

/**
 * The Regions the stack names, each with its zones from the Region table (compiler/catalog/
 * aws-zones.ts). Policies judge them (STK-NET-012); normalize only records them, so a Region
 * newer than the table is a finding a waiver can accept, not a hard error.
 */
export function buildRegions(ctx: NormalizeContext): RegionModel[] {
  const { cloud, backups } = ctx.stack.spec;
  const entry = (region: string, setting: RegionModel["setting"], pointer: string): RegionModel => {
    const zones = regionZones(region);
    return { region, setting, known: zones !== undefined, zones: [...(zones ?? [])], pointer };
  };
  const regions = [entry(cloud.region, "cloud", "/spec/cloud/region")];
  if (backups.replicaRegion !== undefined) regions.push(entry(backups.replicaRegion, "backups-replica", "/spec/backups/replicaRegion"));
  return regions;
}

function subnetPointer(zone: string): string {
  return `/spec/network/subnets/${escapeSegment(zone)}`;
}

function capital(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}
