// opa-wasm throws strings, plain objects and RangeErrors; stackc's wrapper turns every one of
// them into an Error with a message, so the CLI's error boundary never sees a bare string.
import { test } from "uvu";
import * as assert from "uvu/assert";
import { loadBundle } from "../../compiler/policy/engine/bundle.js";
import { customBuiltins } from "../../compiler/policy/engine/builtins.js";
import { PolicyError, toError } from "../../compiler/policy/engine/errors.js";
import { createPolicyEngine } from "../../compiler/policy/engine/evaluate.js";
import { instantiatePolicy } from "../../compiler/policy/engine/opa-wasm.js";
import { buildTempBundle } from "../helpers/opa.js";
import { policyFacts } from "../../compiler/policy/facts.js";
import { repoPath } from "../helpers/repo.js";

test("toError: strings, {message} objects and other values become Errors; Errors pass through", () => {
  const e = new RangeError("grow");
  assert.is(toError(e), e);
  const s = toError("entrypoint x is not valid in this instance");
  assert.instance(s, PolicyError);
  assert.is(s.message, "entrypoint x is not valid in this instance");
  assert.is(toError({ message: "not implemented: built-in function 0: custom.func" }).message, "not implemented: built-in function 0: custom.func");
  assert.is(toError(42).message, "42");
  assert.is(toError(undefined).message, "undefined");
  const circular: Record<string, unknown> = {};
  circular.self = circular;
  assert.is(toError(circular).message, "[object Object]");
  const wrapped = toError(e, "evaluating x");
  assert.instance(wrapped, PolicyError);
  assert.is(wrapped.message, "evaluating x: grow");
  assert.is((wrapped as Error & { cause?: unknown }).cause, e);
});

test("an unknown entrypoint is an Error naming the ones that exist", () => {
  const policy = instantiatePolicy(loadBundle(repoPath("policies", "bundle")).module, { initial: 16, maximum: 64 }, customBuiltins);
  assert.throws(
    () => policy.evaluate({}, "stackc/main/nope"),
    (e: unknown) => e instanceof PolicyError && /stackc\/main\/nope is not in this policy.*stackc\/main\/findings/.test(e.message),
  );
});

const uses = `package t

ok := semver.is_valid(input.v)

conflict := 1 if input.a

conflict := 2 if input.b

boom := semver.compare(input.v, "1.0.0")

bad_findings := {"deny": ["a sprintf'd message"], "warn": []}
`;
const entrypoints = ["t/ok", "t/conflict", "t/boom", "t/bad_findings"];

test("a builtin the host does not provide fails at evaluation with an Error, not a plain object", async () => {
  const b = await buildTempBundle({ "t.rego": uses }, entrypoints);
  try {
    const policy = instantiatePolicy(loadBundle(b.dir).module, { initial: 16, maximum: 64 }, {});
    assert.throws(
      () => policy.evaluate({ v: "1.0.0" }, "t/ok"),
      (e: unknown) => e instanceof Error && /evaluating t\/ok: not implemented: built-in function \d+: semver.is_valid/.test(e.message),
    );
  } finally {
    b.cleanup();
  }
});

test("opa_abort (conflicting values) and a builtin that throws a string are Errors", async () => {
  const b = await buildTempBundle({ "t.rego": uses }, entrypoints);
  try {
    const policy = instantiatePolicy(loadBundle(b.dir).module, { initial: 16, maximum: 64 }, {
      ...customBuiltins,
      "semver.compare": () => {
        throw "host builtin exploded";
      },
    });
    assert.equal(policy.evaluate({ a: true }, "t/conflict"), [1]);
    assert.throws(
      () => policy.evaluate({ a: true, b: true }, "t/conflict"),
      (e: unknown) => e instanceof PolicyError && /conflict/.test(e.message),
    );
    assert.throws(
      () => policy.evaluate({ v: "1.0.0" }, "t/boom"),
      (e: unknown) => e instanceof PolicyError && e.message === "evaluating t/boom: host builtin exploded",
    );
  } finally {
    b.cleanup();
  }
});

test("running out of the memory maximum is an Error", () => {
  const policy = instantiatePolicy(loadBundle(repoPath("policies", "bundle")).module, { initial: 16, maximum: 24 }, customBuiltins);
  const huge = { stack: { spec: { charts: Array.from({ length: 40_000 }, (_, i) => ({ name: `c${i}`, version: "latest" })) } } };
  assert.throws(
    () => policy.evaluate(huge, "stackc/main/findings"),
    (e: unknown) => e instanceof PolicyError && /^evaluating stackc\/main\/findings: /.test(e.message),
  );
});

test("after a failed evaluation (memory maximum) the same engine evaluates the next input fine", () => {
  const engine = createPolicyEngine({ bundleDir: repoPath("policies", "bundle"), memory: { initial: 16, maximum: 24 } });
  const facts = policyFacts("dev", new Date("2026-06-01T00:00:00Z"));
  const huge = { spec: { charts: Array.from({ length: 40_000 }, (_, i) => ({ name: `c${i}`, version: "latest" })) } };
  assert.throws(() => engine.evaluate({ stack: huge, facts }), (e: unknown) => e instanceof PolicyError);
  const small = { spec: { charts: [{ name: "a", version: "latest" }] } };
  assert.equal(
    engine.evaluate({ stack: small, facts }).deny.map((f) => f.id),
    ["STK-HELM-001"],
  );
});

test("an engine refuses a bundle without the findings entrypoint, and off-contract findings", async () => {
  const b = await buildTempBundle({ "t.rego": uses.replace("package t", "package stackc.main").replace("bad_findings :=", "findings :=") }, [
    "stackc/main/findings",
  ]);
  const other = await buildTempBundle({ "t.rego": uses }, entrypoints);
  try {
    assert.throws(() => createPolicyEngine({ bundleDir: other.dir }), (e: unknown) => e instanceof PolicyError && /no stackc\/main\/findings/.test(e.message));
    const engine = createPolicyEngine({ bundleDir: b.dir });
    assert.throws(
      () => engine.evaluate({ stack: {}, facts: policyFacts("dev", new Date("2026-06-01T00:00:00Z")) }),
      (e: unknown) => e instanceof PolicyError && /a deny finding is not an object/.test(e.message),
    );
  } finally {
    b.cleanup();
    other.cleanup();
  }
});

test.run();
