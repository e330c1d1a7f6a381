// Checks across all stacks compiled together: names that key output folders, kops clusters
// and buckets must belong to exactly one stack.
import type { Diagnostic } from "../diagnostics/diagnostic.js";
import { diag, type DiagnosticCode } from "../diagnostics/codes.js";
import type { SourceMap } from "../load/source-map.js";
import type { StackModel } from "../model/model.js";

export interface FleetMember {
  model: StackModel;
  sourceMap: SourceMap;
}

export function checkFleet(members: readonly FleetMember[]): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  const claim = (
    code: DiagnosticCode,
    what: string,
    owners: Map<string, { member: FleetMember; pointer: string }>,
    key: string,
    member: FleetMember,
    pointer: string,
  ) => {
    const first = owners.get(key);
    if (!first) {
      owners.set(key, { member, pointer });
      return;
    }
    if (first.member === member) return;
    const here = member.sourceMap.locate(pointer);
    const there = first.member.sourceMap.locate(first.pointer);
    diagnostics.push({
      ...diag(code, `${what} ${key} is also used by stack ${first.member.model.name} (${first.member.model.file})`, {
        file: here.file,
        range: here.range,
        pointer,
        related: [{ message: `used by ${first.member.model.name} here`, file: there.file, range: there.range }],
      }),
      stack: member.model.file,
    });
  };
  const names = new Map<string, { member: FleetMember; pointer: string }>();
  const clusters = new Map<string, { member: FleetMember; pointer: string }>();
  const buckets = new Map<string, { member: FleetMember; pointer: string }>();
  for (const member of members) {
    claim("STK-FLEET-001", "Stack name", names, member.model.name, member, "/metadata/name");
    claim("STK-FLEET-002", "Cluster name", clusters, member.model.clusterName, member, "/spec/cluster/name");
    for (const bucket of member.model.buckets) {
      claim("STK-FLEET-003", "Bucket", buckets, bucket.name, member, bucket.pointer);
      if (bucket.replicaRegion) claim("STK-FLEET-003", "Bucket", buckets, `${bucket.name}-replica`, member, bucket.pointer);
    }
  }
  return diagnostics;
}
