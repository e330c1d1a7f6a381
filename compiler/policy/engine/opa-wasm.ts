// A typed wrapper over @open-policy-agent/opa-wasm 1.10.0.
//
// The package's ESM entry only exports loadPolicy (named) and a default object, so the named
// `loadPolicySync` import type-checks and then fails at run time; its CommonJS build is complete,
// so it is loaded through createRequire. The SDK's own types are `any`-typed; this module is the
// only place that touches them, and every value it throws is normalised to an Error.
import { createRequire } from "node:module";
import { toError } from "./errors.js";

type OpaWasmSdk = typeof import("@open-policy-agent/opa-wasm");
type SdkPolicy = ReturnType<OpaWasmSdk["loadPolicySync"]>;

const require = createRequire(import.meta.url);
let sdk: OpaWasmSdk | undefined;
function opaWasm(): OpaWasmSdk {
  return (sdk ??= require("@open-policy-agent/opa-wasm") as OpaWasmSdk);
}

/** A host implementation of a builtin: JSON-decoded arguments in, a JSON value (or undefined) out. */
export type BuiltinImpl = (...args: never[]) => unknown;
export type Builtins = Readonly<Record<string, BuiltinImpl>>;

/**
 * A compiled WebAssembly module (a WebAssembly.Module at run time). Declared opaquely so the
 * published types compile without the DOM or Node libraries, which are what declare WebAssembly.
 */
export type WasmModule = object;

/** Wasm memory in 64 KiB pages; memory only grows, so `maximum` bounds a run. */
export interface MemoryPages {
  initial: number;
  maximum: number;
}

export interface WasmPolicy {
  /** Entrypoint name ("stackc/main/findings") → id. */
  readonly entrypoints: Readonly<Record<string, number>>;
  /** The values of the result set (`[{result}]` → `[result]`); empty when the entrypoint is undefined. */
  evaluate(input: unknown, entrypoint: string): unknown[];
  /** Replaces `data`; resets the heap, so call it once, before evaluating. */
  setData(data: unknown): void;
}

/** Instantiate a compiled policy module (cheap: ~0.2 ms; compiling the Module is the costly part). */
export function instantiatePolicy(module: WasmModule, memory: MemoryPages, builtins: Builtins = {}): WasmPolicy {
  let policy: SdkPolicy;
  try {
    // The SDK mutates the descriptor it is given; hand it a copy.
    policy = opaWasm().loadPolicySync(module as WebAssembly.Module, { ...memory }, builtins as Record<string, (...args: unknown[]) => unknown>);
  } catch (thrown) {
    throw toError(thrown, "cannot instantiate the policy module");
  }
  const entrypoints = Object.freeze({ ...(policy.entrypoints as Record<string, number>) });
  return {
    entrypoints,
    evaluate(input, entrypoint) {
      // Checked here because the SDK would throw a bare string for an unknown name.
      if (!Object.prototype.hasOwnProperty.call(entrypoints, entrypoint)) {
        throw toError(`entrypoint ${entrypoint} is not in this policy (has ${Object.keys(entrypoints).join(", ")})`);
      }
      let resultSet: unknown;
      try {
        resultSet = policy.evaluate(input, entrypoint);
      } catch (thrown) {
        throw toError(thrown, `evaluating ${entrypoint}`);
      }
      if (!Array.isArray(resultSet)) throw toError(`evaluating ${entrypoint}: result set is not an array`);
      return resultSet.map((r: unknown) => (r !== null && typeof r === "object" ? (r as { result?: unknown }).result : undefined));
    },
    setData(data) {
      try {
        policy.setData(data as object);
      } catch (thrown) {
        throw toError(thrown, "setting policy data");
      }
    },
  };
}
