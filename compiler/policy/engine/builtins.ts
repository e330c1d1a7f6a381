// stackc's custom builtins: OPA's own semver.is_valid / semver.compare, which the wasm compiler
// leaves to the host. They keep OPA's names so `opa test` (the interpreter, OPA's Go
// implementation) and the wasm bundle (these) run the same Rego; test/policy/builtins.test.ts
// compares the two on a table of versions. They mirror OPA v1.22's internal/semver:
//   - one optional leading "v" ("v1.2.3" is valid, "vv1.2.3" and "V1.2.3" are not);
//   - no surrounding whitespace (the npm package trims, OPA does not);
//   - strict SemVer 2.0.0 otherwise (no leading zeros, no "=" prefix, no loose forms);
//   - invalid input: is_valid → false; compare → undefined (OPA's builtin error, which
//     non-strict evaluation turns into an undefined expression) instead of an exception that
//     would abort the whole evaluation.
// Known, deliberate gaps (stackc is stricter): the npm package refuses versions longer than 256
// characters and numeric parts above 2^53-1, OPA accepts them up to int64.
// scripts/policy/capabilities.mjs declares the same names (CUSTOM_BUILTINS) for `opa build`.
import semver from "semver";
import type { Builtins } from "./opa-wasm.js";

function parseLikeOpa(value: unknown): semver.SemVer | undefined {
  if (typeof value !== "string") return undefined;
  const bare = value.startsWith("v") ? value.slice(1) : value;
  if (bare !== bare.trim() || bare.startsWith("v")) return undefined;
  return semver.parse(bare, { loose: false }) ?? undefined;
}

export function semverIsValid(value: unknown): boolean {
  return parseLikeOpa(value) !== undefined;
}

export function semverCompare(a: unknown, b: unknown): -1 | 0 | 1 | undefined {
  const va = parseLikeOpa(a);
  const vb = parseLikeOpa(b);
  if (!va || !vb) return undefined;
  return semver.compare(va, vb);
}

/** The host builtins every stackc policy instance gets. */
export const customBuiltins: Builtins = Object.freeze({
  "semver.is_valid": semverIsValid,
  "semver.compare": semverCompare,
});
