// Checks across all stacks compiled together: names that key output folders, kops clusters,
// buckets and public DNS zones must belong to exactly one stack, and VPC ranges of one AWS
// account must not overlap. They run over a compact summary of each stack
// (its names and where each is written), not the models, so a fleet compiled on worker threads
// — or taken from the cache — is checked without holding thousands of models.
import type { Diagnostic, Range } from "../diagnostics/diagnostic.js";
import { diag } from "../diagnostics/codes.js";
import type { SourceMap } from "../load/source-map.js";
import type { StackModel } from "../model/model.js";
import type { NetworkModel } from "../model/network.js";
import { type Cidr, canonical, formatCidr, overlaps, parseCidr } from "./cidr.js";

export interface FleetMember {
  model: StackModel;
  sourceMap: SourceMap;
}

/** One claim of a stack on a fleet-wide name, located in the manifest that sets it. */
export interface FleetClaim {
  code: "STK-FLEET-001" | "STK-FLEET-002" | "STK-FLEET-003" | "STK-FLEET-005";
  what: string;
  key: string;
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
  /** The VPC ranges the stack addresses (one today: its VPC CIDR), for the overlap check. */
  ranges?: FleetRange[];
  /** Set for a stack in a shared network that has a block of its own. */
  block?: BlockClaim;
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

/** An address range of a stack, in the account it lives in. */
export interface FleetRange {
  /** The AWS account (metadata-free stacks without spec.cloud.accountId are not compared). */
  account: string;
  /** The VPC the range belongs to: ranges of one VPC may nest (they are its own subdivisions). */
  vpc: string;
  cidr: string;
  pointer: string;
  file: string;
  range: Range;
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
  // Two stacks creating the same public hosted zone: only one of them can be delegated from the
  // parent. Private zones of one name in different VPCs are independent (split-horizon) and fine.
  const dns = model.stack.spec.dns;
  if (dns.type === "public") claim("STK-FLEET-005", "Public hosted zone", dns.zone, "/spec/dns/zone");
  const ranges: FleetRange[] = [];
  // A VPC CIDR only conflicts where networks could be joined: one account's VPCs (peering,
  // Transit Gateway, a shared VPN) need disjoint ranges. Without an account id nothing is known.
  // A stack in a shared network has no VPC of its own: the network claims the range (below),
  // and its block is checked against the network's other stacks (STK-FLEET-006).
  if (model.accountId !== undefined && !model.network) {
    const at = sourceMap.locate("/spec/network/cidr");
    ranges.push({ account: model.accountId, vpc: `stack:${model.name}`, cidr: model.vpcCidr, pointer: "/spec/network/cidr", file: at.file, range: at.range });
  }
  const summary: FleetSummary = { name: model.name, file: model.file, claims, ...(ranges.length > 0 ? { ranges } : {}) };
  const network = model.network;
  if (network?.block) {
    const at = sourceMap.locate(network.pointer);
    summary.block = { network: network.model.file, networkName: network.model.name, cidr: network.block, pointer: network.pointer, file: at.file, range: at.range };
  }
  return summary;
}

/** A network's claims: its name shares out/ and the name space of stacks; its buckets are created by it; its VPC range is its account's. */
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
  const ranges: FleetRange[] = [];
  if (network.accountId !== undefined) {
    const at = sourceMap.locate("/spec/cidr");
    ranges.push({ account: network.accountId, vpc: `network:${network.file}`, cidr: network.vpcCidr, pointer: "/spec/cidr", file: at.file, range: at.range });
  }
  return { name: network.name, file: network.file, claims, ...(ranges.length > 0 ? { ranges } : {}) };
}

export function checkFleet(members: readonly FleetMember[]): Diagnostic[] {
  return checkFleetSummaries(members.map(fleetSummary));
}

const CLAIM_HINTS: Record<FleetClaim["code"], string> = {
  "STK-FLEET-001": "Give each stack its own metadata.name: it names out/<name>/ and the Terraform state",
  "STK-FLEET-002": "Give each stack its own spec.cluster.name",
  "STK-FLEET-003": "Name the bucket after its stack (bucket names are global across AWS)",
  "STK-FLEET-005": "Give each stack its own zone (a subdomain per cluster), or make the zone private",
};

/**
 * The fleet checks over summaries, in the order given (the run's stack order). `keep` decides,
 * for a finding on `later` against `earlier`, whether it is reported (a partial run keeps those
 * that involve a stack it selected).
 */
export function checkFleetSummaries(summaries: readonly FleetSummary[], keep: (later: FleetSummary, earlier: FleetSummary) => boolean = () => true): Diagnostic[] {
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
      if (first.summary === summary || !keep(summary, first.summary)) continue;
      diagnostics.push({
        ...diag(claim.code, `${claim.what} ${claim.key} is also used by stack ${first.summary.name} (${first.summary.file})`, {
          file: claim.file,
          range: claim.range,
          pointer: claim.pointer,
          related: [{ message: `used by ${first.summary.name} here`, file: first.claim.file, range: first.claim.range }],
          hint: CLAIM_HINTS[claim.code],
        }),
        stack: summary.file,
      });
    }
  }
  diagnostics.push(...checkRanges(summaries, keep));
  diagnostics.push(...checkBlocks(summaries, keep));
  return diagnostics;
}

/** STK-FLEET-006: no two stacks of one network share addresses; each overlap reported at the later stack's block. */
function checkBlocks(summaries: readonly FleetSummary[], keep: (later: FleetSummary, earlier: FleetSummary) => boolean): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  const byNetwork = new Map<string, { summary: FleetSummary; block: BlockClaim; cidr: Cidr }[]>();
  for (const summary of summaries) {
    const block = summary.block;
    const cidr = block ? parseCidr(block.cidr) : undefined;
    if (!block || !cidr) continue;
    const members = byNetwork.get(block.network) ?? [];
    const first = members.find((other) => other.summary.name !== summary.name && overlaps(other.cidr, cidr));
    if (first && keep(summary, first.summary)) {
      diagnostics.push({
        ...diag("STK-FLEET-006", `Private block ${block.cidr} overlaps block ${first.block.cidr} of stack ${first.summary.name} in the network ${block.networkName}`, {
          file: block.file,
          range: block.range,
          pointer: block.pointer,
          hint: "Give each stack of the network its own block (an unused index, or a CIDR clear of the others)",
          related: [{ message: `${first.summary.name}'s block`, file: first.block.file, range: first.block.range }],
        }),
        stack: summary.file,
      });
    }
    members.push({ summary, block, cidr });
    byNetwork.set(block.network, members);
  }
  return diagnostics;
}

/**
 * STK-FLEET-004: ranges of one account's different VPCs that overlap, reported on the later
 * stack (run order) against the earliest earlier stack it overlaps, so each stack gets at most
 * one finding per range and the output does not depend on how many others collide.
 */
function checkRanges(summaries: readonly FleetSummary[], keep: (later: FleetSummary, earlier: FleetSummary) => boolean): Diagnostic[] {
  type Entry = { summary: FleetSummary; claim: FleetRange; cidr: Cidr };
  const byAccount = new Map<string, Entry[]>();
  for (const summary of summaries) {
    for (const claim of summary.ranges ?? []) {
      const parsed = parseCidr(claim.cidr);
      if (!parsed) continue;
      const list = byAccount.get(claim.account) ?? [];
      list.push({ summary, claim, cidr: canonical(parsed) });
      byAccount.set(claim.account, list);
    }
  }
  const diagnostics: Diagnostic[] = [];
  for (const entries of byAccount.values()) {
    entries.forEach((entry, i) => {
      const first = entries.slice(0, i).find((e) => e.summary !== entry.summary && e.claim.vpc !== entry.claim.vpc && overlaps(e.cidr, entry.cidr));
      if (!first || !keep(entry.summary, first.summary)) return;
      const { claim, summary } = entry;
      diagnostics.push({
        ...diag(
          "STK-FLEET-004",
          `VPC range ${formatCidr(entry.cidr)} overlaps ${formatCidr(first.cidr)} of stack ${first.summary.name} (${first.summary.file}) in account ${claim.account}`,
          {
            file: claim.file,
            range: claim.range,
            pointer: claim.pointer,
            hint: "Give each VPC of an account its own range, so the networks can be peered or joined by a Transit Gateway",
            related: [{ message: `${formatCidr(first.cidr)} of ${first.summary.name} here`, file: first.claim.file, range: first.claim.range }],
          },
        ),
        stack: summary.file,
      });
    });
  }
  return diagnostics;
}
