// User policies (`stackc check --policy <dir|bundle.tar.gz>`), in conftest's convention:
//
//   - rules named deny, violation (failures) or warn (warnings), each optionally with a suffix
//     (deny_missing_owner, warn_2), in any package under the directory (conftest's default
//     namespace is `main`; every package is read here, like conftest --all-namespaces);
//   - each result is a string (the message) or an object with a string `msg`, optionally
//     `path` (an array of keys and indexes into the manifest, input.stack) to locate the
//     finding; other keys become the diagnostic's data;
//   - `input` is the same as the catalog's: {stack, model, artifacts, facts} (input.stack is
//     the manifest with defaults applied).
//
// A directory is compiled with the pinned opa (.tools/bin/opa, or `opa` on PATH, or
// $STACKC_OPA) to a wasm bundle in a temp dir: `opa build -t wasm -O=0` with one entrypoint
// per rule (and stackc's capabilities file when it ships, so unsupported builtins fail at
// build time). A file path is taken as a prebuilt bundle.tar.gz (opa build -t wasm) and its
// .manifest entrypoints whose last segment is a deny/warn/violation name are used.
//
// Codes are stable: USER-<package>-<rule>, e.g. USER-main-deny, USER-acme.tags-warn_owner.
// deny/violation → error, warn → warning.
import path from "node:path";
import { assetPath, packagePath } from "../../assets/assets.js";
import { diag } from "../../diagnostics/codes.js";
import type { Diagnostic } from "../../diagnostics/diagnostic.js";
import { type PathSegment, toPointer } from "../../load/pointer.js";
import type { Io } from "../../io/io.js";
import { nodeIo } from "../../io/node-io.js";
import type { Locate } from "../catalog/diagnostics.js";
import { customBuiltins } from "../engine/builtins.js";
import { DEFAULT_MEMORY } from "../engine/evaluate.js";
import type { EngineInput } from "../engine/evaluate.js";
import { type WasmPolicy, instantiatePolicy } from "../engine/opa-wasm.js";
import { readTarGz } from "../engine/tar.js";

/** conftest's rule names (policy/engine.go), with the optional _suffix. */
export const USER_RULE = /^(deny|violation|warn)(_[A-Za-z0-9]+)*$/;

export interface UserEntrypoint {
  /** "acme/tags/deny_owner" */
  entrypoint: string;
  /** "acme.tags" */
  package: string;
  /** "deny_owner" */
  rule: string;
  severity: "error" | "warning";
  /** USER-<package>-<rule> */
  code: string;
}

export interface UserPolicy {
  /** What the user passed (for messages). */
  source: string;
  entrypoints: UserEntrypoint[];
  policy: WasmPolicy;
}

/** A --policy argument that cannot be used: the CLI reports it as a usage error (exit 2). */
export class UserPolicyError extends Error {
  override name = "UserPolicyError";
}

export function userCode(pkg: string, rule: string): string {
  return `USER-${pkg}-${rule}`;
}

function entry(pkg: string, rule: string): UserEntrypoint {
  return {
    entrypoint: `${pkg.replace(/\./g, "/")}/${rule}`,
    package: pkg,
    rule,
    severity: rule.startsWith("warn") ? "warning" : "error",
    code: userCode(pkg, rule),
  };
}

export interface LoadUserPoliciesOptions {
  cwd: string;
  /** opa to compile with; null: none available (tests). Default: $STACKC_OPA, .tools/bin/opa, opa on PATH. */
  opa?: string | null;
  env?: Readonly<Record<string, string | undefined>>;
  /** Reads the policies, runs opa, holds its temporary folder (default: the node file system). */
  io?: Io;
}

/** Compile or load every --policy argument. Throws UserPolicyError for one that cannot be used. */
export function loadUserPolicies(args: readonly string[], options: LoadUserPoliciesOptions): UserPolicy[] {
  const io = options.io ?? nodeIo;
  return args.map((arg) => {
    const full = path.resolve(options.cwd, arg);
    const stat = io.statSync(full);
    if (!stat) throw new UserPolicyError(`--policy ${arg}: no such file or directory`);
    if (stat.isFile) return loadPrebuilt(arg, full, io);
    return compileDirectory(arg, full, options, io);
  });
}

/** The .rego files under a directory (tests excluded), repository-style sorted relative paths. */
function regoFiles(dir: string, io: Io): string[] {
  const out: string[] = [];
  const walk = (rel: string) => {
    for (const e of io.readDirSync(path.join(dir, rel)).sort((a, b) => (a.name < b.name ? -1 : 1))) {
      const child = rel === "" ? e.name : `${rel}/${e.name}`;
      if (e.isDirectory) walk(child);
      else if (e.isFile && e.name.endsWith(".rego") && !e.name.endsWith("_test.rego")) out.push(child);
    }
  };
  walk("");
  return out;
}

/** Packages and conftest rule names declared in Rego source (rule heads start a line). */
export function declaredRules(source: string): { package: string; rule: string }[] {
  const pkg = /^package\s+([A-Za-z_][\w.]*)\s*$/m.exec(source)?.[1];
  if (!pkg) return [];
  const rules = new Set<string>();
  // Multi-value rules (deny contains …, or deny[…] in older syntax), as conftest queries them;
  // a complete rule with a conftest-like name (deny_count := 3) is a helper, not a check.
  for (const m of source.matchAll(/^((?:deny|violation|warn)(?:_[A-Za-z0-9]+)*)(?=\s*(?:contains\b|\[))/gm)) rules.add(m[1]!);
  return [...rules].sort().map((rule) => ({ package: pkg, rule }));
}

function findOpa(options: LoadUserPoliciesOptions, io: Io): string | undefined {
  if (options.opa !== undefined) return options.opa ?? undefined;
  const env = options.env ?? process.env;
  const candidates = [
    ...(env.STACKC_OPA ? [env.STACKC_OPA] : [
      packagePath(".tools", "bin", process.platform === "win32" ? "opa.exe" : "opa"),
      path.join(options.cwd, ".tools", "bin", "opa"),
      "opa",
    ]),
  ];
  for (const bin of candidates) {
    const r = io.spawnSync(bin, ["version"], { timeout: 30_000 });
    if (!r.error && r.status === 0) return bin;
  }
  return undefined;
}

function compileDirectory(arg: string, dir: string, options: LoadUserPoliciesOptions, io: Io): UserPolicy {
  const files = regoFiles(dir, io);
  if (files.length === 0) throw new UserPolicyError(`--policy ${arg}: no .rego files in the directory`);
  const seen = new Map<string, UserEntrypoint>();
  for (const f of files) {
    for (const r of declaredRules(io.readTextSync(path.join(dir, f)))) {
      const e = entry(r.package, r.rule);
      seen.set(e.entrypoint, e);
    }
  }
  const entrypoints = [...seen.values()].sort((a, b) => (a.entrypoint < b.entrypoint ? -1 : 1));
  if (entrypoints.length === 0) {
    throw new UserPolicyError(`--policy ${arg}: no deny, warn or violation rules (conftest convention) in ${files.join(", ")}`);
  }
  const opa = findOpa(options, io);
  if (!opa) {
    throw new UserPolicyError(
      `--policy ${arg}: compiling Rego needs opa, and none was found (.tools/bin/opa, opa on PATH, or $STACKC_OPA). ` +
        `Install opa, or pass a prebuilt bundle instead: opa build -t wasm -e <package>/deny -o bundle.tar.gz ${arg} && stackc check --policy bundle.tar.gz …`,
    );
  }
  const tmp = io.makeTempDirSync("stackc-user-policy-");
  try {
    const out = path.join(tmp, "bundle.tar.gz");
    const args = ["build", "-t", "wasm", "-O=0"];
    const caps = assetPath("policyCapabilities");
    if (io.statSync(caps)?.isFile) args.push("--capabilities", caps);
    for (const e of entrypoints) args.push("-e", e.entrypoint);
    args.push("-o", out, ...files);
    const r = io.spawnSync(opa, args, { cwd: dir, timeout: 120_000 });
    if (r.error || r.status !== 0) {
      const why = (r.stderr || r.stdout || String(r.error ?? "")).trim();
      throw new UserPolicyError(`--policy ${arg}: opa build failed:\n${why}`);
    }
    const wasm = readTarGz(io.readBytesSync(out), ["/policy.wasm"]).get("/policy.wasm");
    if (!wasm) throw new UserPolicyError(`--policy ${arg}: opa build wrote no /policy.wasm`);
    return fromBundleBytes(arg, wasm, entrypoints);
  } finally {
    io.removeSync(tmp);
  }
}

function loadPrebuilt(arg: string, file: string, io: Io): UserPolicy {
  if (!/\.(tar\.gz|tgz)$/.test(file)) {
    throw new UserPolicyError(`--policy ${arg}: expected a directory of .rego files or a bundle.tar.gz built with opa build -t wasm`);
  }
  let manifestEntrypoints: string[];
  let entries: Map<string, Buffer>;
  try {
    entries = readTarGz(io.readBytesSync(file), ["/policy.wasm", "/.manifest"]);
    const manifest = JSON.parse(entries.get("/.manifest")?.toString("utf8") ?? "{}") as { wasm?: { entrypoint?: unknown }[] };
    manifestEntrypoints = (manifest.wasm ?? []).map((w) => w.entrypoint).filter((e): e is string => typeof e === "string");
  } catch (err) {
    throw new UserPolicyError(`--policy ${arg}: not a readable bundle: ${err instanceof Error ? err.message : String(err)}`);
  }
  if (!entries.has("/policy.wasm")) throw new UserPolicyError(`--policy ${arg}: the bundle has no /policy.wasm (build it with opa build -t wasm)`);
  const entrypoints = manifestEntrypoints
    .map((e) => {
      const parts = e.split("/");
      const rule = parts.pop()!;
      return USER_RULE.test(rule) && parts.length > 0 ? entry(parts.join("."), rule) : undefined;
    })
    .filter((e): e is UserEntrypoint => e !== undefined)
    .sort((a, b) => (a.entrypoint < b.entrypoint ? -1 : 1));
  if (entrypoints.length === 0) {
    throw new UserPolicyError(`--policy ${arg}: the bundle has no deny, warn or violation entrypoint (has ${manifestEntrypoints.join(", ") || "none"})`);
  }
  return fromBundleBytes(arg, entries.get("/policy.wasm")!, entrypoints);
}

function fromBundleBytes(source: string, wasm: Buffer, entrypoints: UserEntrypoint[]): UserPolicy {
  let module: WebAssembly.Module;
  try {
    module = new WebAssembly.Module(new Uint8Array(wasm));
  } catch (err) {
    throw new UserPolicyError(`--policy ${source}: policy.wasm is not a valid wasm module: ${err instanceof Error ? err.message : String(err)}`);
  }
  const policy = instantiatePolicy(module, DEFAULT_MEMORY, customBuiltins);
  policy.setData({});
  const missing = entrypoints.filter((e) => !(e.entrypoint in policy.entrypoints));
  if (missing.length > 0) throw new UserPolicyError(`--policy ${source}: the bundle lacks entrypoints ${missing.map((e) => e.entrypoint).join(", ")}`);
  return { source, entrypoints, policy };
}

/** Every user finding for one stack, located through `locate`; `file` is the stack's entry manifest. */
export function evaluateUserPolicies(policies: readonly UserPolicy[], input: EngineInput, locate: Locate, file: string): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const p of policies) {
    for (const e of p.entrypoints) {
      let values: unknown[];
      try {
        values = p.policy.evaluate(input, e.entrypoint);
      } catch (err) {
        out.push(diag("STK-POLICY-005", `User policy ${e.entrypoint} (${p.source}) failed: ${err instanceof Error ? err.message : String(err)}`, { file }));
        continue;
      }
      // A rule with no results is undefined (no value) or an empty set.
      const results = values.length === 0 ? [] : Array.isArray(values[0]) ? values[0] : [values[0]];
      for (const result of results) out.push(userDiagnostic(result, e, p, locate, file));
    }
  }
  return out;
}

function userDiagnostic(result: unknown, e: UserEntrypoint, p: UserPolicy, locate: Locate, file: string): Diagnostic {
  let msg: string | undefined;
  let where: PathSegment[] = [];
  let data: Record<string, unknown> = {};
  if (typeof result === "string") {
    msg = result;
  } else if (result !== null && typeof result === "object" && !Array.isArray(result)) {
    const { msg: m, path: rawPath, ...rest } = result as Record<string, unknown>;
    if (typeof m === "string") msg = m;
    if (Array.isArray(rawPath) && rawPath.every((s) => typeof s === "string" || (Number.isInteger(s) && (s as number) >= 0))) {
      where = rawPath as PathSegment[];
    } else if (rawPath !== undefined) {
      msg = undefined;
    }
    data = rest;
  }
  if (msg === undefined || msg === "") {
    const preview = JSON.stringify(result) ?? String(result);
    return diag("STK-POLICY-004", `User policy ${e.entrypoint} (${p.source}) returned ${preview.length > 120 ? `${preview.slice(0, 120)}…` : preview}, not a message`, {
      file,
      hint: 'Return a string, or an object {"msg": "…", "path": ["spec", …]}',
    });
  }
  const at = locate(where);
  const d: Diagnostic = { code: e.code, severity: e.severity, message: msg };
  if (at) {
    d.file = at.file;
    d.range = at.range;
    d.pointer = at.pointer;
  } else {
    d.file = file;
    d.pointer = toPointer(where);
  }
  d.data = { package: e.package, rule: e.rule, ...(Object.keys(data).length > 0 ? data : {}) };
  return d;
}
