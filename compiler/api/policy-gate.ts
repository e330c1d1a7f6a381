// The policy gate as check and build set it up: the shipped catalog plus the user policies,
// at one point in time, all read through the run's Io.
import type { PolicyInput } from "../policy/input.js";
import { type CatalogPolicyStage, createPolicyStage } from "../policy/stage.js";
import { loadUserPolicies } from "../policy/user/user-policies.js";
import type { PolicyRunOptions } from "./options.js";

/** Throws UserPolicyError when a user policy cannot be used (a usage error). */
export function policyGate(options: PolicyRunOptions, onInput?: (unit: { name: string }, input: PolicyInput) => void): CatalogPolicyStage {
  const cwd = options.cwd ?? process.cwd();
  const extraPolicies = loadUserPolicies(options.policies ?? [], {
    cwd,
    ...(options.io ? { io: options.io } : {}),
    ...(options.opa !== undefined ? { opa: options.opa } : {}),
    ...(options.env ? { env: options.env } : {}),
  });
  return createPolicyStage({
    now: options.now ?? new Date(),
    extraPolicies,
    ...(options.io ? { io: options.io } : {}),
    ...(onInput ? { onInput } : {}),
  });
}
