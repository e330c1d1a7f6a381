// Deterministic subnet derivation (documented in the README, "Subnet derivation").
//
// The VPC (/16 to /22) is cut into 8 equal blocks (prefix + 3):
//   block 0      the utility area, cut again into 8 (prefix + 6): utility subnet of zone letter a, b, c, …
//   blocks 1..7  one private subnet per zone letter: a → block 1, b → block 2, …
// Zones are numbered by their letter, not by their position in the list, so adding or
// removing a zone never moves another zone's subnets. A /16 gives /22 utility and /19
// private subnets (10.20.0.0/22 and 10.20.32.0/19 for zone a) — kops' own layout.
import { formatCidr, parseCidr, subdivide, type Cidr } from "./cidr.js";

/** Largest VPC prefix that still leaves /28 utility subnets (the AWS minimum). */
export const MAX_DERIVABLE_PREFIX = 22;
export const MIN_VPC_PREFIX = 16;
/** Zone letters a..g fit the 7 private blocks. */
export const MAX_ZONE_INDEX = 6;

export function zoneLetter(zone: string): string {
  return zone.charAt(zone.length - 1);
}

export function zoneIndex(zone: string): number {
  return zoneLetter(zone).charCodeAt(0) - "a".charCodeAt(0);
}

export interface DerivedSubnets {
  private: string;
  utility: string;
}

/** undefined when the VPC is too small or the zone letter is beyond g. */
export function deriveSubnets(vpc: Cidr, zone: string): DerivedSubnets | undefined {
  const index = zoneIndex(zone);
  if (vpc.prefix < MIN_VPC_PREFIX || vpc.prefix > MAX_DERIVABLE_PREFIX || index < 0 || index > MAX_ZONE_INDEX) return undefined;
  const utilityArea = subdivide(vpc, vpc.prefix + 3, 0);
  return {
    utility: formatCidr(subdivide(utilityArea, vpc.prefix + 6, index)),
    private: formatCidr(subdivide(vpc, vpc.prefix + 3, index + 1)),
  };
}

export function deriveSubnetsFromText(vpcCidr: string, zone: string): DerivedSubnets | undefined {
  const vpc = parseCidr(vpcCidr);
  return vpc ? deriveSubnets(vpc, zone) : undefined;
}
