// `stackc plan` as a function: every change from the baseline (the last build in out/, or out/
// at a git ref) to what the manifests compile to now, classified, with the change rules applied.
// Reads the manifests and the baseline through the Io; writes nothing.
import { compile, type CompileResult } from "../compile/compile.js";
import { hasErrors } from "../diagnostics/diagnostic.js";
import { nodeIo } from "../io/node-io.js";
import path from "node:path";
import { applyChangeRules, type StackPlanResult } from "../plan/run.js";
import { findRetiredStacks, type RetiredStack } from "../plan/retired.js";
import type { RunOptions } from "./options.js";
import { secretGate } from "./secret-gate.js";

export interface PlanOptions extends RunOptions {
  /** Output root holding the baseline builds (default `out`), relative to cwd. */
  outDir?: string;
  /** Compare with out/ as committed at this git ref instead of the working tree. */
  baseline?: string;
}

export interface PlanResult extends CompileResult {
  /** One plan per stack that compiled (none when the manifests have errors). */
  plans: StackPlanResult[];
}

export async function plan(paths: readonly string[], options: PlanOptions = {}): Promise<PlanResult> {
  const cwd = options.cwd ?? process.cwd();
  const outDir = options.outDir ?? "out";
  const io = options.io ?? nodeIo;
  const result = await compile(paths, {
    cwd,
    io,
    emit: true,
    outDir,
    // a plan prints changed values (and --patch the generated files): the secret rule must pass first
    policy: secretGate(io),
    ...(options.allowOutside ? { allowOutside: options.allowOutside } : {}),
  });
  if (result.usageError || hasErrors(result.diagnostics)) return { ...result, plans: [] };
  const run = await applyChangeRules(result, { cwd, outDir, io, ...(options.baseline !== undefined ? { ref: options.baseline } : {}) });
  // out/ folders whose manifest is gone: retired stacks, listed with their teardown
  const retired = await findRetiredStacks(path.resolve(cwd, outDir), cwd, io);
  return { ...result, plans: [...run.plans, ...retired.map((r) => retiredPlan(r, outDir))] };
}

/** A retired stack as a plan of one destructive change: the cluster and its Terraform go (by its teardown, never by stackc). */
function retiredPlan(stack: RetiredStack, outDir: string): StackPlanResult {
  const lockPath = `${outDir.replace(/\/+$/, "")}/${stack.name}/stackc.lock.json`;
  return {
    file: stack.manifest,
    name: stack.name,
    hasBaseline: true,
    changes: [
      {
        class: "destructive",
        code: "CHG-STACK-RETIRE",
        tool: "stack",
        target: stack.name,
        reason: `Its manifest ${stack.manifest} is gone: the stack is retired. stackc tears nothing down; run its teardown, then delete ${outDir.replace(/\/+$/, "")}/${stack.name}/ (build leaves it until then)`,
        pointer: "",
      },
    ],
    diagnostics: [],
    rolls: [],
    counts: { safe: 0, disruptive: 0, destructive: 1 },
    baseline: { kind: "none" },
    baselineLabel: lockPath,
    cluster: stack.cluster ?? { name: "", stateStore: "" },
  };
}
