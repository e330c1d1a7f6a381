// Checks across all stacks compiled together: names that key output folders, kops clusters
// and buckets must belong to exactly one stack. They run over a compact summary of each stack
// (its names and where each is written), not the models, so a fleet compiled on worker threads
// — or taken from the cache — is checked without holding thousands of models.
import type { Diagnostic, Range } from "../diagnostics/diagnostic.js";
import { diag } from "../diagnostics/codes.js";
import type { SourceMap } from "../load/source-map.js";
import type { StackModel } from "../model/model.js";
import type { NetworkModel } from "../model/network.js";
import { overlaps, parseCidr, type Cidr } from "./cidr.js";

export interface FleetMember {
  model: StackModel;
  sourceMap: SourceMap;
}

/** One claim of a stack on a fleet-wide name, located in the manifest that sets it. */
export interface FleetClaim {
  code: "STK-FLEET-001" | "STK-FLEET-002" | "STK-FLEET-003";
  what: string;
  key: string;
  pointer: string;
  file: string;
  range: Range;
}

/** A stack's private block in a shared network, located at the value that sets it. */
export interface BlockClaim {
  /** Display path of the network manifest: the network's identity across the run. */
  network: string;
  networkName: string;
  cidr: string;
  pointer: string;
  file: string;
  range: Range;
}

/** What the fleet checks need of one stack (plain data: crosses worker threads, fits the cache). */
export interface FleetSummary {
  name: string;
  /** Entry manifest (display path). */
  file: string;
  claims: FleetClaim[];
  /** Set for a stack in a shared network that has a block of its own. */
  block?: BlockClaim;
}

export function fleetSummary(member: FleetMember): FleetSummary {
  const { model, sourceMap } = member;
  const claims: FleetClaim[] = [];
  const claim = (code: FleetClaim["code"], what: string, key: string, pointer: string) => {
    const at = sourceMap.locate(pointer);
    claims.push({ code, what, key, pointer, file: at.file, range: at.range });
  };
  claim("STK-FLEET-001", "Stack name", model.name, "/metadata/name");
  claim("STK-FLEET-002", "Cluster name", model.clusterName, "/spec/cluster/name");
  // the replicas and the replica regions' access-log buckets are named after these: all of them
  for (const bucket of [...model.buckets, ...model.remoteBuckets]) {
    claim("STK-FLEET-003", "Bucket", bucket.name, bucket.pointer);
  }
  const summary: FleetSummary = { name: model.name, file: model.file, claims };
  const network = model.network;
  if (network?.block) {
    const at = sourceMap.locate(network.pointer);
    summary.block = { network: network.model.file, networkName: network.model.name, cidr: network.block, pointer: network.pointer, file: at.file, range: at.range };
  }
  return summary;
}

/** A network's claims: its name shares out/ and the name space of stacks; its buckets are created by it. */
export function networkFleetSummary(network: NetworkModel, sourceMap: SourceMap): FleetSummary {
  const claims: FleetClaim[] = [];
  const claim = (code: FleetClaim["code"], what: string, key: string, pointer: string) => {
    const at = sourceMap.locate(pointer);
    claims.push({ code, what, key, pointer, file: at.file, range: at.range });
  };
  claim("STK-FLEET-001", "Name", network.name, "/metadata/name");
  claim("STK-FLEET-003", "Bucket", network.state.bucket, "/spec/stateStore/terraformBucket");
  const flowLogs = network.manifest.spec.flowLogs;
  if (flowLogs.enabled && flowLogs.bucket) claim("STK-FLEET-003", "Bucket", flowLogs.bucket, "/spec/flowLogs/bucket");
  return { name: network.name, file: network.file, claims };
}

export function checkFleet(members: readonly FleetMember[]): Diagnostic[] {
  return checkFleetSummaries(members.map(fleetSummary));
}

/** The fleet checks over summaries, in the order given (the run's stack order). */
export function checkFleetSummaries(summaries: readonly FleetSummary[]): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  // one owner per (kind of name, name): the first stack to claim it
  const owners = new Map<string, { summary: FleetSummary; claim: FleetClaim }>();
  for (const summary of summaries) {
    for (const claim of summary.claims) {
      const slot = `${claim.code}\u0000${claim.key}`;
      const first = owners.get(slot);
      if (!first) {
        owners.set(slot, { summary, claim });
        continue;
      }
      if (first.summary === summary) continue;
      diagnostics.push({
        ...diag(claim.code, `${claim.what} ${claim.key} is also used by stack ${first.summary.name} (${first.summary.file})`, {
          file: claim.file,
          range: claim.range,
          pointer: claim.pointer,
          related: [{ message: `used by ${first.summary.name} here`, file: first.claim.file, range: first.claim.range }],
        }),
        stack: summary.file,
      });
    }
  }
  diagnostics.push(...checkBlocks(summaries));
  return diagnostics;
}

/** No two stacks of one network share addresses: every pair of blocks, each overlap reported at the later stack's block. */
function checkBlocks(summaries: readonly FleetSummary[]): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  const byNetwork = new Map<string, { summary: FleetSummary; block: BlockClaim; cidr: Cidr }[]>();
  for (const summary of summaries) {
    const block = summary.block;
    const cidr = block ? parseCidr(block.cidr) : undefined;
    if (!block || !cidr) continue;
    const members = byNetwork.get(block.network) ?? [];
    for (const other of members) {
      if (other.summary.name === summary.name || !overlaps(other.cidr, cidr)) continue;
      diagnostics.push({
        ...diag("STK-FLEET-004", `Private block ${block.cidr} overlaps block ${other.block.cidr} of stack ${other.summary.name} in the network ${block.networkName}`, {
          file: block.file,
          range: block.range,
          pointer: block.pointer,
          hint: "Give each stack of the network its own block (an unused index, or a CIDR clear of the others)",
          related: [{ message: `${other.summary.name}'s block`, file: other.block.file, range: other.block.range }],
        }),
        stack: summary.file,
      });
    }
    members.push({ summary, block, cidr });
    byNetwork.set(block.network, members);
  }
  return diagnostics;
}
