// Names of AWS objects the emitter creates (IAM roles and policies, KMS aliases). They are derived
// from the stack name so two stacks in one account never collide, and kept within AWS's length
// limits deterministically: a name that is too long keeps its start and ends in a short hash of
// the full name, so it stays unique and the same on every build.
import { createHash } from "node:crypto";

/** IAM role names: at most 64 characters. */
export const IAM_ROLE_NAME_MAX = 64;
/** IAM policy names: at most 128 characters. */
export const IAM_POLICY_NAME_MAX = 128;

export function boundedName(name: string, max: number): string {
  if (name.length <= max) return name;
  const hash = createHash("sha256").update(name).digest("hex").slice(0, 8);
  return `${name.slice(0, max - hash.length - 1)}-${hash}`;
}
