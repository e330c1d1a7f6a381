// `stackc check` as a function — the CI gate: schema, consistency checks, the emitters (in
// memory) and the policies (catalog, user policies, waivers). Writes nothing, except the policy
// inputs when asked to (dumpPolicyInput).
import path from "node:path";
import { compile, type CompileResult } from "../compile/compile.js";
import { diag } from "../diagnostics/codes.js";
import { compareDiagnostics } from "../diagnostics/diagnostic.js";
import { openBaseline } from "../plan/baseline.js";
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
  /** Output root whose last builds are the change rules' baseline (default `out`), relative to cwd. */
  outDir?: string;
  /** Change rules: compare with out/ as committed at this git ref (e.g. origin/main). */
  baseline?: string;
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
  const outDir = options.outDir ?? "out";
  // a --baseline ref that cannot be read is a usage error, said once (not once per stack)
  if (options.baseline !== undefined) {
    const opened = await openBaseline({ cwd, outDir, io, ref: options.baseline });
    if ("problem" in opened) {
      const result = await compile(paths, { cwd, io, outDir, ...(options.allowOutside?.length ? { allowOutside: options.allowOutside } : {}) });
      const d = diag("STK-CHANGE-013", opened.problem, { hint: "Give a branch, tag or commit that exists (in CI, fetch it first)" });
      return { ...result, diagnostics: [...result.diagnostics, d].sort(compareDiagnostics), usageError: true, fromCache: 0, rules: [], now: options.now ?? new Date() };
    }
  }
  const inputs = new Map<string, unknown>();
  const gate = policyGate({ ...options, cwd, io }, dumpDir === undefined ? undefined : (model, input) => inputs.set(model.name, input));
  // user policies and the input dump belong to this thread, and neither is in the cache key
  const inProcessOnly = (options.policies ?? []).length > 0 || dumpDir !== undefined;
  // the change rules against a git ref are not in the cache key either, and a cached result says
  // nothing about which folders were allowed: no cache with --allow-outside
  const noCache = inProcessOnly || options.baseline !== undefined || (options.allowOutside?.length ?? 0) > 0;
  const fleet = await fleetSettings(noCache ? { ...options, cache: false } : options, {
    cwd,
    io,
    key: { mode: "gate", today: gate.now.toISOString().slice(0, 10), outDir },
  });
  const result = await runFleet(paths, {
    mode: "check",
    cwd,
    io,
    outDir,
    now: gate.now,
    policy: gate,
    inProcessOnly,
    ...(options.baseline !== undefined ? { baseline: options.baseline } : {}),
    ...fleet,
    ...(options.allowOutside?.length ? { allowOutside: options.allowOutside } : {}),
  });
  if (dumpDir !== undefined) await writePolicyInputs(dumpDir, inputs, io);
  return { ...result, rules: gate.rules, now: gate.now };
}
