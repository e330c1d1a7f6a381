// The one diagnostic type every stage, reporter and test speaks. Codes are stable ids
// (STK-SCHEMA-001, STK-NET-003, …): tests and users match on them, never on message text.

export type Severity = "error" | "warning" | "info";

/** 1-based line and column (columns count UTF-16 code units, as editors do), 0-based offset. */
export interface Position {
  line: number;
  column: number;
  offset: number;
}

export interface Range {
  start: Position;
  end: Position;
}

/** A secondary location, e.g. "first defined here" for a duplicate. */
export interface RelatedLocation {
  message: string;
  file: string;
  range: Range;
}

/** Set when a finding is waived (spec.policy.waivers); reporters show it as suppressed. */
export interface Suppression {
  /** waiver: spec.policy.waivers; acknowledgement: spec.policy.acknowledgements (a change rule). */
  kind: "waiver" | "acknowledgement";
  justification: string;
  expires?: string;
  file?: string;
  range?: Range;
}

export interface Diagnostic {
  /** Stable id, e.g. "STK-SCHEMA-001". */
  code: string;
  severity: Severity;
  /** One sentence, no trailing period, no location (reporters add it). */
  message: string;
  /** Path as the user gave it (relative to the working directory, `/` separators); absent for global problems. */
  file?: string;
  range?: Range;
  /** JSON Pointer into the (merged) manifest, e.g. "/spec/cluster/nodeGroups/0/min". */
  pointer?: string;
  /**
   * The stack (entry manifest path) the finding belongs to. Differs from `file` when the
   * value came from a base through `extends`.
   */
  stack?: string;
  /** What to do about it. */
  hint?: string;
  /** Where to read more (a docs path or URL). */
  docs?: string;
  related?: RelatedLocation[];
  /** Structured facts behind the message (for json/sarif reporters and policy results). */
  data?: Record<string, unknown>;
  suppressed?: Suppression;
}

/** Every stage returns this: as much value as it could safely build, and everything it found. */
export interface StageResult<T> {
  value?: T;
  diagnostics: Diagnostic[];
}

export function hasErrors(diagnostics: readonly Diagnostic[]): boolean {
  return diagnostics.some((d) => d.severity === "error" && !d.suppressed);
}

/**
 * Deterministic order for reporting: file, then position, then code, then message.
 * Plain code-unit comparison on purpose: locale-aware sorting would make output depend on
 * the machine's locale.
 */
export function compareDiagnostics(a: Diagnostic, b: Diagnostic): number {
  return (
    cmp(a.file ?? "", b.file ?? "") ||
    (a.range?.start.offset ?? -1) - (b.range?.start.offset ?? -1) ||
    cmp(a.code, b.code) ||
    cmp(a.pointer ?? "", b.pointer ?? "") ||
    cmp(a.message, b.message)
  );
}

export function sortDiagnostics(diagnostics: readonly Diagnostic[]): Diagnostic[] {
  return [...diagnostics].sort(compareDiagnostics);
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
