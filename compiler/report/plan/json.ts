// The json plan (documented in README, "stackc plan"): one object, stable key order.
//
//   { "version": "<stackc>", "ok": boolean,                 // ok: no unacknowledged refused change, no error
//     "stacks": [{ "stack", "file", "baseline": string | null,
//                  "summary": { "destructive", "disruptive", "safe" },
//                  "changes": [{ "class", "code", "tool", "target", "reason",
//                                "file", "line", "column", "pointer", "from"?, "to"?, "rolls"? }],
//                  "rollingUpdate": [{ "group", "controlPlane", "because": [target…] }] }],
//     "diagnostics": [{ "code", "severity", "message", "file"?, "line"?, "column"?, "pointer"?,
//                       "hint"?, "stack"?, "change"?, "acknowledged"?: reason }] }
import type { Diagnostic } from "../../diagnostics/diagnostic.js";
import type { StackPlanResult } from "../../plan/run.js";

export function formatPlanJson(plans: readonly StackPlanResult[], diagnostics: readonly Diagnostic[], version: string): string {
  const doc = {
    version,
    ok: !diagnostics.some((d) => d.severity === "error" && !d.suppressed),
    stacks: plans.map((p) => ({
      stack: p.name,
      file: p.file,
      baseline: p.baselineLabel,
      summary: { destructive: p.counts.destructive, disruptive: p.counts.disruptive, safe: p.counts.safe },
      changes: p.changes.map((c) => ({
        class: c.class,
        code: c.code,
        tool: c.tool,
        target: c.target,
        reason: c.reason,
        file: c.file ?? null,
        line: c.range?.start.line ?? null,
        column: c.range?.start.column ?? null,
        pointer: c.pointer,
        ...(c.from !== undefined ? { from: c.from } : {}),
        ...(c.to !== undefined ? { to: c.to } : {}),
        ...(c.rolls ? { rolls: c.rolls } : {}),
      })),
      rollingUpdate: p.rolls.map((r) => ({ group: r.group, controlPlane: r.controlPlane, because: r.because })),
    })),
    diagnostics: diagnostics.map((d) => ({
      code: d.code,
      severity: d.severity,
      message: d.message,
      ...(d.file !== undefined ? { file: d.file } : {}),
      ...(d.range ? { line: d.range.start.line, column: d.range.start.column } : {}),
      ...(d.pointer !== undefined ? { pointer: d.pointer } : {}),
      ...(d.hint !== undefined ? { hint: d.hint } : {}),
      ...(d.stack !== undefined ? { stack: d.stack } : {}),
      ...(typeof d.data?.change === "string" ? { change: d.data.change } : {}),
      ...(d.suppressed ? { acknowledged: d.suppressed.justification } : {}),
    })),
  };
  return `${JSON.stringify(doc, null, 2)}\n`;
}
