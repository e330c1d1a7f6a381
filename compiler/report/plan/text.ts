// The text plan: per stack a summary line first, then each change (class, code, target, the
// manifest line) with its reason, then the groups that roll. Diagnostics (refused changes)
// are printed by the usual text reporter after it.
import type { Colors } from "../colors.js";
import type { Change, ChangeClass } from "../../plan/change.js";
import type { StackPlanResult } from "../../plan/run.js";

export function formatPlanText(plans: readonly StackPlanResult[], c: Colors): string {
  let out = "";
  for (const plan of plans) {
    out += `${c.bold(`Plan for ${plan.name}`)} (${plan.file}) against ${plan.baselineLabel ?? "no baseline (first build: everything is created)"}\n`;
    out += `  ${summary(plan.counts, c)}\n`;
    for (const change of plan.changes) out += formatChange(change, c);
    if (plan.rolls.length > 0) {
      const cp = plan.rolls.filter((r) => r.controlPlane).map((r) => r.group);
      const nodes = plan.rolls.filter((r) => !r.controlPlane).map((r) => r.group);
      out += `  Rolling update: ${[cp.length > 0 ? `control plane first (${cp.join(", ")})` : "", nodes.length > 0 ? `${cp.length > 0 ? "then " : ""}${nodes.join(", ")}` : ""].filter(Boolean).join(", ")}\n`;
    }
    out += "\n";
  }
  return out;
}

export function summary(counts: Record<ChangeClass, number>, c: Colors): string {
  const total = counts.safe + counts.disruptive + counts.destructive;
  if (total === 0) return "No changes.";
  return `${total} change${total === 1 ? "" : "s"}: ${c.red(`${counts.destructive} destructive`)}, ${c.yellow(`${counts.disruptive} disruptive`)}, ${c.green(`${counts.safe} safe`)}`;
}

function formatChange(change: Change, c: Colors): string {
  const paint = change.class === "destructive" ? c.red : change.class === "disruptive" ? c.yellow : c.green;
  const where = change.file ? `${change.file}:${change.range?.start.line ?? 1}:${change.range?.start.column ?? 1}` : "";
  return `  ${paint(change.class.padEnd(11))} ${change.code.padEnd(19)} ${change.target}  ${c.gray(where)}\n              ${change.reason}\n`;
}
