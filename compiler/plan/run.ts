// The library entry points of the change stage: `planStacks` (what `stackc plan` shows) and
// `applyChangeRules` (what check and build run whenever a baseline exists). Both compare each
// compiled stack's change record with its baseline through planStack.
import { compareDiagnostics, type Diagnostic } from "../diagnostics/diagnostic.js";
import { diag } from "../diagnostics/codes.js";
import type { CompileResult, StackResult } from "../pipeline.js";
import { type BaselineOptions, type BaselineRead, openBaseline } from "./baseline.js";
import { type Acknowledgement, planStack, type StackPlan } from "./plan.js";

export interface StackPlanResult extends StackPlan {
  /** The stack's baseline, to read old file contents for --patch. */
  baseline: BaselineRead;
  /** Where the baseline came from, for reports (null: none, a first build). */
  baselineLabel: string | null;
  /** What the apply commands need. */
  cluster: { name: string; stateStore: string };
}

export interface PlanRun {
  plans: StackPlanResult[];
  diagnostics: Diagnostic[];
  /** The baseline could not be opened at all (a git ref that does not exist). */
  usageError: boolean;
}

/** Plans every stack that compiled; adds nothing for stacks with errors. */
export async function planStacks(result: CompileResult, options: BaselineOptions): Promise<PlanRun> {
  const opened = await openBaseline(options);
  if ("problem" in opened) return { plans: [], diagnostics: [diag("STK-CHANGE-013", opened.problem, { hint: "Give a branch, tag or commit that exists (git fetch it first in CI)" })], usageError: true };
  const plans: StackPlanResult[] = [];
  const diagnostics: Diagnostic[] = [];
  for (const stack of result.stacks) {
    if (!stack.model || !stack.record) continue;
    const baseline = await opened.read(stack.model.name);
    if (baseline.kind === "unreadable") {
      const noRecord = baseline.problem.includes("no change record");
      diagnostics.push({
        ...diag("STK-CHANGE-013", `Baseline of ${stack.model.name}: ${baseline.problem}; the change rules did not run`, {
          file: stack.file,
          hint: noRecord ? "Rebuild out/ with this stackc (stackc build) and commit it; later changes are then checked against it" : "Restore the lock file from git, or rebuild",
          ...(noRecord ? { severity: "warning" as const } : {}),
        }),
        stack: stack.file,
      });
    }
    const plan = planStack({
      file: stack.file,
      name: stack.model.name,
      ...(baseline.kind === "found" ? { baseline: baseline.record } : {}),
      current: stack.record,
      ...(stack.sourceMap ? { sourceMap: stack.sourceMap } : {}),
      acknowledgements: acknowledgementsOf(stack),
    });
    diagnostics.push(...plan.diagnostics);
    const lockPath = `${options.outDir.replace(/\/+$/, "")}/${stack.model.name}/stackc.lock.json`;
    plans.push({
      ...plan,
      baseline,
      baselineLabel: baseline.kind === "found" ? (options.ref !== undefined ? `${options.ref}:${lockPath}` : lockPath) : null,
      cluster: { name: stack.model.clusterName, stateStore: `s3://${stack.model.stack.spec.stateStore.bucket}` },
    });
  }
  return { plans, diagnostics, usageError: false };
}

/** check and build: the rule findings join the run's diagnostics. */
export async function applyChangeRules(result: CompileResult, options: BaselineOptions): Promise<PlanRun> {
  const run = await planStacks(result, options);
  result.diagnostics.push(...run.diagnostics);
  result.diagnostics.sort(compareDiagnostics);
  if (run.usageError) result.usageError = true;
  return run;
}

function acknowledgementsOf(stack: StackResult): Acknowledgement[] {
  const acks = stack.model?.stack.spec.policy?.acknowledgements ?? [];
  return acks.map((a) => ({ rule: a.rule, change: a.change, reason: a.reason }));
}
