// What a network's lock records for the next build (kind: Network): its VPC CIDR (or the id of
// an existing VPC) and each zone's utility subnet. None of them can change in place — a new
// CIDR replaces the VPC and everything every cluster in it runs on — so a build that changes
// one is refused (STK-CHANGE-005) at the network manifest's line, like a stack's own VPC. The
// way to a new address plan is a new network and a blue/green move of its stacks.
import type { Diagnostic } from "../diagnostics/diagnostic.js";
import { diag } from "../diagnostics/codes.js";
import { escapeSegment } from "../load/pointer.js";
import type { SourceMap } from "../load/source-map.js";
import type { NetworkModel } from "../model/network.js";
import { RECORD_VERSION } from "./record.js";

export interface NetworkRecord {
  version: number;
  network: {
    vpcCidr: string;
    vpcId?: string;
    /** zone → utility subnet CIDR */
    utility: Record<string, string>;
  };
}

export function buildNetworkRecord(network: NetworkModel): NetworkRecord {
  const utility: Record<string, string> = {};
  for (const z of [...network.zones].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) utility[z.name] = z.utilityCidr;
  return { version: RECORD_VERSION, network: { vpcCidr: network.vpcCidr, ...(network.existing ? { vpcId: network.existing.vpcId } : {}), utility } };
}

/** The refusals of a network build against its baseline record (none without one). */
export function networkChangeFindings(network: NetworkModel, baseline: unknown, sourceMap: SourceMap, stack: string): Diagnostic[] {
  const before = (baseline as Partial<NetworkRecord> | undefined)?.network;
  if (!before || typeof before !== "object") return [];
  const now = buildNetworkRecord(network).network;
  const out: Diagnostic[] = [];
  const refuse = (pointer: string, message: string, hint: string) => {
    const at = sourceMap.locate(pointer);
    out.push({ ...diag("STK-CHANGE-005", message, { file: at.file, range: at.range, pointer, hint }), stack });
  };
  const newNetwork = "A network's addresses cannot change in place: create a new network and move its stacks there (blue/green, spec.replaces)";
  if (before.vpcCidr !== now.vpcCidr) {
    refuse("/spec/cidr", `The network's CIDR changes from ${before.vpcCidr} to ${now.vpcCidr}: the VPC and every cluster in it would be replaced`, newNetwork);
  }
  if ((before.vpcId ?? "") !== (now.vpcId ?? "")) {
    refuse(now.vpcId ? "/spec/existing/vpcId" : "/spec", `The network's VPC changes from ${before.vpcId ?? "the one it creates"} to ${now.vpcId ?? "one it creates"}`, newNetwork);
  }
  for (const [zone, cidr] of Object.entries(before.utility ?? {})) {
    const next = now.utility[zone];
    if (next === undefined || next === cidr) continue;
    const pointer = network.existing ? `/spec/existing/zones/${escapeSegment(zone)}/utilitySubnet/cidr` : network.manifest.spec.subnets?.[zone] ? `/spec/subnets/${escapeSegment(zone)}/utility` : "/spec/cidr";
    refuse(pointer, `The utility subnet of ${zone} changes from ${cidr} to ${next}: it holds the NAT gateway and the load balancers of every cluster in the zone`, "Keep the zone's utility subnet; a new layout is a new network");
  }
  return out;
}
