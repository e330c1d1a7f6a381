// Change scenarios: the baseline manifest (test/fixtures/plan/base.yaml, optionally edited) is
// compiled for its change record, the edited manifest is compiled and planned against it.
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { compile } from "../../compiler/compile/compile.js";
import type { ChangeRecord } from "../../compiler/plan/record.js";
import { planStack, type StackPlan } from "../../compiler/plan/plan.js";
import { repoPath } from "../helpers/repo.js";

export const BASE = readFileSync(repoPath("test", "fixtures", "plan", "base.yaml"), "utf8");

/** [from, to]: `from` must occur in the text exactly once. */
export type Edit = readonly [string, string];

export function edit(text: string, edits: readonly Edit[]): string {
  let out = text;
  for (const [from, to] of edits) {
    const at = out.indexOf(from);
    if (at < 0 || out.indexOf(from, at + 1) >= 0) throw new Error(`edit ${JSON.stringify(from)} does not occur exactly once`);
    out = out.slice(0, at) + to + out.slice(at + from.length);
  }
  return out;
}

const records = new Map<string, ChangeRecord>();

async function compileText(text: string) {
  const dir = mkdtempSync(path.join(tmpdir(), "stackc-plan-"));
  writeFileSync(path.join(dir, "stack.yaml"), text);
  const result = await compile(["stack.yaml"], { cwd: dir, emit: true });
  const stack = result.stacks[0];
  if (!stack?.record || !stack.model || !stack.sourceMap) {
    throw new Error(`scenario manifest does not compile: ${result.diagnostics.map((d) => `${d.code} ${d.message}`).join("; ")}`);
  }
  return stack;
}

export async function baselineRecord(text: string): Promise<ChangeRecord> {
  const known = records.get(text);
  if (known) return known;
  const record = (await compileText(text)).record!;
  records.set(text, record);
  return record;
}

export async function planScenario(before: string, after: string, options: { noBaseline?: boolean } = {}): Promise<StackPlan> {
  const baseline = options.noBaseline ? undefined : await baselineRecord(before);
  const stack = await compileText(after);
  return planStack({
    file: "stack.yaml",
    name: stack.model!.name,
    ...(baseline ? { baseline } : {}),
    current: stack.record!,
    sourceMap: stack.sourceMap!,
    acknowledgements: (stack.model!.stack.spec.policy?.acknowledgements ?? []).map((a) => ({ rule: a.rule, change: a.change, reason: a.reason })),
  });
}
