// Planning a compiled run: `planStacks` (what `stackc plan` shows) and `applyChangeRules` (what
// check and build run whenever a baseline exists). Each compiled stack's change record is
// compared with its baseline through planStack. The compile result is taken structurally, so
// this layer stays below compile/ (which builds the records).
import { compareDiagnostics, type Diagnostic } from "../diagnostics/diagnostic.js";
import { diag } from "../diagnostics/codes.js";
import type { SourceMap } from "../load/source-map.js";
import type { StackModel } from "../model/model.js";
import { type BaselineOptions, type BaselineRead, openBaseline } from "./baseline.js";
import { type Acknowledgement, planStack, type StackPlan } from "./plan.js";
import type { ChangeRecord } from "./record.js";
import type { NetworkModel } from "../model/network.js";
import { networkChangeFindings } from "./network-record.js";

/** What planning needs of a compiled stack (compile's StackResult has it). */
export interface PlannableStack {
  file: string;
  model?: StackModel;
  record?: ChangeRecord;
  sourceMap?: SourceMap;
  /** A kind: Network unit: its addresses are checked against its baseline record (network-record.ts). */
  network?: NetworkModel;
}

export interface PlannableResult {
  stacks: readonly PlannableStack[];
  diagnostics: Diagnostic[];
  usageError: boolean;
}

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

/** Plans every stack that compiled; stacks with errors are skipped. */
export async function planStacks(result: PlannableResult, options: BaselineOptions): Promise<PlanRun> {
  const opened = await openBaseline(options);
  if ("problem" in opened) {
    return { plans: [], diagnostics: [diag("STK-CHANGE-013", opened.problem, { hint: "Give a branch, tag or commit that exists (in CI, fetch it first)" })], usageError: true };
  }
  const plans: StackPlanResult[] = [];
  const diagnostics: Diagnostic[] = [];
  const outDisplay = options.outDir.replace(/\/+$/, "");
  for (const stack of result.stacks) {
    if (stack.network && stack.sourceMap) {
      const baseline = await opened.read(stack.network.name);
      if (baseline.kind === "found") diagnostics.push(...networkChangeFindings(stack.network, baseline.record, stack.sourceMap, stack.file));
      continue;
    }
    if (!stack.model || !stack.record) continue;
    const baseline = await opened.read(stack.model.name);
    if (baseline.kind === "unreadable") {
      const noRecord = baseline.problem.includes("no change record");
      diagnostics.push({
        ...diag("STK-CHANGE-013", `Baseline of ${stack.model.name}: ${baseline.problem}; the change rules did not run`, {
          file: stack.file,
          hint: noRecord ? "Rebuild out/ with this stackc (stackc build) and commit it; later changes are checked against it" : "Restore the lock file from git, or rebuild",
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
      acknowledgements: acknowledgementsOf(stack.model),
    });
    diagnostics.push(...plan.diagnostics);
    const lockPath = `${outDisplay}/${stack.model.name}/stackc.lock.json`;
    plans.push({
      ...plan,
      baseline,
      baselineLabel: baseline.kind === "found" ? (options.ref !== undefined ? `${options.ref}:${lockPath}` : lockPath) : null,
      cluster: { name: stack.model.clusterName, stateStore: `s3://${stack.model.stack.spec.stateStore.bucket}` },
    });
  }
  return { plans, diagnostics, usageError: false };
}

/** check, build and plan: the rule findings join the run's diagnostics (sorted again). */
export async function applyChangeRules(result: PlannableResult, options: BaselineOptions): Promise<PlanRun> {
  const run = await planStacks(result, options);
  result.diagnostics.push(...run.diagnostics);
  result.diagnostics.sort(compareDiagnostics);
  if (run.usageError) result.usageError = true;
  return run;
}

function acknowledgementsOf(model: StackModel): Acknowledgement[] {
  const acks = model.stack.spec.policy?.acknowledgements ?? [];
  return acks.map((a) => ({ rule: a.rule, change: a.change, reason: a.reason }));
}
