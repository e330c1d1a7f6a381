// Terraform: resources created / updated in place / replaced / deleted, by address, from the
// two change records. Replacement comes from the force-new table; a resource whose force-new
// argument refers to a replaced resource is replaced too (its id becomes unknown until apply),
// exactly as `terraform plan` would show it.
import type { ArtifactValue } from "../emit/terraform/tf/artifact.js";
import { canonicalJson } from "./canonical.js";
import { type Change, cmp } from "./change.js";
import { forceNewEntry } from "./force-new.js";
import { type ChangeRecord, referencedAddresses, type TerraformRecord } from "./record.js";

/** A replacement with the arguments (or the replaced resource) that force it. */
export interface Replacement {
  module: string;
  address: string;
  type: string;
  /** Force-new arguments whose value changed. */
  arguments: string[];
  /** Set when the replacement only follows from another one. */
  because?: string;
}

export interface TerraformDiff {
  changes: Change[];
  replaced: Replacement[];
  deleted: { module: string; address: string; record: TerraformRecord }[];
}

export function diffTerraform(before: ChangeRecord["terraform"], after: ChangeRecord["terraform"]): TerraformDiff {
  const changes: Change[] = [];
  const replaced: Replacement[] = [];
  const deleted: TerraformDiff["deleted"] = [];
  for (const module of [...new Set([...Object.keys(before), ...Object.keys(after)])].sort(cmp)) {
    const old = before[module] ?? {};
    const now = after[module] ?? {};
    const replacing = new Map<string, Replacement>();
    const updated = new Set<string>();
    for (const [address, record] of Object.entries(now)) {
      const was = old[address];
      if (!was || was.type !== record.type) continue;
      const args = Object.keys({ ...was.forceNew, ...record.forceNew })
        .filter((a) => canonicalJson(was.forceNew[a] ?? null) !== canonicalJson(record.forceNew[a] ?? null))
        .sort(cmp);
      if (args.length > 0) replacing.set(address, { module, address, type: record.type, arguments: args });
      else if (was.hash !== record.hash) updated.add(address);
    }
    // replacements propagate through references in force-new arguments, until nothing moves
    let grew = true;
    while (grew) {
      grew = false;
      for (const [address, record] of Object.entries(now)) {
        if (replacing.has(address) || !old[address]) continue;
        const cause = Object.values(record.forceNew).flatMap(referencedAddresses).find((a) => replacing.has(a));
        if (cause) {
          replacing.set(address, { module, address, type: record.type, arguments: [], because: cause });
          updated.delete(address);
          grew = true;
        }
      }
    }
    // any other argument referring to a replaced resource gets its new id in place
    for (const [address, record] of Object.entries(now)) {
      if (old[address] && !replacing.has(address) && (record.refs ?? []).some((a) => replacing.has(a))) updated.add(address);
    }
    const target = (address: string) => `${module}/${address}`;
    for (const [address, record] of Object.entries(now)) {
      const r = replacing.get(address);
      if (!old[address]) {
        changes.push({ class: "safe", code: "CHG-TF-CREATE", tool: "terraform", target: target(address), reason: `${record.type} is created`, pointer: record.pointer });
      } else if (r) {
        replaced.push(r);
        const entry = forceNewEntry(record.type);
        const why = r.because
          ? `replaced because ${r.because} is replaced (a force-new argument refers to it)`
          : `replaced: ${r.arguments.map((a) => `${a} ${show(old[address]!.forceNew[a])} -> ${show(record.forceNew[a])}`).join(", ")} cannot change in place`;
        changes.push({
          class: entry?.impact ?? "destructive",
          code: "CHG-TF-REPLACE",
          tool: "terraform",
          target: target(address),
          reason: `${why}; it holds ${entry?.holds ?? "unknown state"}`,
          pointer: record.pointer,
        });
      } else if (updated.has(address)) {
        changes.push({ class: "safe", code: "CHG-TF-UPDATE", tool: "terraform", target: target(address), reason: `${record.type} is updated in place`, pointer: record.pointer });
      }
    }
    for (const [address, record] of Object.entries(old)) {
      if (now[address] && now[address]!.type === record.type) continue;
      deleted.push({ module, address, record });
      const entry = forceNewEntry(record.type);
      changes.push({
        class: entry?.impact ?? "destructive",
        code: "CHG-TF-DELETE",
        tool: "terraform",
        target: target(address),
        reason: `${record.type} is deleted; it holds ${entry?.holds ?? "unknown state"}`,
        pointer: removedPointer(record.pointer),
      });
    }
  }
  return { changes, replaced, deleted };
}

function show(value: ArtifactValue | undefined): string {
  if (value === undefined || value === null) return "(unset)";
  if (typeof value === "string") return value;
  if (typeof value === "object" && !Array.isArray(value) && typeof value.$ref === "string") return `\${${value.$ref}}`;
  return canonicalJson(value);
}

/**
 * Where to point for something the new manifest no longer has: its list, not the index it had
 * (after a removal that index names another item).
 */
export function removedPointer(pointer: string): string {
  return /\/\d+$/.test(pointer) ? pointer.replace(/\/\d+$/, "") : pointer;
}
