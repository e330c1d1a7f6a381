// `stackc build` as a function: check, then write out/<stack>/ for every stack — all or nothing.
// The policy gate is on by default, exactly as in `stackc check` (user policies and waivers
// included), so a library caller cannot write a stack the CLI would refuse by forgetting an
// option. Building without policies takes an explicit `skipPolicies: true`, and is never
// silent: the result says so and carries a warning (STK-POLICY-006) that every reporter shows.
import { diag } from "../diagnostics/codes.js";
import { compareDiagnostics } from "../diagnostics/diagnostic.js";
import type { RuleMeta } from "../policy/catalog/rules.js";
import { nodeIo } from "../io/node-io.js";
import { type FleetResult, runFleet } from "../fleet/run.js";
import { type FleetRunOptions, fleetSettings } from "../fleet/settings.js";
import type { PolicyRunOptions } from "./options.js";
import { policyGate } from "./policy-gate.js";
import { secretGate } from "./secret-gate.js";

export interface BuildOptions extends PolicyRunOptions, FleetRunOptions {
  /** Output root (default `out`), relative to cwd. */
  outDir?: string;
  /** Build without evaluating any policy. Explicit and reported: the result carries STK-POLICY-006. */
  skipPolicies?: boolean;
  /** Overwrite generated files edited by hand and delete files added by hand in out/<stack>/ (drift). */
  force?: boolean;
  /** How long to wait for another stackc's lock on out/, in milliseconds (default 30 s; 0: fail at once). */
  lockTimeoutMs?: number;
}

export interface BuildResult extends FleetResult {
  /** "enforced": every stack passed the policy gate before anything was written. */
  policyGate: "enforced" | "skipped";
  /** The rule catalog evaluated (empty when skipped). */
  rules: readonly RuleMeta[];
}

/** Rejects with UserPolicyError when a user policy cannot be loaded or compiled. */
export async function build(paths: readonly string[], options: BuildOptions = {}): Promise<BuildResult> {
  const cwd = options.cwd ?? process.cwd();
  const io = options.io ?? nodeIo;
  const outDir = options.outDir ?? "out";
  // each stack is compiled, gated and staged by its own task (worker threads for a fleet), and
  // every staged stack swapped into out/ only when the whole run is free of errors
  if (options.skipPolicies) {
    // even without the gate, a plaintext secret is never written: the secret rule runs (in this thread)
    const fleet = await fleetSettings({ ...options, cache: false }, { cwd, io, key: { mode: "plain", today: "", outDir } });
    const result = await runFleet(paths, { mode: "build", cwd, io, outDir, policy: secretGate(io), inProcessOnly: true, ...(options.force ? { force: true } : {}), ...(options.lockTimeoutMs !== undefined ? { lockTimeoutMs: options.lockTimeoutMs } : {}), ...fleet, ...(options.allowOutside?.length ? { allowOutside: options.allowOutside } : {}) });
    const skipped = diag("STK-POLICY-006", "Built without the policy gate (skipPolicies): no policy rule, user policy or waiver was evaluated", {
      hint: "Run stackc check on these manifests before applying the output",
    });
    return { ...result, diagnostics: [...result.diagnostics, skipped].sort(compareDiagnostics), policyGate: "skipped", rules: [] };
  }
  const gate = policyGate(options);
  const inProcessOnly = (options.policies ?? []).length > 0;
  // a cached result says nothing about which folders were allowed: no cache with --allow-outside
  const fleet = await fleetSettings(inProcessOnly || options.allowOutside?.length ? { ...options, cache: false } : options, {
    cwd,
    io,
    key: { mode: "gate", today: gate.now.toISOString().slice(0, 10), outDir },
  });
  const result = await runFleet(paths, { mode: "build", cwd, io, outDir, now: gate.now, policy: gate, inProcessOnly, ...(options.force ? { force: true } : {}), ...(options.lockTimeoutMs !== undefined ? { lockTimeoutMs: options.lockTimeoutMs } : {}), ...fleet, ...(options.allowOutside?.length ? { allowOutside: options.allowOutside } : {}) });
  return { ...result, policyGate: "enforced", rules: gate.rules };
}
