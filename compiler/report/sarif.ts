// SARIF 2.1.0 for GitHub code scanning and other SARIF viewers: one run; one rule per catalog
// rule plus one per other code that occurs; results sorted (ruleId, uri, line, column, message)
// so the bytes are stable; locations are the stack manifests (relative to %SRCROOT%), never
// generated files. Waived findings stay in the log as suppressed results.
// The log is typed with @types/sarif (the SARIF 2.1.0 object model), so a misspelt property or a
// value of the wrong kind is a compile error; the exported signatures stay plain (a string out),
// so the published .d.ts need no SARIF types.
import type { Log, Region, ReportingDescriptor, Result, Suppression } from "sarif";
import type { Diagnostic, Severity } from "../diagnostics/diagnostic.js";
import { type ReportInput, type ReportRule, cmp, reportRules } from "./report-input.js";

export const SARIF_SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json";

const levels: Readonly<Record<Severity, NonNullable<Result["level"]>>> = { error: "error", warning: "warning", info: "note" };

export function formatSarif(input: ReportInput): string {
  const rules = reportRules(input);
  const index = new Map(rules.map((r, i) => [r.id, i]));
  const results = input.diagnostics
    .map((d) => ({ d, uri: d.file ?? d.stack }))
    .sort(
      (a, b) =>
        cmp(a.d.code, b.d.code) ||
        cmp(a.uri ?? "", b.uri ?? "") ||
        (a.d.range?.start.line ?? 0) - (b.d.range?.start.line ?? 0) ||
        (a.d.range?.start.column ?? 0) - (b.d.range?.start.column ?? 0) ||
        cmp(a.d.message, b.d.message) ||
        cmp(a.d.stack ?? "", b.d.stack ?? ""),
    )
    .map(({ d }) => sarifResult(d, index.get(d.code)!, rules[index.get(d.code)!]!));

  const log: Log = {
    $schema: SARIF_SCHEMA,
    version: "2.1.0",
    runs: [
      {
        tool: {
          driver: {
            name: input.tool.name,
            semanticVersion: input.tool.version,
            informationUri: input.tool.informationUri,
            rules: rules.map(sarifRule),
          },
        },
        // Diagnostic columns count UTF-16 code units, as editors do.
        columnKind: "utf16CodeUnits",
        results,
      },
    ],
  };
  return `${JSON.stringify(log, null, 2)}\n`;
}

function sarifRule(rule: ReportRule): ReportingDescriptor {
  const properties: NonNullable<ReportingDescriptor["properties"]> = {
    tags: rule.tags.slice(0, 20),
    // Policy and schema checks are exact checks on declared configuration, not heuristics.
    precision: "very-high",
  };
  // Only rules with a security severity become security alerts on GitHub.
  if (rule.securitySeverity !== undefined) properties["security-severity"] = rule.securitySeverity;
  return {
    id: rule.id,
    shortDescription: { text: truncate(rule.title, 1024) },
    fullDescription: { text: rule.description },
    ...(rule.helpUri !== undefined ? { helpUri: rule.helpUri } : {}),
    help: { text: helpText(rule), markdown: helpMarkdown(rule) },
    defaultConfiguration: { level: levels[rule.level] },
    properties,
  };
}

function helpText(rule: ReportRule): string {
  const lines = [rule.help];
  const scanners = scannerLine(rule);
  if (scanners) lines.push("", scanners);
  for (const r of rule.meta?.relatedResources ?? []) lines.push("", r.description !== undefined ? `${r.description}: ${r.ref}` : r.ref);
  return lines.join("\n");
}

function helpMarkdown(rule: ReportRule): string {
  const lines = [`**${escapeMarkdown(rule.title)}**`, "", escapeMarkdown(rule.help)];
  const scanners = scannerLine(rule);
  if (scanners) lines.push("", escapeMarkdown(scanners));
  const related = rule.meta?.relatedResources ?? [];
  if (related.length > 0) {
    lines.push("");
    for (const r of related) lines.push(`- [${escapeMarkdown(r.description ?? r.ref)}](${r.ref})`);
  }
  return lines.join("\n");
}

function scannerLine(rule: ReportRule): string | undefined {
  const names: Record<string, string> = { checkov: "Checkov", trivy: "Trivy", kics: "KICS", polaris: "Polaris" };
  const parts = Object.entries(rule.meta?.scanners ?? {})
    .filter(([, ids]) => ids.length > 0)
    .map(([scanner, ids]) => `${names[scanner] ?? scanner} ${ids.join(", ")}`);
  return parts.length > 0 ? `Equivalent checks: ${parts.join("; ")}.` : undefined;
}

function sarifResult(d: Diagnostic, ruleIndex: number, rule: ReportRule): Result {
  const result: Result = {
    ruleId: d.code,
    ruleIndex,
    level: levels[d.severity],
    message: { text: messageText(d, rule) },
  };
  const file = d.file ?? d.stack;
  if (file !== undefined) {
    // GitHub needs a region; a finding without a range points at the top of its file.
    const region: Region = d.range
      ? {
          startLine: d.range.start.line,
          startColumn: d.range.start.column,
          endLine: d.range.end.line,
          // SARIF's endColumn is exclusive, like Diagnostic ranges.
          endColumn: d.range.end.column,
        }
      : { startLine: 1 };
    result.locations = [{ physicalLocation: { artifactLocation: artifactLocation(file), region } }];
  }
  if (d.related && d.related.length > 0) {
    result.relatedLocations = d.related.map((r, id) => ({
      id,
      message: { text: r.message },
      physicalLocation: {
        artifactLocation: artifactLocation(r.file),
        region: { startLine: r.range.start.line, startColumn: r.range.start.column },
      },
    }));
  }
  if (d.suppressed) {
    const s = d.suppressed;
    const suppression: Suppression = { kind: "external", status: "accepted", justification: s.justification };
    if (s.file !== undefined) {
      suppression.location = {
        physicalLocation: {
          artifactLocation: artifactLocation(s.file),
          ...(s.range ? { region: { startLine: s.range.start.line, startColumn: s.range.start.column } } : {}),
        },
      };
    }
    if (s.expires !== undefined) suppression.properties = { expires: s.expires };
    result.suppressions = [suppression];
  }
  const properties: NonNullable<Result["properties"]> = {};
  if (d.stack !== undefined) properties.stack = d.stack;
  if (d.pointer !== undefined) properties.pointer = d.pointer;
  if (Object.keys(properties).length > 0) result.properties = properties;
  return result;
}

/** The message as a sentence; a hint of its own (a did-you-mean, not the rule's help) is appended. */
function messageText(d: Diagnostic, rule: ReportRule): string {
  const sentence = /[.!?]$/.test(d.message) ? d.message : `${d.message}.`;
  if (d.hint === undefined || d.hint === rule.help) return sentence;
  return `${sentence} ${d.hint}`;
}

/**
 * Repository-relative paths become relative URIs under %SRCROOT% (what GitHub resolves against
 * the checkout); absolute paths become file: URIs without a base.
 */
export function artifactLocation(file: string): { uri: string; uriBaseId?: string } {
  const posix = file.replace(/\\/g, "/");
  const drive = /^[A-Za-z]:\//.test(posix);
  if (posix.startsWith("/") || drive) {
    return { uri: `file://${drive ? "/" : ""}${encodePath(posix.replace(/^\/+/, drive ? "" : "/"))}` };
  }
  return { uri: encodePath(posix.replace(/^(\.\/)+/, "")), uriBaseId: "%SRCROOT%" };
}

function encodePath(p: string): string {
  return p
    .split("/")
    .map((segment) => (/^[A-Za-z]:$/.test(segment) ? segment : encodeURIComponent(segment)))
    .join("/");
}

function truncate(s: string, max: number): string {
  return s.length <= max ? s : `${s.slice(0, max - 1)}…`;
}

function escapeMarkdown(s: string): string {
  return s.replace(/([\\`*_[\]<>|])/g, "\\$1");
}
