// Checks across all stacks compiled together: names that key output folders, kops clusters
// and buckets must belong to exactly one stack. They run over a compact summary of each stack
// (its names and where each is written), not the models, so a fleet compiled on worker threads
// — or taken from the cache — is checked without holding thousands of models.
import type { Diagnostic, Range } from "../diagnostics/diagnostic.js";
import { diag } from "../diagnostics/codes.js";
import type { SourceMap } from "../load/source-map.js";
import type { StackModel } from "../model/model.js";

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

/** What the fleet checks need of one stack (plain data: crosses worker threads, fits the cache). */
export interface FleetSummary {
  name: string;
  /** Entry manifest (display path). */
  file: string;
  claims: FleetClaim[];
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
  return { name: model.name, file: model.file, claims };
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
  return diagnostics;
}
