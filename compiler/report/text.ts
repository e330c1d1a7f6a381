// The human reporter, in the style of tsc:
//   stacks/prod.yaml:14:7 - error STK-SCHEMA-001: Unknown property "machineTyp" in spec.cluster.controlPlane
// followed by a code frame, the hint and related locations; a summary line at the end.
import type { Diagnostic } from "../diagnostics/diagnostic.js";
import { codeFrame, sourceLines } from "./code-frame.js";
import type { Colors } from "./colors.js";
import { visibleLine, visibleText } from "./visible.js";

export interface TextReportInput {
  diagnostics: readonly Diagnostic[];
  sources: ReadonlyMap<string, string>;
  /** Number of stacks checked, for the summary. */
  stackCount: number;
  colors: Colors;
  /** Include info-level diagnostics and waived findings. */
  verbose?: boolean;
  /**
   * Wall time of the run, for the summary line. Given only when a person reads it (a TTY):
   * piped and CI reports stay byte-identical from run to run.
   */
  elapsedMs?: number;
}

export function formatText(input: TextReportInput): string {
  const c = input.colors;
  let out = "";
  const shown = input.diagnostics.filter((d) => input.verbose || (d.severity !== "info" && !d.suppressed));
  const lines = new Map<string, string[]>();
  const linesOf = (file: string, source: string) => {
    let l = lines.get(file);
    if (!l) lines.set(file, (l = sourceLines(source)));
    return l;
  };
  for (const d of shown) {
    const label =
      d.suppressed ? c.gray(d.suppressed.kind === "acknowledgement" ? "acknowledged" : "waived") : d.severity === "error" ? c.red("error") : d.severity === "warning" ? c.yellow("warning") : c.blue("info");
    const where = d.file ? `${c.cyan(visibleLine(d.file))}${d.range ? `:${c.yellow(String(d.range.start.line))}:${c.yellow(String(d.range.start.column))}` : ""} - ` : "";
    out += `${where}${label} ${c.gray(d.code)}: ${visibleText(d.message)}\n`;
    const source = d.file ? input.sources.get(d.file) : undefined;
    if (source !== undefined && d.range) out += `\n${codeFrame(linesOf(d.file!, source), d.range, c)}`;
    if (d.hint) out += `  ${c.bold("hint:")} ${visibleText(d.hint)}\n`;
    for (const r of d.related ?? []) out += `  ${c.cyan(visibleLine(r.file))}:${r.range.start.line}:${r.range.start.column} ${c.gray(visibleLine(r.message))}\n`;
    if (d.suppressed) out += `  ${c.gray(`${d.suppressed.kind === "acknowledgement" ? "acknowledged" : "waived"}: ${visibleLine(d.suppressed.justification)}${d.suppressed.expires ? ` (until ${d.suppressed.expires})` : ""}`)}\n`;
    out += "\n";
  }
  const line = summary(input.diagnostics, input.stackCount, c);
  out += (input.elapsedMs === undefined ? line : line.replace(/\.((?:\u001b\[[0-9;]*m)?)$/, ` in ${seconds(input.elapsedMs)}.$1`)) + "\n";
  return out;
}

function seconds(ms: number): string {
  return ms < 10_000 ? `${(ms / 1000).toFixed(2)} s` : `${(ms / 1000).toFixed(1)} s`;
}

function summary(diagnostics: readonly Diagnostic[], stackCount: number, c: Colors): string {
  const active = diagnostics.filter((d) => !d.suppressed);
  const errors = active.filter((d) => d.severity === "error").length;
  const warnings = active.filter((d) => d.severity === "warning").length;
  const waived = diagnostics.length - active.length;
  const files = new Set(active.filter((d) => d.severity !== "info" && d.file).map((d) => d.file)).size;
  const stacks = `${stackCount} ${stackCount === 1 ? "stack" : "stacks"}`;
  const waivedText = waived ? `, ${waived} waived` : "";
  if (errors === 0 && warnings === 0) return c.green(`Checked ${stacks}: no problems${waivedText}.`);
  const parts = [plural(errors, "error"), plural(warnings, "warning")].filter((p) => !p.startsWith("0 "));
  const inFiles = files ? ` in ${plural(files, "file")}` : "";
  return `Checked ${stacks}: ${errors ? c.red(parts.join(" and ")) : c.yellow(parts.join(" and "))}${inFiles}${waivedText}.`;
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? "" : "s"}`;
}
