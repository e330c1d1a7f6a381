// `stackc build` as a function: check, then write out/<stack>/ for every stack — all or nothing.
// The policy gate is on by default, exactly as in `stackc check` (user policies and waivers
// included), so a library caller cannot write a stack the CLI would refuse by forgetting an
// option. Building without policies takes an explicit `skipPolicies: true`, and is never
// silent: the result says so and carries a warning (STK-POLICY-006) that every reporter shows.
import { diag } from "../diagnostics/codes.js";
import { compareDiagnostics } from "../diagnostics/diagnostic.js";
import type { RuleMeta } from "../policy/catalog/rules.js";
import { compileAndWrite, type WriteResult } from "../write/build.js";
import type { PolicyRunOptions } from "./options.js";
import { policyGate } from "./policy-gate.js";
import { secretGate } from "./secret-gate.js";

export interface BuildOptions extends PolicyRunOptions {
  /** Output root (default `out`), relative to cwd. */
  outDir?: string;
  /** Build without evaluating any policy. Explicit and reported: the result carries STK-POLICY-006. */
  skipPolicies?: boolean;
}

export interface BuildResult extends WriteResult {
  /** "enforced": every stack passed the policy gate before anything was written. */
  policyGate: "enforced" | "skipped";
  /** The rule catalog evaluated (empty when skipped). */
  rules: readonly RuleMeta[];
}

/** Rejects with UserPolicyError when a user policy cannot be loaded or compiled. */
export async function build(paths: readonly string[], options: BuildOptions = {}): Promise<BuildResult> {
  const base = {
    ...(options.cwd !== undefined ? { cwd: options.cwd } : {}),
    ...(options.io ? { io: options.io } : {}),
    ...(options.outDir !== undefined ? { outDir: options.outDir } : {}),
    ...(options.allowOutside ? { allowOutside: options.allowOutside } : {}),
  };
  if (options.skipPolicies) {
    // even without the gate, a plaintext secret is never written
    const result = await compileAndWrite(paths, { ...base, policy: secretGate(options.io) });
    const skipped = diag("STK-POLICY-006", "Built without the policy gate (skipPolicies): no policy rule, user policy or waiver was evaluated", {
      hint: "Run stackc check on these manifests before applying the output",
    });
    return { ...result, diagnostics: [...result.diagnostics, skipped].sort(compareDiagnostics), policyGate: "skipped", rules: [] };
  }
  const gate = policyGate(options);
  const result = await compileAndWrite(paths, { ...base, policy: gate });
  return { ...result, policyGate: "enforced", rules: gate.rules };
}
