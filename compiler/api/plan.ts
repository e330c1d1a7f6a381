// `stackc plan` as a function: every change from the baseline (the last build in out/, or out/
// at a git ref) to what the manifests compile to now, classified, with the change rules applied.
// Reads the manifests and the baseline through the Io; writes nothing.
import { compile, type CompileResult } from "../compile/compile.js";
import { hasErrors } from "../diagnostics/diagnostic.js";
import { nodeIo } from "../io/node-io.js";
import { applyChangeRules, type StackPlanResult } from "../plan/run.js";
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
  return { ...result, plans: run.plans };
}
