// Generates policies/capabilities.json: the builtins a stackc policy may call, derived from facts.
//
// `opa build -t wasm` turns every builtin that is not compiled natively into the wasm module into a
// host call; the opa-wasm SDK answers a few of those in JavaScript and stackc answers its own custom
// ones; anything else fails only at evaluation time, in a user's CI ("not implemented: built-in
// function …"). Building with this file as `--capabilities` moves that failure to `opa build`.
//
// The allow list is the union of
//   1. the builtins OPA compiles natively into wasm: the keys of `builtinsFunctions` in the pinned
//      OPA's internal/compiler/wasm/wasm.go, plus those the planner lowers to instructions itself
//      (`case ast.X.Name` in internal/planner/planner.go, i.e. `eq`), read from the Go module cache;
//   2. the builtins opa-wasm 1.10.0 implements in JS (the keys of its src/builtins/index.js);
//   3. stackc's custom builtins (compiler/policy/engine/builtins.ts, implemented with the semver package);
// minus EXCLUDED below. Every entry's `decl` comes from `opa capabilities --current` of the pinned
// opa, so the type checker sees exactly OPA's signatures. `features` is just rego_v1 (no template
// strings), `wasm_abi_versions` is what the SDK's own capabilities.json says it runs.
import { execFile } from "node:child_process";
import { readFileSync, readdirSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { OPA_MODULE, OPA_VERSION, opaPath } from "../tools/opa.mjs";

const run = promisify(execFile);
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "..");
export const CAPABILITIES_FILE = path.join(root, "policies", "capabilities.json");

/** Implemented in TypeScript (compiler/policy/engine/builtins.ts); test/policy checks the two lists agree. */
export const CUSTOM_BUILTINS = ["semver.compare", "semver.is_valid"];

/** Present in one of the sources above but refused on purpose, with the reason. */
export const EXCLUDED = {
  // `$"…{x}"` lowers to this. wasm.go maps it to a C implementation, but the feature is new
  // (OPA v1.12), its formatting of non-string values is not what TypeScript messages would say,
  // and messages are formatted in TypeScript anyway. The `template_strings` parser feature is
  // left out of `features` as well, so `$"…"` is a parse error.
  "internal.template_string": "template strings: messages are formatted in TypeScript",
};

/** Directory of the pinned OPA module in the Go module cache (downloaded if missing). */
export async function opaModuleDir() {
  try {
    const { stdout } = await run("go", ["mod", "download", "-json", `${OPA_MODULE}@${OPA_VERSION}`], {
      cwd: os.tmpdir(), // outside any go.mod, so no workspace or replace applies
      env: { ...process.env, GOFLAGS: "" },
      maxBuffer: 4 * 1024 * 1024,
    });
    const dir = JSON.parse(stdout).Dir;
    if (!dir) throw new Error(`no Dir in: ${stdout}`);
    return dir;
  } catch (err) {
    throw new Error(`cannot locate the source of ${OPA_MODULE}@${OPA_VERSION} (needs Go): ${err instanceof Error ? err.message : String(err)}`);
  }
}

/** Go identifier → builtin name, from `var X = &Builtin{ … Name: "x" …` in v1/ast/*.go. */
export function astBuiltinNames(opaDir) {
  const dir = path.join(opaDir, "v1", "ast");
  const names = new Map();
  for (const file of readdirSync(dir).filter((f) => f.endsWith(".go") && !f.endsWith("_test.go")).sort()) {
    const src = readFileSync(path.join(dir, file), "utf8");
    for (const m of src.matchAll(/^var (\w+) = &Builtin\{\n([\s\S]*?)^\}/gm)) {
      const name = /^\s*Name:\s*"([^"]+)"/m.exec(m[2] ?? "")?.[1];
      if (name) names.set(m[1], name);
    }
  }
  return names;
}

/** Builtin names compiled natively into wasm by the pinned OPA. */
export function wasmNativeBuiltins(opaDir) {
  const wasmGo = readFileSync(path.join(opaDir, "internal", "compiler", "wasm", "wasm.go"), "utf8");
  const block = /^var builtinsFunctions = map\[string\]string\{\n([\s\S]*?)^\}/m.exec(wasmGo)?.[1];
  if (!block) throw new Error("builtinsFunctions map not found in internal/compiler/wasm/wasm.go");
  const planner = readFileSync(path.join(opaDir, "internal", "planner", "planner.go"), "utf8");
  const idents = [
    ...[...block.matchAll(/^\s*ast\.(\w+)\.Name:\s*"\w+",/gm)].map((m) => m[1]),
    ...[...planner.matchAll(/^\s*case ast\.(\w+)\.Name:/gm)].map((m) => m[1]),
  ];
  // Every line of the map must have been understood: a format change must fail loudly, not shrink the list.
  const entries = block.split("\n").filter((l) => l.trim() !== "" && !l.trim().startsWith("//")).length;
  const mapped = [...block.matchAll(/^\s*ast\.(\w+)\.Name:\s*"\w+",/gm)].length;
  if (mapped !== entries) throw new Error(`wasm.go builtinsFunctions: understood ${mapped} of ${entries} lines`);
  const names = astBuiltinNames(opaDir);
  return new Set(
    idents.map((id) => {
      const name = names.get(id);
      if (!name) throw new Error(`ast.${id} (named in the wasm compiler) has no Builtin declaration in v1/ast`);
      return name;
    }),
  );
}

/** Builtins opa-wasm implements in JS, and its version and supported ABI versions. */
export function sdkFacts() {
  const require = createRequire(import.meta.url);
  const main = require.resolve("@open-policy-agent/opa-wasm"); // …/src/index.cjs ("./package.json" is not exported)
  const pkgDir = path.dirname(path.dirname(main));
  const version = JSON.parse(readFileSync(path.join(pkgDir, "package.json"), "utf8")).version;
  const builtins = Object.keys(require(path.join(pkgDir, "src", "builtins", "index.js")));
  const bundled = JSON.parse(readFileSync(path.join(pkgDir, "capabilities.json"), "utf8"));
  return { version, builtins: new Set(builtins), wasmAbiVersions: bundled.wasm_abi_versions };
}

/** `opa capabilities --current` of the pinned binary: name → full builtin entry. */
export async function currentCapabilities(opa = opaPath()) {
  const { stdout } = await run(opa, ["capabilities", "--current"], { maxBuffer: 64 * 1024 * 1024 });
  return JSON.parse(stdout);
}

/** The capabilities object (deterministic: sorted builtins, fixed key order). */
export async function generateCapabilities({ opa = opaPath() } = {}) {
  const opaDir = await opaModuleDir();
  const native = wasmNativeBuiltins(opaDir);
  const sdk = sdkFacts();
  if (sdk.version !== "1.10.0") throw new Error(`expected @open-policy-agent/opa-wasm 1.10.0, found ${sdk.version}`);
  const current = await currentCapabilities(opa);
  const decls = new Map(current.builtins.map((b) => [b.name, b]));

  const wanted = new Set([...native, ...sdk.builtins, ...CUSTOM_BUILTINS]);
  for (const name of Object.keys(EXCLUDED)) wanted.delete(name);
  const builtins = [...wanted].sort().map((name) => {
    const b = decls.get(name);
    if (!b) throw new Error(`builtin ${name} is not known to opa ${OPA_VERSION} (\`opa capabilities --current\`)`);
    // As in OPA's own capabilities/<version>.json: every key but the documentation
    // (description, categories, argument names), so an OPA bump only shows real changes.
    const { description: _d, categories: _c, decl, ...rest } = b;
    return { ...rest, decl: stripDescriptions(decl) };
  });
  return {
    builtins,
    features: ["rego_v1"],
    wasm_abi_versions: sdk.wasmAbiVersions,
  };
}

/** Remove documentation-only keys (`description`, `name` of args/results) recursively. */
function stripDescriptions(value) {
  if (Array.isArray(value)) return value.map(stripDescriptions);
  if (value && typeof value === "object") {
    const out = {};
    for (const [k, v] of Object.entries(value)) {
      if (k === "description" || (k === "name" && typeof v === "string")) continue;
      out[k] = stripDescriptions(v);
    }
    return out;
  }
  return value;
}

export function serializeCapabilities(caps) {
  return JSON.stringify(caps, null, 2) + "\n";
}

export async function writeCapabilities(options = {}) {
  const caps = await generateCapabilities(options);
  writeFileSync(CAPABILITIES_FILE, serializeCapabilities(caps));
  return caps;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  writeCapabilities()
    .then((caps) => console.log(`${path.relative(root, CAPABILITIES_FILE)}: ${caps.builtins.length} builtins`))
    .catch((err) => {
      console.error(err instanceof Error ? err.message : String(err));
      process.exit(1);
    });
}
