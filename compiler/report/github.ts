// GitHub Actions workflow commands: one `::error|warning|notice …::message` line per finding,
// which GitHub shows as annotations on the run and, for lines in the diff, on the pull request.
// Errors come first because GitHub keeps only the first few annotations of each kind per step.
// Waived findings are not annotated (they need no action); identical annotations (a base file's
// finding seen through several stacks) are printed once. Escaping follows the runner's
// toolkit: data escapes %, CR, LF; property values also `:` and `,`.
import { visibleLine } from "./visible.js";
import type { Diagnostic, Severity } from "../diagnostics/diagnostic.js";
import { compareDiagnostics } from "../diagnostics/diagnostic.js";
import { type ReportInput, compareSeverity } from "./report-input.js";

const commands: Readonly<Record<Severity, string>> = { error: "error", warning: "warning", info: "notice" };

export function formatGithub(input: ReportInput): string {
  const lines = input.diagnostics
    .filter((d) => !d.suppressed)
    .sort((a, b) => compareSeverity(a.severity, b.severity) || compareDiagnostics(a, b))
    .map((d) => `::${commands[d.severity]}${properties(d)}::${escapeData(message(d))}\n`);
  // A finding in a base file is reported once per stack that extends it; on the file it is one
  // annotation (the fix is one edit), so identical lines are printed once.
  return [...new Set(lines)].join("");
}

function message(d: Diagnostic): string {
  return d.hint !== undefined ? `${d.message}\n${d.hint}` : d.message;
}

function properties(d: Diagnostic): string {
  const p: [string, string | number][] = [];
  if (d.file !== undefined) {
    p.push(["file", d.file]);
    if (d.range) {
      const { start, end } = d.range;
      p.push(["line", start.line]);
      if (end.line === start.line) {
        // GitHub takes columns only on one line; its endColumn is the last column, inclusive.
        p.push(["col", start.column], ["endLine", end.line], ["endColumn", Math.max(start.column, end.column - 1)]);
      } else {
        // A range that ends at column 1 ends with the previous line's line break.
        const endLine = end.column === 1 ? end.line - 1 : end.line;
        if (endLine > start.line) p.push(["endLine", endLine]);
      }
    }
  }
  p.push(["title", d.code]);
  return ` ${p.map(([k, v]) => `${k}=${escapeProperty(String(v))}`).join(",")}`;
}

export function escapeData(s: string): string {
  // control characters other than line breaks shown as \u escapes (the log viewer renders ANSI)
  const shown = s.split(/(\r|\n)/).map((part) => (part === "\r" || part === "\n" ? part : visibleLine(part))).join("");
  return shown.replace(/%/g, "%25").replace(/\r/g, "%0D").replace(/\n/g, "%0A");
}

export function escapeProperty(s: string): string {
  return escapeData(s).replace(/:/g, "%3A").replace(/,/g, "%2C");
}
