// The compiled policy bundle (policies/bundle/policy.wasm + .manifest), read and compiled once
// per process: compiling the module is the costly step (~ms); instantiating it is ~0.2 ms.
import { readFileSync } from "node:fs";
import path from "node:path";
import { PolicyError, toError } from "./errors.js";
import { defaultBundleDir } from "../catalog/rules.js";

/** The entrypoint stackc evaluates (first of scripts/policy/build.mjs ENTRYPOINTS). */
export const FINDINGS_ENTRYPOINT = "stackc/main/findings";

export interface PolicyBundle {
  dir: string;
  module: WebAssembly.Module;
  /** Entrypoints named in the bundle's .manifest. */
  entrypoints: readonly string[];
  /** Size of policy.wasm in bytes. */
  size: number;
}

const cache = new Map<string, PolicyBundle>();

export function loadBundle(dir: string = defaultBundleDir()): PolicyBundle {
  const key = path.resolve(dir);
  const cached = cache.get(key);
  if (cached) return cached;
  let bytes: Uint8Array<ArrayBuffer>;
  let manifest: { wasm?: { entrypoint?: unknown }[] };
  try {
    // a plain ArrayBuffer-backed copy: WebAssembly.Module's BufferSource excludes Node's pooled Buffers
    bytes = new Uint8Array(readFileSync(path.join(key, "policy.wasm")));
    manifest = JSON.parse(readFileSync(path.join(key, ".manifest"), "utf8")) as typeof manifest;
  } catch (err) {
    throw new PolicyError(`cannot read the policy bundle in ${key}: ${err instanceof Error ? err.message : String(err)}`);
  }
  const entrypoints = (manifest.wasm ?? []).map((w) => w.entrypoint).filter((e): e is string => typeof e === "string");
  let module: WebAssembly.Module;
  try {
    module = new WebAssembly.Module(bytes);
  } catch (thrown) {
    throw toError(thrown, `${path.join(key, "policy.wasm")} is not a valid wasm module`);
  }
  const bundle: PolicyBundle = { dir: key, module, entrypoints, size: bytes.length };
  cache.set(key, bundle);
  return bundle;
}
