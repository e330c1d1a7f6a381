// policies/capabilities.json is generated from facts (the pinned OPA's wasm compiler source, the
// opa-wasm SDK, stackc's own builtins) and makes `opa build` refuse what wasm cannot run.
import { readFileSync } from "node:fs";
import path from "node:path";
import { test } from "uvu";
import * as assert from "uvu/assert";
import { customBuiltins } from "../../compiler/policy/engine/builtins.js";
import { buildTempBundle, ensureOpa, importScript } from "../helpers/opa.js";
import { repoPath } from "../helpers/repo.js";

interface Builtin {
  name: string;
  decl: unknown;
  [key: string]: unknown;
}
interface Capabilities {
  builtins: Builtin[];
  features: string[];
  wasm_abi_versions: { version: number; minor_version: number }[];
}
interface CapabilitiesModule {
  CUSTOM_BUILTINS: string[];
  EXCLUDED: Record<string, string>;
  opaModuleDir(): Promise<string>;
  wasmNativeBuiltins(dir: string): Set<string>;
  sdkFacts(): { version: string; builtins: Set<string> };
  generateCapabilities(): Promise<Capabilities>;
  serializeCapabilities(c: Capabilities): string;
}
interface OpaTool {
  OPA_VERSION: string;
}

const committedText = readFileSync(repoPath("policies", "capabilities.json"), "utf8");
const committed = JSON.parse(committedText) as Capabilities;
const names = new Set(committed.builtins.map((b) => b.name));
const caps = await importScript<CapabilitiesModule>("scripts/policy/capabilities.mjs");

test("the committed capabilities file is what the generator produces now", async () => {
  await ensureOpa();
  const fresh = caps.serializeCapabilities(await caps.generateCapabilities());
  assert.is(fresh, committedText, "policies/capabilities.json is stale: run node scripts/policy/capabilities.mjs");
});

test("every entry is OPA's own entry for that builtin in capabilities/<pinned version>.json", async () => {
  const { OPA_VERSION } = await importScript<OpaTool>("scripts/tools/opa.mjs");
  const dir = await caps.opaModuleDir();
  const upstream = JSON.parse(readFileSync(path.join(dir, "capabilities", `${OPA_VERSION}.json`), "utf8")) as Capabilities;
  const byName = new Map(upstream.builtins.map((b) => [b.name, b]));
  for (const b of committed.builtins) assert.equal(b, byName.get(b.name), b.name);
});

test("the allow list is native ∪ SDK ∪ custom, minus the documented exclusions", async () => {
  const native = caps.wasmNativeBuiltins(await caps.opaModuleDir());
  const sdk = caps.sdkFacts();
  assert.is(sdk.version, "1.10.0");
  // facts the parse must have found, or the parse broke
  for (const n of ["net.cidr_contains", "regex.match", "internal.member_2", "eq", "plus", "walk"]) assert.ok(native.has(n), n);
  for (const n of ["sprintf", "regex.split", "yaml.unmarshal"]) assert.ok(sdk.builtins.has(n), n);
  const expected = new Set([...native, ...sdk.builtins, ...caps.CUSTOM_BUILTINS]);
  for (const n of Object.keys(caps.EXCLUDED)) expected.delete(n);
  assert.equal([...names].sort(), [...expected].sort());
});

test("what must not be there is not there", () => {
  for (const n of names) assert.not.ok(n.startsWith("time."), n);
  for (const n of ["internal.template_string", "http.send", "opa.runtime", "rand.intn", "units.parse", "net.cidr_is_valid", "print"]) {
    assert.not.ok(names.has(n), n);
  }
  assert.equal(committed.features, ["rego_v1"]);
  assert.ok(committed.wasm_abi_versions.every((v) => v.version === 1));
});

test("the custom builtins declared for opa build are exactly the ones implemented in TypeScript", () => {
  assert.equal([...caps.CUSTOM_BUILTINS].sort(), Object.keys(customBuiltins).sort());
  for (const n of caps.CUSTOM_BUILTINS) assert.ok(names.has(n), n);
});

const nowPolicy = `package t

stamp := time.now_ns()
`;

test("a policy calling time.now_ns() fails at opa build time with the capabilities file…", async () => {
  const b = await buildTempBundle({ "t.rego": nowPolicy }, ["t/stamp"]);
  try {
    assert.is.not(b.build.status, 0);
    assert.match(b.build.stderr + b.build.stdout, "undefined function time.now_ns");
  } finally {
    b.cleanup();
  }
});

test("…and builds without it, so it is the capabilities file that refuses it", async () => {
  const b = await buildTempBundle({ "t.rego": nowPolicy }, ["t/stamp"], { capabilities: false });
  try {
    assert.is(b.build.status, 0, b.build.stderr);
  } finally {
    b.cleanup();
  }
});

test("template strings ($\"…\") are refused at build time", async () => {
  const b = await buildTempBundle({ "t.rego": 'package t\n\nmsg := $"cidr {input.cidr}"\n' }, ["t/msg"]);
  try {
    assert.is.not(b.build.status, 0);
    assert.match(b.build.stderr + b.build.stdout, "template strings are not supported");
  } finally {
    b.cleanup();
  }
});

test.run();
