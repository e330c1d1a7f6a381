// Evaluating the policy bundle: one wasm instance per run, `data` set once, one evaluation of
// stackc/main/findings per stack. Results come back as typed, validated, sorted objects;
// turning them into diagnostics (messages, locations) is diagnostics.ts's job.
import type { PathSegment } from "../../load/pointer.js";
import { type PolicyBundle, FINDINGS_ENTRYPOINT, loadBundle } from "./bundle.js";
import { customBuiltins } from "./builtins.js";
import { PolicyError } from "./errors.js";
import { type Builtins, type MemoryPages, instantiatePolicy } from "./opa-wasm.js";

import type { Io } from "../../io/io.js";

/**
 * What a policy evaluates: any JSON object. stackc passes its PolicyInput (policy/input.ts); the
 * engine does not depend on its shape, so it sits below the layer that builds it.
 */
export type EngineInput = object;

/** One finding of one rule, as the Rego returned it. */
export interface PolicyResult {
  /** Rule id, e.g. "STK-NET-003". */
  id: string;
  /** Where in input.stack the problem is, e.g. ["spec", "cluster", "api", "access", 0]. */
  path: PathSegment[];
  /** Facts for the message (formatted in TypeScript, see messages.ts). */
  data: Record<string, unknown>;
}

export interface PolicyResults {
  deny: PolicyResult[];
  warn: PolicyResult[];
}

export interface PolicyEngineOptions {
  /** A bundle folder other than the shipped policies/bundle (tests, user bundles). */
  bundleDir?: string;
  /** Reads the bundle (default: the node file system). */
  io?: Io;
  /** An already loaded bundle (wins over bundleDir). */
  bundle?: PolicyBundle;
  /** Default 16 initial pages (1 MiB), at most 4096 (256 MiB: what MAX_POLICY_INPUT_NODES needs). */
  memory?: MemoryPages;
  /** Host builtins; default customBuiltins (semver.*). */
  builtins?: Builtins;
  /** `data` for the policies, set once. Default {}. */
  data?: Readonly<Record<string, unknown>>;
}

export interface PolicyEngine {
  readonly entrypoints: readonly string[];
  evaluate(input: EngineInput): PolicyResults;
}

// Memory only grows as an evaluation needs it; the maximum fits the largest input the stage lets
// through (input-limit.ts), so a valid stack is evaluated rather than failing in opa_malloc.
export const DEFAULT_MEMORY: Readonly<MemoryPages> = Object.freeze({ initial: 16, maximum: 4096 });

/** One policy instance; evaluate it once per stack of the run. */
export function createPolicyEngine(options: PolicyEngineOptions = {}): PolicyEngine {
  const bundle = options.bundle ?? loadBundle(options.bundleDir, options.io);
  if (!bundle.entrypoints.includes(FINDINGS_ENTRYPOINT)) {
    throw new PolicyError(`the policy bundle in ${bundle.dir} has no ${FINDINGS_ENTRYPOINT} entrypoint`);
  }
  const policy = instantiatePolicy(bundle.module, options.memory ?? DEFAULT_MEMORY, options.builtins ?? customBuiltins);
  // Resets the heap to its base: once, here, never between evaluations.
  policy.setData(options.data ?? {});
  const entrypoints = Object.freeze(Object.keys(policy.entrypoints).sort());
  return {
    entrypoints,
    evaluate(input) {
      // Each evaluation starts from the heap base (ABI 1.2+ fast path), so a failed one
      // (memory maximum, abort) does not poison the next: test/policy/errors.test.ts.
      const values = policy.evaluate(input, FINDINGS_ENTRYPOINT);
      if (values.length !== 1) {
        throw new PolicyError(`${FINDINGS_ENTRYPOINT} returned ${values.length} results, expected exactly 1`);
      }
      return parseFindings(values[0]);
    },
  };
}

let defaultEngine: PolicyEngine | undefined;

/**
 * Evaluate the shipped policies. Without an engine, one is created on first use and reused for
 * the rest of the process (a CLI run); long-lived callers should create and drop their own.
 */
export function evaluatePolicies(input: EngineInput, engine?: PolicyEngine): PolicyResults {
  return (engine ?? (defaultEngine ??= createPolicyEngine())).evaluate(input);
}

/** Validates the findings object; anything off-contract is a bug in a policy, so it throws. */
export function parseFindings(value: unknown): PolicyResults {
  if (value === null || typeof value !== "object" || Array.isArray(value)) {
    throw new PolicyError(`${FINDINGS_ENTRYPOINT} is not an object: ${preview(value)}`);
  }
  const v = value as { deny?: unknown; warn?: unknown };
  return { deny: parseList(v.deny, "deny"), warn: parseList(v.warn, "warn") };
}

function parseList(list: unknown, kind: string): PolicyResult[] {
  if (!Array.isArray(list)) throw new PolicyError(`${FINDINGS_ENTRYPOINT}.${kind} is not a set: ${preview(list)}`);
  return list.map((item) => parseResult(item, kind)).sort(compareResults);
}

const ID = /^[A-Z][A-Z0-9]*(-[A-Z0-9]+)+$/;

function parseResult(item: unknown, kind: string): PolicyResult {
  const r = item as Partial<PolicyResult> | null;
  const bad = (why: string): never => {
    throw new PolicyError(`a ${kind} finding ${why} (expected {id, path, data}): ${preview(item)}`);
  };
  if (r === null || typeof r !== "object" || Array.isArray(r)) return bad("is not an object");
  if (typeof r.id !== "string" || !ID.test(r.id)) return bad("has no rule id");
  if (!Array.isArray(r.path) || !r.path.every((s) => typeof s === "string" || (Number.isInteger(s) && s >= 0))) {
    return bad("has no path (an array of keys and indexes)");
  }
  if (r.data === null || typeof r.data !== "object" || Array.isArray(r.data)) return bad("has no data object");
  const extra = Object.keys(r).filter((k) => k !== "id" && k !== "path" && k !== "data");
  if (extra.length > 0) return bad(`has unexpected keys ${extra.join(", ")}`);
  return { id: r.id, path: [...r.path], data: r.data };
}

/** Deterministic order: id, then path, then data (wasm returns sets in no promised order). */
export function compareResults(a: PolicyResult, b: PolicyResult): number {
  if (a.id !== b.id) return a.id < b.id ? -1 : 1;
  const n = Math.min(a.path.length, b.path.length);
  for (let i = 0; i < n; i++) {
    const x = a.path[i]!;
    const y = b.path[i]!;
    if (x === y) continue;
    if (typeof x === "number" && typeof y === "number") return x - y;
    return String(x) < String(y) ? -1 : 1;
  }
  if (a.path.length !== b.path.length) return a.path.length - b.path.length;
  const da = JSON.stringify(a.data);
  const db = JSON.stringify(b.data);
  return da < db ? -1 : da > db ? 1 : 0;
}

function preview(value: unknown): string {
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 200 ? `${text.slice(0, 200)}…` : text;
}
