// normalize for kind: Network — the validated manifest → NetworkModel, every inconsistency
// reported at the value to change. A managed network derives its utility subnets like a stack
// does (the first eighth of the VPC, cut by zone letter) unless given; an existing one takes
// the ids and CIDRs its manifest names. Pure: no I/O, no clock.
import type { StageResult } from "../diagnostics/diagnostic.js";
import { escapeSegment } from "../load/pointer.js";
import type { SourceMap } from "../load/source-map.js";
import { networkStateKey, type NetworkModel, type NetworkZoneModel } from "../model/network.js";
import type { NetworkManifest, ResolvedNetworkManifest } from "../../schema/network.types.js";
import { canonical, contains, formatCidr, isCanonical, KOPS_NON_MASQUERADE_CIDR, overlaps, parseCidr, subdivide, type Cidr } from "./cidr.js";
import { Reporter } from "./context.js";
import { applySchemaDefaults } from "./defaults.js";
import { MAX_ZONE_INDEX, zoneIndex, zoneLetter } from "./subnets.js";

/** A shared network is /16 to /20: room for the utility area and several cluster blocks. */
export const MIN_NETWORK_PREFIX = 16;
export const MAX_NETWORK_PREFIX = 20;

export function normalizeNetwork(manifest: NetworkManifest, file: string, sourceMap: SourceMap, schema: Record<string, unknown>): StageResult<NetworkModel> {
  const resolved = applySchemaDefaults(manifest, schema) as unknown as ResolvedNetworkManifest;
  const r = new Reporter(sourceMap);
  const { spec, metadata } = resolved;

  let vpc = parseCidr(spec.cidr)!; // format-checked by the schema
  if (!isCanonical(vpc)) {
    const fixed = formatCidr(canonical(vpc));
    r.report("STK-MODEL-001", `VPC CIDR ${spec.cidr} has host bits set`, "/spec/cidr", { hint: `Did you mean ${fixed}?` });
    vpc = canonical(vpc);
  }
  if (vpc.prefix < MIN_NETWORK_PREFIX || vpc.prefix > MAX_NETWORK_PREFIX) {
    r.report("STK-VPC-006", `A shared network's CIDR must be /${MIN_NETWORK_PREFIX} to /${MAX_NETWORK_PREFIX}; ${spec.cidr} is /${vpc.prefix}`, "/spec/cidr", {
      hint: "A /16 holds the utility subnets and seven /19 cluster blocks",
    });
  }
  if (overlaps(vpc, parseCidr(KOPS_NON_MASQUERADE_CIDR)!)) {
    r.report("STK-MODEL-014", `VPC CIDR ${spec.cidr} overlaps ${KOPS_NON_MASQUERADE_CIDR}, which kops uses for pods and services`, "/spec/cidr", {
      hint: "Use an RFC 1918 range such as 10.30.0.0/16",
    });
  }
  const blockPrefix = spec.clusterBlockPrefix ?? Math.min(vpc.prefix + 3, 32);
  if (spec.clusterBlockPrefix !== undefined && spec.clusterBlockPrefix <= vpc.prefix) {
    r.report("STK-VPC-006", `clusterBlockPrefix /${spec.clusterBlockPrefix} is not smaller than the network /${vpc.prefix}`, "/spec/clusterBlockPrefix", {
      hint: `Use /${vpc.prefix + 3} (eight blocks) or longer`,
    });
  }

  spec.zones.forEach((zone, i) => {
    if (zone.slice(0, -1) !== spec.region) {
      r.report("STK-MODEL-005", `Zone ${zone} is not in region ${spec.region}`, `/spec/zones/${i}`, { hint: `Zones of ${spec.region} are ${spec.region}a, ${spec.region}b, …` });
    }
    if (zoneIndex(zone) > MAX_ZONE_INDEX) {
      r.report("STK-MODEL-002", `Zone ${zone} has a letter beyond "${String.fromCharCode(97 + MAX_ZONE_INDEX)}"; blocks are cut by zone letter a-g`, `/spec/zones/${i}`);
    }
  });

  const zones = spec.existing ? existingZones(r, resolved, manifest, vpc) : managedZones(r, resolved, vpc);
  checkSubnets(r, zones.map((z) => ({ zone: z.name, cidr: z.utilityCidr, pointer: utilityPointer(resolved, z.name), what: "utility" })), vpc);

  const natZones = [...new Set(zones.map((z) => z.natZone))];
  const model: NetworkModel = {
    file,
    // compileStack replaces it with the workspace-relative path (as for a stack)
    source: file,
    name: metadata.name,
    environment: metadata.environment,
    manifest: resolved,
    region: spec.region,
    ...(spec.accountId ? { accountId: spec.accountId } : {}),
    vpcCidr: formatCidr(vpc),
    zones,
    natZones,
    blockPrefix,
    ...(spec.existing ? { existing: { vpcId: spec.existing.vpcId } } : {}),
    state: { bucket: spec.stateStore.terraformBucket, key: networkStateKey(metadata.name), region: spec.region },
    tags: networkTags(resolved),
  };
  return { value: model, diagnostics: r.diagnostics };
}

function managedZones(r: Reporter, network: ResolvedNetworkManifest, vpc: Cidr): NetworkZoneModel[] {
  const { spec } = network;
  const explicit = spec.subnets ?? {};
  for (const zone of Object.keys(explicit)) {
    if (!spec.zones.includes(zone)) {
      r.report("STK-MODEL-006", `spec.subnets names zone ${zone}, which is not in spec.zones`, `/spec/subnets/${escapeSegment(zone)}`, {
        prefer: "key",
        hint: `Add ${zone} to spec.zones or remove its subnet`,
      });
    }
  }
  const zones: NetworkZoneModel[] = [];
  for (const zone of spec.zones) {
    const given = explicit[zone]?.utility;
    let utilityCidr: string;
    if (given) {
      const parsed = parseCidr(given)!;
      if (!isCanonical(parsed)) r.report("STK-MODEL-001", `Subnet CIDR ${given} has host bits set`, `/spec/subnets/${escapeSegment(zone)}/utility`, { hint: `Did you mean ${formatCidr(canonical(parsed))}?` });
      utilityCidr = formatCidr(canonical(parsed));
    } else {
      const index = zoneIndex(zone);
      if (index < 0 || index > MAX_ZONE_INDEX || vpc.prefix > MAX_NETWORK_PREFIX) continue; // reported above
      utilityCidr = formatCidr(subdivide(subdivide(vpc, vpc.prefix + 3, 0), vpc.prefix + 6, index));
    }
    zones.push({ name: zone, letter: zoneLetter(zone), utilityCidr, natZone: spec.natGateways === "perZone" ? zone : spec.zones[0]! });
  }
  return zones;
}

function existingZones(r: Reporter, network: ResolvedNetworkManifest, raw: NetworkManifest, vpc: Cidr): NetworkZoneModel[] {
  const { spec } = network;
  const existing = spec.existing!;
  // an existing VPC's subnets and NATs are named by id: derivation settings make no sense there
  for (const key of ["subnets", "natGateways"] as const) {
    if (raw.spec[key] !== undefined) {
      r.report("STK-VPC-005", `spec.${key} does not apply to an existing network`, `/spec/${key}`, {
        prefer: "key",
        hint: "Name each zone's subnets and NAT gateway in spec.existing.zones instead",
      });
    }
  }
  for (const zone of Object.keys(existing.zones)) {
    if (!spec.zones.includes(zone)) {
      r.report("STK-VPC-005", `spec.existing.zones names zone ${zone}, which is not in spec.zones`, `/spec/existing/zones/${escapeSegment(zone)}`, {
        prefer: "key",
        hint: `Add ${zone} to spec.zones or remove it here`,
      });
    }
  }
  const missing = spec.zones.filter((z) => !existing.zones[z]);
  if (missing.length > 0) {
    r.report("STK-VPC-005", `spec.existing.zones has no entry for ${missing.join(", ")}`, "/spec/existing/zones", {
      prefer: "key",
      hint: `Name the utility subnet and NAT gateway of ${missing[0]}: { utilitySubnet: { id: subnet-…, cidr: … }, natGateway: nat-… }`,
    });
  }
  const present = spec.zones.filter((z) => existing.zones[z]);
  const withPrivate = present.filter((z) => existing.zones[z]!.privateSubnet);
  if (withPrivate.length > 0 && withPrivate.length < present.length) {
    const without = present.find((z) => !existing.zones[z]!.privateSubnet)!;
    r.report("STK-VPC-005", `Zone ${without} names no private subnet while ${withPrivate[0]} does: private subnets are shared in every zone or in none`, `/spec/existing/zones/${escapeSegment(without)}`, {
      prefer: "key",
      hint: "kops needs subnet ids on all subnets or on none of a cluster",
    });
  }
  const firstNat = new Map<string, string>();
  const zones: NetworkZoneModel[] = [];
  for (const zone of present) {
    const given = existing.zones[zone]!;
    const natZone = firstNat.get(given.natGateway) ?? zone;
    firstNat.set(given.natGateway, natZone);
    zones.push({
      name: zone,
      letter: zoneLetter(zone),
      utilityCidr: given.utilitySubnet.cidr,
      natZone,
      existing: {
        utilitySubnetId: given.utilitySubnet.id,
        natGatewayId: given.natGateway,
        ...(given.privateSubnet ? { privateSubnet: { id: given.privateSubnet.id, cidr: given.privateSubnet.cidr } } : {}),
      },
    });
  }
  const privates = zones.flatMap((z) =>
    z.existing?.privateSubnet ? [{ zone: z.name, cidr: z.existing.privateSubnet.cidr, pointer: `/spec/existing/zones/${escapeSegment(z.name)}/privateSubnet/cidr`, what: "private" }] : [],
  );
  checkSubnets(r, privates, vpc);
  // the same subnet id twice is a copy-paste slip: two zones cannot share a subnet
  const ids = new Map<string, string>();
  for (const z of zones) {
    for (const [what, id] of [["utilitySubnet", z.existing!.utilitySubnetId], ["privateSubnet", z.existing!.privateSubnet?.id]] as const) {
      if (id === undefined) continue;
      const pointer = `/spec/existing/zones/${escapeSegment(z.name)}/${what}/id`;
      const first = ids.get(id);
      if (first) r.report("STK-VPC-005", `Subnet ${id} is named twice`, pointer, { related: [r.related(first, "first named here")] });
      else ids.set(id, pointer);
    }
  }
  return zones;
}

interface SubnetCheck {
  zone: string;
  cidr: string;
  pointer: string;
  what: string;
}

/** Each subnet canonical, inside the VPC, and clear of the subnets checked before it (and of `others`). */
function checkSubnets(r: Reporter, subnets: readonly SubnetCheck[], vpc: Cidr): void {
  const seen: { check: SubnetCheck; cidr: Cidr }[] = [];
  for (const s of subnets) {
    const parsed = parseCidr(s.cidr);
    if (!parsed) continue;
    if (!isCanonical(parsed)) {
      r.report("STK-MODEL-001", `Subnet CIDR ${s.cidr} has host bits set`, s.pointer, { hint: `Did you mean ${formatCidr(canonical(parsed))}?` });
    }
    const cidr = canonical(parsed);
    if (!contains(vpc, cidr)) r.report("STK-MODEL-003", `${capital(s.what)} subnet ${s.cidr} of ${s.zone} is outside the VPC ${formatCidr(vpc)}`, s.pointer);
    for (const other of seen) {
      if (overlaps(other.cidr, cidr)) {
        r.report("STK-MODEL-004", `${capital(s.what)} subnet ${s.cidr} of ${s.zone} overlaps ${other.check.what} subnet ${other.check.cidr} of ${other.check.zone}`, s.pointer, {
          related: [r.related(other.check.pointer, `${other.check.what} subnet of ${other.check.zone}`)],
        });
      }
    }
    seen.push({ check: s, cidr });
  }
}

function utilityPointer(network: ResolvedNetworkManifest, zone: string): string {
  const z = escapeSegment(zone);
  if (network.spec.existing) return `/spec/existing/zones/${z}/utilitySubnet/cidr`;
  return network.spec.subnets?.[zone] ? `/spec/subnets/${z}/utility` : "/spec/cidr";
}

/**
 * The ranges no stack block may touch: every utility subnet, and the private subnets an
 * existing network shares.
 */
export function reservedRanges(network: NetworkModel): { cidr: string; what: string }[] {
  return network.zones.flatMap((z) => [
    { cidr: z.utilityCidr, what: `utility subnet of ${z.name}` },
    ...(z.existing?.privateSubnet ? [{ cidr: z.existing.privateSubnet.cidr, what: `private subnet of ${z.name}` }] : []),
  ]);
}

function networkTags(network: ResolvedNetworkManifest): Record<string, string> {
  const tags: Record<string, string> = {
    "managed-by": "stackc",
    "stackc.dev/environment": network.metadata.environment,
    "stackc.dev/network": network.metadata.name,
  };
  if (network.metadata.owner) tags.owner = network.metadata.owner;
  for (const [key, value] of Object.entries(network.spec.tags ?? {})) if (value !== undefined) tags[key] = value;
  return Object.fromEntries(Object.entries(tags).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

function capital(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}
