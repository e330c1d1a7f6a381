// The markdown plan, for a pull-request comment: per stack a summary, the refused changes
// first (with the acknowledgement that would pass each), every change in a table, and the
// commands that carry this plan through — which groups roll, control plane first.
import type { Diagnostic } from "../../diagnostics/diagnostic.js";
import type { StackPlanResult } from "../../plan/run.js";
import { applySteps } from "./apply.js";

export function formatPlanMarkdown(plans: readonly StackPlanResult[], diagnostics: readonly Diagnostic[]): string {
  const lines: string[] = ["## stackc plan", ""];
  for (const plan of plans) {
    const { destructive, disruptive, safe } = plan.counts;
    lines.push(`### ${plan.name}`, "");
    lines.push(`Manifest \`${plan.file}\`, baseline ${plan.baselineLabel ? `\`${plan.baselineLabel}\`` : "none (first build: everything is created)"}.`, "");
    lines.push(destructive + disruptive + safe === 0 ? "**No changes.**" : `**${destructive} destructive, ${disruptive} disruptive, ${safe} safe**`, "");
    const mine = diagnostics.filter((d) => d.stack === plan.file);
    const refused = mine.filter((d) => d.severity === "error" && !d.suppressed);
    const acked = mine.filter((d) => d.suppressed);
    const warned = mine.filter((d) => d.severity === "warning" && !d.suppressed);
    if (refused.length > 0) {
      lines.push("#### Refused", "");
      for (const d of refused) {
        lines.push(`- **${d.code}** ${cell(d.message)} (\`${d.file ?? plan.file}:${d.range?.start.line ?? 1}\`)`);
        if (typeof d.data?.change === "string") lines.push(`  acknowledge with \`{ rule: ${d.code}, change: ${JSON.stringify(d.data.change)}, reason: "…" }\``);
      }
      lines.push("");
    }
    if (acked.length > 0) {
      lines.push("#### Acknowledged", "");
      for (const d of acked) lines.push(`- **${d.code}** ${cell(d.message)} — ${cell(d.suppressed!.justification)}`);
      lines.push("");
    }
    if (warned.length > 0) {
      lines.push("#### Warnings", "");
      for (const d of warned) lines.push(`- **${d.code}** ${cell(d.message)} (\`${d.file ?? plan.file}:${d.range?.start.line ?? 1}\`)`);
      lines.push("");
    }
    if (plan.changes.length > 0) {
      lines.push("| Class | Code | Target | Reason | Line |", "|---|---|---|---|---|");
      for (const c of plan.changes) {
        lines.push(`| ${c.class} | \`${c.code}\` | \`${cell(c.target)}\` | ${cell(c.reason)} | ${c.file ? `\`${c.file}:${c.range?.start.line ?? 1}\`` : ""} |`);
      }
      lines.push("");
      if (plan.rolls.length > 0) {
        const cp = plan.rolls.filter((r) => r.controlPlane).map((r) => `\`${r.group}\``);
        const nodes = plan.rolls.filter((r) => !r.controlPlane).map((r) => `\`${r.group}\``);
        lines.push(`**Rolling update:** ${[cp.length > 0 ? `control plane first (${cp.join(", ")})` : "", nodes.length > 0 ? `${cp.length > 0 ? "then " : ""}${nodes.join(", ")}` : ""].filter(Boolean).join(", ")}.`, "");
      }
      lines.push("#### How to apply", "");
      applySteps(plan).forEach((step, i) => {
        lines.push(`${i + 1}. ${step.title}`, "", "   ```sh", ...step.commands.map((cmd) => `   ${cmd}`), "   ```", "");
      });
    }
  }
  return `${lines.join("\n").replace(/\n+$/, "")}\n`;
}

/** Text safe inside a table cell. */
function cell(text: string): string {
  return text.replace(/\|/g, "\\|").replace(/\n/g, " ");
}
