// The secret rule alone (STK-SEC-001), for runs that print or write generated files without the
// whole policy gate: diff and plan (they print values files) and build with skipPolicies (it writes them).
// A plaintext secret stops both, as it stops check and build.
import { SECRET_RULES } from "../diagnostics/mask-secrets.js";
import type { Io } from "../io/io.js";
import { createPolicyStage } from "../policy/stage.js";
import type { PolicyStage } from "../policy/stage-types.js";

export function secretGate(io?: Io): PolicyStage {
  const catalog = createPolicyStage(io ? { io } : {});
  return { evaluate: (input) => catalog.evaluate(input).filter((d) => SECRET_RULES.has(d.code)) };
}
