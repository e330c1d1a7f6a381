// The compiled policy bundle (policies/bundle/policy.wasm + .manifest), read through the Io and
// compiled once per Io and folder: compiling the module is the costly step (~ms); instantiating
// it is ~0.2 ms.
import path from "node:path";
import { assetPath, cachedRead } from "../../assets/assets.js";
import type { Io } from "../../io/io.js";
import { nodeIo } from "../../io/node-io.js";
import { PolicyError, toError } from "./errors.js";
import type { WasmModule } from "./opa-wasm.js";

/** The bundle folder shipped with stackc (policies/bundle, beside dist/). */
export function defaultBundleDir(): string {
  return path.dirname(assetPath("policyWasm"));
}

/** The entrypoint stackc evaluates (first of scripts/policy/build.mjs ENTRYPOINTS). */
export const FINDINGS_ENTRYPOINT = "stackc/main/findings";

export interface PolicyBundle {
  dir: string;
  module: WasmModule;
  /** Entrypoints named in the bundle's .manifest. */
  entrypoints: readonly string[];
  /** Size of policy.wasm in bytes. */
  size: number;
}

export function loadBundle(dir: string = defaultBundleDir(), io: Io = nodeIo): PolicyBundle {
  const key = path.resolve(dir);
  return cachedRead(io, `bundle:${key}`, () => readBundle(key, io));
}

function readBundle(key: string, io: Io): PolicyBundle {
  let bytes: Uint8Array<ArrayBuffer>;
  let manifest: { wasm?: { entrypoint?: unknown }[] };
  try {
    // a plain ArrayBuffer-backed copy: WebAssembly.Module's BufferSource excludes Node's pooled Buffers
    bytes = new Uint8Array(io.readBytesSync(path.join(key, "policy.wasm")));
    manifest = JSON.parse(io.readTextSync(path.join(key, ".manifest"))) as typeof manifest;
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
  return { dir: key, module, entrypoints, size: bytes.length };
}
