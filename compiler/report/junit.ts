// JUnit XML for CI test-report viewers (GitLab, Jenkins, Azure DevOps, …): one <testsuite> per
// stack, one <testcase> per stack × rule. Every catalog rule is a test case for every stack, so a
// passing rule shows as a passed test; other codes (schema, model, …) appear where they occur.
// Errors are <failure>s listing each finding as file:line:col; warnings and notes go to
// <system-out> (they do not fail the gate); a rule whose only findings are waived is <skipped>.
// No timestamps or durations: the same input gives the same bytes.
import type { Diagnostic } from "../diagnostics/diagnostic.js";
import { sortDiagnostics } from "../diagnostics/diagnostic.js";
import { type ReportInput, type ReportRule, cmp, formatLocation, reportRules } from "./report-input.js";

interface Suite {
  name: string;
  file?: string;
  /** A stack's suite lists every catalog rule; the global one only the codes that occur. */
  stack: boolean;
  diagnostics: Diagnostic[];
}

export function formatJunit(input: ReportInput): string {
  const rules = reportRules(input);
  const suites = collectSuites(input);
  let tests = 0;
  let failures = 0;
  let skipped = 0;
  const body: string[] = [];
  for (const suite of suites) {
    const cases = suiteCases(suite, rules);
    const f = cases.filter((c) => c.kind === "failure").length;
    const s = cases.filter((c) => c.kind === "skipped").length;
    tests += cases.length;
    failures += f;
    skipped += s;
    body.push(
      `  <testsuite${attrs({ name: suite.name, tests: cases.length, failures: f, errors: 0, skipped: s })}>`,
      ...(suite.file !== undefined
        ? ["    <properties>", `      <property${attrs({ name: "file", value: suite.file })}/>`, "    </properties>"]
        : []),
      ...cases.map((c) => c.xml),
      "  </testsuite>",
    );
  }
  return [
    `<?xml version="1.0" encoding="UTF-8"?>`,
    `<testsuites${attrs({ name: input.tool.name, tests, failures, errors: 0, skipped })}>`,
    ...body,
    "</testsuites>",
    "",
  ].join("\n");
}

/** One suite per stack in input order, then one per stack that only the diagnostics name, then global ones. */
function collectSuites(input: ReportInput): Suite[] {
  const suites: Suite[] = input.stacks.map((s) => ({ name: s.name, file: s.file, stack: true, diagnostics: [] }));
  const byFile = new Map(suites.map((s) => [s.file!, s]));
  const extra = new Map<string, Suite>();
  let global: Suite | undefined;
  for (const d of input.diagnostics) {
    if (d.stack === undefined) {
      (global ??= { name: input.tool.name, stack: false, diagnostics: [] }).diagnostics.push(d);
      continue;
    }
    let suite = byFile.get(d.stack) ?? extra.get(d.stack);
    if (!suite) {
      suite = { name: d.stack, file: d.stack, stack: true, diagnostics: [] };
      extra.set(d.stack, suite);
    }
    suite.diagnostics.push(d);
  }
  return [...suites, ...[...extra.values()].sort((a, b) => cmp(a.name, b.name)), ...(global ? [global] : [])];
}

interface Case {
  kind: "passed" | "failure" | "skipped";
  xml: string;
}

function suiteCases(suite: Suite, rules: readonly ReportRule[]): Case[] {
  const present = new Set(suite.diagnostics.map((d) => d.code));
  return rules
    .filter((r) => (r.catalog && suite.stack) || present.has(r.id))
    .map((rule) => testCase(suite, rule, sortDiagnostics(suite.diagnostics.filter((d) => d.code === rule.id))));
}

function testCase(suite: Suite, rule: ReportRule, found: Diagnostic[]): Case {
  const active = found.filter((d) => !d.suppressed);
  const errors = active.filter((d) => d.severity === "error");
  const waived = found.filter((d) => d.suppressed);
  const open = `    <testcase${attrs({ name: `${rule.id}: ${rule.title}`, classname: suite.name, ...(suite.file !== undefined ? { file: suite.file } : {}) })}`;
  const out = active.filter((d) => d.severity !== "error").map(line);
  out.push(...waived.map((d) => `${line(d)} (waived: ${d.suppressed!.justification})`));
  const systemOut = out.length > 0 ? [`      <system-out>${text(out.join("\n") + "\n")}</system-out>`] : [];

  if (errors.length > 0) {
    const message = errors.length === 1 ? errors[0]!.message : `${errors.length} findings`;
    const failure = `      <failure${attrs({ message, type: rule.id })}>${text(errors.map(line).join("\n") + "\n")}</failure>`;
    return { kind: "failure", xml: [`${open}>`, failure, ...systemOut, "    </testcase>"].join("\n") };
  }
  if (active.length === 0 && waived.length > 0) {
    const message = `waived: ${[...new Set(waived.map((d) => d.suppressed!.justification))].join("; ")}`;
    return { kind: "skipped", xml: [`${open}>`, `      <skipped${attrs({ message })}/>`, ...systemOut, "    </testcase>"].join("\n") };
  }
  if (systemOut.length > 0) return { kind: "passed", xml: [`${open}>`, ...systemOut, "    </testcase>"].join("\n") };
  return { kind: "passed", xml: `${open}/>` };
}

function line(d: Diagnostic): string {
  const where = formatLocation(d);
  return `${where !== undefined ? `${where}: ` : ""}${d.severity} ${d.code}: ${d.message}`;
}

function attrs(values: Record<string, string | number>): string {
  return Object.entries(values)
    .map(([k, v]) => ` ${k}="${attribute(String(v))}"`)
    .join("");
}

// XML 1.0 allows tab, LF, CR and U+0020–U+D7FF, U+E000–U+FFFD, U+10000–U+10FFFF, and nothing
// else, not even as a character reference: other control characters, lone surrogates and
// U+FFFE/U+FFFF become U+FFFD.
const forbidden = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** Character data: markup characters escaped; CR as a reference, since parsers turn a raw CR into LF. */
export function text(s: string): string {
  return s
    .replace(forbidden, "\uFFFD")
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/\r/g, "&#13;");
}

/** Attribute values: also quotes, and tab/LF/CR as references (attribute normalisation would turn them into spaces). */
export function attribute(s: string): string {
  return text(s).replace(/"/g, "&quot;").replace(/'/g, "&apos;").replace(/\t/g, "&#9;").replace(/\n/g, "&#10;");
}
