// `stackc check` as a function — the CI gate: schema, consistency checks, the emitters (in
// memory) and the policies (catalog, user policies, waivers). Writes nothing, except the policy
// inputs when asked to (dumpPolicyInput).
import path from "node:path";
import type { CompileResult } from "../compile/compile.js";
import { runFleet } from "../fleet/run.js";
import { type FleetRunOptions, fleetSettings } from "../fleet/settings.js";
import { nodeIo } from "../io/node-io.js";
import type { RuleMeta } from "../policy/catalog/rules.js";
import { preparePolicyInputDir, writePolicyInputs } from "../write/policy-inputs.js";
import type { PolicyRunOptions } from "./options.js";
import { policyGate } from "./policy-gate.js";

export interface CheckOptions extends PolicyRunOptions, FleetRunOptions {
  /** Also write each stack's policy input to <dir>/<stack>.json (for opa eval, conftest test); relative to cwd. */
  dumpPolicyInput?: string;
}

export interface CheckResult extends CompileResult {
  /** Stacks taken from the cache (their recorded findings; not compiled again). */
  fromCache: number;
  /** The rule catalog that was evaluated (for SARIF/JUnit rule lists). */
  rules: readonly RuleMeta[];
  /** The time policies and waivers saw. */
  now: Date;
}

/** The folder for dumpPolicyInput cannot be created (a usage error). */
export class PolicyInputDirError extends Error {
  override name = "PolicyInputDirError";
}

/**
 * Rejects with UserPolicyError when a user policy cannot be loaded or compiled, and with
 * PolicyInputDirError when the dumpPolicyInput folder cannot be created.
 */
export async function check(paths: readonly string[], options: CheckOptions = {}): Promise<CheckResult> {
  const cwd = options.cwd ?? process.cwd();
  const io = options.io ?? nodeIo;
  const dumpDir = options.dumpPolicyInput === undefined ? undefined : path.resolve(cwd, options.dumpPolicyInput);
  if (dumpDir !== undefined) {
    try {
      await preparePolicyInputDir(dumpDir, io);
    } catch (err) {
      throw new PolicyInputDirError(`cannot create ${options.dumpPolicyInput}: ${err instanceof Error ? err.message : String(err)}`, { cause: err });
    }
  }
  const inputs = new Map<string, unknown>();
  const gate = policyGate({ ...options, cwd, io }, dumpDir === undefined ? undefined : (model, input) => inputs.set(model.name, input));
  // user policies and the input dump belong to this thread, and neither is in the cache key
  const inProcessOnly = (options.policies ?? []).length > 0 || dumpDir !== undefined;
  // a cached result says nothing about which folders were allowed: no cache with --allow-outside
  const fleet = await fleetSettings(inProcessOnly || options.allowOutside?.length ? { ...options, cache: false } : options, {
    cwd,
    io,
    key: { mode: "gate", today: gate.now.toISOString().slice(0, 10), outDir: "out" },
  });
  const result = await runFleet(paths, { mode: "check", cwd, io, now: gate.now, policy: gate, inProcessOnly, ...fleet, ...(options.allowOutside?.length ? { allowOutside: options.allowOutside } : {}) });
  if (dumpDir !== undefined) await writePolicyInputs(dumpDir, inputs, io);
  return { ...result, rules: gate.rules, now: gate.now };
}
