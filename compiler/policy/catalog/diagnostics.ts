// Policy findings → Diagnostics. Pure: the caller supplies `locate`, which maps a path into the
// manifest to file/range/pointer (the loader's source map, through `extends` too).
import type { Diagnostic, Range } from "../../diagnostics/diagnostic.js";
import { type PathSegment, toPointer } from "../../load/pointer.js";
import type { PolicyResult, PolicyResults } from "../engine/evaluate.js";
import { formatPolicyHint, formatPolicyMessage } from "./messages.js";
import { type RuleMeta, findRule } from "./rules.js";

export interface SourceLocation {
  file: string;
  range: Range;
  /** The pointer actually located (an ancestor when the path itself has no node, e.g. a default). */
  pointer: string;
}

export type Locate = (path: readonly PathSegment[]) => SourceLocation | undefined;

/**
 * One diagnostic per finding: deny → "error", warn → "warning"; code = rule id; message per
 * rule (messages.ts); hint = the finding's own (policyHints) or the rule's remediation; docs = its first related resource; data =
 * the finding's data. Sorted with compareResults within each severity, deny first. Without a
 * location the pointer still names the path.
 */
export function resultsToDiagnostics(results: PolicyResults, rules: readonly RuleMeta[], locate: Locate): Diagnostic[] {
  return [
    ...results.deny.map((r) => toDiagnostic(r, "error", rules, locate)),
    ...results.warn.map((r) => toDiagnostic(r, "warning", rules, locate)),
  ];
}

function toDiagnostic(result: PolicyResult, severity: "error" | "warning", rules: readonly RuleMeta[], locate: Locate): Diagnostic {
  const rule = findRule(rules, result.id);
  const d: Diagnostic = {
    code: result.id,
    severity,
    message: formatPolicyMessage(result, rule?.title),
  };
  const where = locate(result.path);
  if (where) {
    d.file = where.file;
    d.range = where.range;
    d.pointer = where.pointer;
  } else {
    d.pointer = toPointer(result.path);
  }
  if (rule) {
    const hint = formatPolicyHint(result, rule.remediation);
    if (hint !== undefined) d.hint = hint;
    const docs = rule.relatedResources[0]?.ref;
    if (docs !== undefined) d.docs = docs;
  }
  d.data = { ...result.data };
  return d;
}
