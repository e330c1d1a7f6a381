// A RuleTester in typescript-eslint's manner for the Rego catalog: each rule gets a table of
// `valid` manifests (no finding of that rule) and `invalid` ones with the exact findings expected
// — data, file, line, column — and every finding's message is checked against the rule's own
// formatter: the rule must have one (an unknown message key fails), the formatter may read only
// keys the finding's data has (an unfilled placeholder fails), and the message may hold none of
// the formatter's fallbacks. Each case is a YAML overlay on test/fixtures/policy/base.yaml (a
// production stack that passes every rule), run through the real pipeline — load, schema,
// normalize, every emitter, the compiled wasm bundle — on an in-memory Io, on a fixed day.
import { readFileSync } from "node:fs";
import { test } from "uvu";
import * as assert from "uvu/assert";
import { compile } from "../../compiler/compile/compile.js";
import type { Diagnostic } from "../../compiler/diagnostics/diagnostic.js";
import { parsePointer } from "../../compiler/load/pointer.js";
import { policyMessages } from "../../compiler/policy/catalog/messages.js";
import type { PolicyResult } from "../../compiler/policy/engine/evaluate.js";
import { memoryProject } from "../helpers/memory-io.js";
import { repoPath } from "../helpers/repo.js";
import { policyStage, tampered, type Tamper } from "./pipeline.js";

export interface ValidCase {
  name: string;
  /** YAML merged over the clean base (the `spec:` part of an overlay). */
  code: string;
  environment?: "dev" | "staging" | "prod";
  tamper?: Tamper;
}

export interface ExpectedFinding {
  data: Record<string, unknown>;
  /** Line and column in `code` (1-based), or in base.yaml when `file` says so. */
  line: number;
  column: number;
  file?: "base.yaml";
  severity?: "error" | "warning";
}

export interface InvalidCase extends ValidCase {
  errors: ExpectedFinding[];
}

export interface RuleCases {
  valid: ValidCase[];
  invalid: InvalidCase[];
}

const CWD = "/rule-tester";
const base = readFileSync(repoPath("test", "fixtures", "policy", "base.yaml"), "utf8");
const header = (environment: string) => `apiVersion: stackc.dev/v1alpha1\nkind: Stack\nextends: ./base.yaml\nmetadata: { name: rt-${environment}, environment: ${environment} }\n`;
const HEADER_LINES = 4;

/** Every finding of `rule` for one case (other rules' findings are not this table's business). */
export async function findingsOf(rule: string, c: ValidCase): Promise<Diagnostic[]> {
  const io = memoryProject({ "base.yaml": base, "stack.yaml": header(c.environment ?? "prod") + c.code }, CWD);
  const result = await compile(["stack.yaml"], { cwd: CWD, io, emit: true, emitters: tampered(c.tamper ?? {}), policy: policyStage() });
  const broken = result.diagnostics.filter((d) => d.severity === "error" && /^STK-(IO|YAML|LOAD|SCHEMA|MODEL|FLEET|EMIT|INTERNAL)-/.test(d.code));
  assert.equal(broken.map((d) => `${d.code} ${d.file}:${d.range?.start.line} ${d.message}`), [], `case "${c.name}" must compile (only policies may object)`);
  return result.diagnostics.filter((d) => d.code === rule);
}

/** The finding as the table writes it: line/column relative to the case's code. */
function asWritten(d: Diagnostic): ExpectedFinding {
  const inCase = d.file === "stack.yaml";
  const line = (d.range?.start.line ?? 0) - (inCase ? HEADER_LINES : 0);
  return {
    data: d.data ?? {},
    line,
    column: d.range?.start.column ?? 0,
    ...(inCase ? {} : { file: "base.yaml" as const }),
    severity: d.severity === "warning" ? "warning" : "error",
  };
}

const FALLBACKS = /\(none\)|\bundefined\b|\[object Object\]|(^|\s)\?(\s|$)|"\?"/;

/**
 * The message checks, as a list of problems (empty: fine): the rule has no formatter in the
 * message table (unknown message key); the formatter reads a key the finding's data lacks
 * (unfilled placeholder — except `reason`, which only selects among a rule's wordings and may be
 * absent); the message shows one of the formatter's fallbacks ("?", "(none)", "undefined");
 * the diagnostic's message is not the formatter's.
 */
export function messageProblems(rule: string, d: Diagnostic): string[] {
  const format = policyMessages[rule];
  if (!format) return [`${rule}: no message formatter (unknown message key)`];
  const data = d.data ?? {};
  const render = (values: Record<string, unknown>, read: Set<string>) => {
    const tracked = new Proxy(values, {
      get(target, key, receiver) {
        if (typeof key === "string") read.add(key);
        return Reflect.get(target, key, receiver);
      },
    });
    const result: PolicyResult = { id: rule, path: d.pointer === undefined ? [] : parsePointer(d.pointer), data: tracked };
    return format(tracked, result);
  };
  const problems: string[] = [];
  const read = new Set<string>();
  const message = render(data, read);
  const unfilled = [...read].filter((k) => k !== "reason" && !(k in data));
  if (unfilled.length > 0) problems.push(`${rule}: the message reads ${unfilled.join(", ")}, which the finding's data lacks (unfilled placeholder): ${message}`);
  if (FALLBACKS.test(message)) problems.push(`${rule}: the message shows a fallback: ${message}`);
  if (d.message !== message) problems.push(`${rule}: the diagnostic's message is not the formatter's: ${d.message}`);
  return problems;
}

export function ruleTester(rule: string, cases: RuleCases): void {
  const suite = test;
  suite(`${rule}: ${cases.valid.length} valid and ${cases.invalid.length} invalid cases`, () => {
    assert.ok(cases.valid.length > 0 && cases.invalid.length > 0, "a rule needs passing and failing cases");
  });
  for (const c of cases.valid) {
    suite(`${rule} valid: ${c.name}`, async () => {
      const found = await findingsOf(rule, c);
      assert.equal(found.map(asWritten), [], `${rule} should not fire`);
    });
  }
  for (const c of cases.invalid) {
    suite(`${rule} invalid: ${c.name}`, async () => {
      const found = await findingsOf(rule, c);
      const expected = c.errors.map((e) => ({ data: e.data, line: e.line, column: e.column, ...(e.file ? { file: e.file } : {}), severity: e.severity ?? "error" }));
      assert.equal(found.map(asWritten), expected);
      assert.equal(found.flatMap((d) => messageProblems(rule, d)), []);
    });
  }
}

/** For writing tables: prints what a case produces (node dist/test/policy/rules/print.js). */
export async function describeCase(rule: string, c: ValidCase): Promise<ExpectedFinding[]> {
  return (await findingsOf(rule, c)).map(asWritten);
}
