// `stackc check` as a function — the CI gate: schema, consistency checks, the emitters (in
// memory) and the policies (catalog, user policies, waivers). Writes nothing.
import { compile, type CompileResult } from "../compile/compile.js";
import type { RuleMeta } from "../policy/catalog/rules.js";
import type { PolicyRunOptions } from "./options.js";
import { policyGate } from "./policy-gate.js";

export type CheckOptions = PolicyRunOptions;

export interface CheckResult extends CompileResult {
  /** The rule catalog that was evaluated (for SARIF/JUnit rule lists). */
  rules: readonly RuleMeta[];
  /** The time policies and waivers saw. */
  now: Date;
}

/** Rejects with UserPolicyError when a user policy cannot be loaded or compiled. */
export async function check(paths: readonly string[], options: CheckOptions = {}): Promise<CheckResult> {
  const gate = policyGate(options);
  const result = await compile(paths, { ...pick(options), emit: true, policy: gate });
  return { ...result, rules: gate.rules, now: gate.now };
}

function pick(options: CheckOptions) {
  return { ...(options.cwd !== undefined ? { cwd: options.cwd } : {}), ...(options.io ? { io: options.io } : {}) };
}
