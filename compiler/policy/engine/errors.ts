// opa-wasm throws strings, plain objects and Errors (see policies/README.md): everything that
// leaves compiler/policy is an Error, so the CLI's one error boundary can treat it as an
// internal error with a message.

/** A policy could not be loaded or evaluated, or returned something off-contract: a stackc bug. */
export class PolicyError extends Error {
  override name = "PolicyError";
}

/** Any thrown value as an Error (a string becomes its message; `{message}` objects too). */
export function toError(thrown: unknown, context?: string): Error {
  let message: string;
  if (thrown instanceof Error) {
    if (context === undefined) return thrown;
    message = thrown.message;
  } else if (typeof thrown === "string") {
    message = thrown;
  } else if (thrown !== null && typeof thrown === "object" && typeof (thrown as { message?: unknown }).message === "string") {
    message = (thrown as { message: string }).message;
  } else {
    message = safeJson(thrown);
  }
  return new PolicyError(context === undefined ? message : `${context}: ${message}`, { cause: thrown });
}

function safeJson(value: unknown): string {
  try {
    return JSON.stringify(value) ?? String(value);
  } catch {
    return String(value);
  }
}
