// What the machine reporters (sarif.ts, junit.ts, github.ts) take, and the rule descriptions they
// share. Reporters are pure: ReportInput in, a string out, same bytes for the same input.
import type { Diagnostic, Severity } from "../diagnostics/diagnostic.js";
import { codes } from "../diagnostics/codes.js";
import type { RuleMeta } from "../policy/catalog/rules.js";

export interface ReportInput {
  /** Everything the run found, suppressed (waived) findings included. */
  diagnostics: readonly Diagnostic[];
  /** Every stack of the run, clean ones too: `file` = the entry manifest path (= Diagnostic.stack). */
  stacks: readonly { name: string; file: string }[];
  /** The policy catalog (policies/bundle/rules.json). */
  rules: readonly RuleMeta[];
  tool: { name: string; version: string; informationUri: string };
}

/** A rule as reporters describe it: from the policy catalog, the code registry, or the code alone. */
export interface ReportRule {
  id: string;
  title: string;
  description: string;
  /** Plain-text help: what to do. */
  help: string;
  helpUri?: string;
  level: Severity;
  tags: string[];
  securitySeverity?: string;
  /** True for policy catalog rules (JUnit lists these for every stack, passing or not). */
  catalog: boolean;
  meta?: RuleMeta;
}

const severityRank: Readonly<Record<Severity, number>> = { error: 0, warning: 1, info: 2 };

export function compareSeverity(a: Severity, b: Severity): number {
  return severityRank[a] - severityRank[b];
}

/** Code-unit order, independent of the machine's locale. */
export function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

export function ruleFromMeta(rule: RuleMeta): ReportRule {
  const r: ReportRule = {
    id: rule.id,
    title: rule.title,
    description: rule.description,
    help: rule.remediation,
    level: rule.severity.startsWith("deny") ? "error" : "warning",
    tags: [...rule.tags],
    catalog: true,
    meta: rule,
  };
  const uri = rule.relatedResources[0]?.ref;
  if (uri !== undefined) r.helpUri = uri;
  if (rule.securitySeverity !== undefined) r.securitySeverity = rule.securitySeverity;
  return r;
}

/** A rule for a code outside the catalog (STK-SCHEMA-001, …), described by the code registry when it knows the code. */
export function synthesizeRule(code: string, seen: readonly Diagnostic[]): ReportRule {
  const info = codes.get(code);
  const worst = [...seen].map((d) => d.severity).sort(compareSeverity)[0] ?? "error";
  const area = /^STK-([A-Z0-9]+)-/.exec(code)?.[1]?.toLowerCase();
  const r: ReportRule = {
    id: code,
    title: info?.title ?? code,
    description: info?.help ?? info?.title ?? `stackc diagnostic ${code}`,
    help: info?.help ?? seen.find((d) => d.hint !== undefined)?.hint ?? `See the stackc documentation for ${code}.`,
    level: info?.severity ?? worst,
    tags: area ? [area] : [],
    catalog: false,
  };
  const docs = seen.find((d) => d.docs !== undefined)?.docs;
  if (docs !== undefined && /^https?:\/\//.test(docs)) r.helpUri = docs;
  return r;
}

/**
 * Every catalog rule, plus one synthesised rule per other code that occurs in the diagnostics;
 * sorted by id.
 */
export function reportRules(input: Pick<ReportInput, "diagnostics" | "rules">): ReportRule[] {
  const byId = new Map<string, ReportRule>();
  for (const rule of input.rules) byId.set(rule.id, ruleFromMeta(rule));
  const others = new Map<string, Diagnostic[]>();
  for (const d of input.diagnostics) {
    if (byId.has(d.code)) continue;
    const list = others.get(d.code) ?? [];
    list.push(d);
    others.set(d.code, list);
  }
  for (const [code, seen] of others) byId.set(code, synthesizeRule(code, seen));
  return [...byId.values()].sort((a, b) => cmp(a.id, b.id));
}

/** "file:line:col" (or less, when the diagnostic has less). */
export function formatLocation(d: Diagnostic): string | undefined {
  if (d.file === undefined) return undefined;
  if (!d.range) return d.file;
  return `${d.file}:${d.range.start.line}:${d.range.start.column}`;
}
