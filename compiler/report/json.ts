// Machine-readable report: the diagnostics as data (stable field order), plus a summary.
import type { Diagnostic } from "../diagnostics/diagnostic.js";

export interface JsonReportInput {
  diagnostics: readonly Diagnostic[];
  stacks: ReadonlyArray<{ file: string; name?: string }>;
  version: string;
}

export function formatJson(input: JsonReportInput): string {
  const active = input.diagnostics.filter((d) => !d.suppressed);
  const report = {
    tool: { name: "stackc", version: input.version },
    stacks: input.stacks.map((s) => ({ file: s.file, ...(s.name ? { name: s.name } : {}) })),
    summary: {
      errors: active.filter((d) => d.severity === "error").length,
      warnings: active.filter((d) => d.severity === "warning").length,
      infos: active.filter((d) => d.severity === "info").length,
      waived: input.diagnostics.length - active.length,
    },
    diagnostics: input.diagnostics.map((d) => ({
      code: d.code,
      severity: d.severity,
      message: d.message,
      ...(d.file !== undefined ? { file: d.file } : {}),
      ...(d.range ? { range: d.range } : {}),
      ...(d.pointer !== undefined ? { pointer: d.pointer } : {}),
      ...(d.stack !== undefined ? { stack: d.stack } : {}),
      ...(d.hint !== undefined ? { hint: d.hint } : {}),
      ...(d.docs !== undefined ? { docs: d.docs } : {}),
      ...(d.related ? { related: d.related } : {}),
      ...(d.data ? { data: d.data } : {}),
      ...(d.suppressed ? { suppressed: d.suppressed } : {}),
    })),
  };
  return `${JSON.stringify(report, null, 2)}\n`;
}
