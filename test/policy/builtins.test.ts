// stackc's semver.is_valid / semver.compare must answer exactly like OPA's Go implementation,
// because `opa test` runs the Rego with OPA's and the wasm bundle runs it with ours. Compared
// three ways on one table: OPA's interpreter, the TypeScript functions, and a wasm build that
// calls the builtins through the host (proving the standard names can be registered as host
// builtins and that an invalid compare is undefined, not an aborted evaluation).
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { test } from "uvu";
import * as assert from "uvu/assert";
import { loadBundle } from "../../compiler/policy/engine/bundle.js";
import { customBuiltins, semverCompare, semverIsValid } from "../../compiler/policy/engine/builtins.js";
import { instantiatePolicy } from "../../compiler/policy/engine/opa-wasm.js";
import { buildTempBundle, opaEval } from "../helpers/opa.js";

const versions: unknown[] = [
  "1.2.3", "v1.2.3", "0.0.0", "1.2.3-rc.1", "1.2.3-alpha-2.0", "1.2.3+build.5", "v2.0.0-beta.1+exp.sha.5114f85",
  "vv1.2.3", "V1.2.3", "=1.2.3", " 1.2.3", "1.2.3 ", "1.2.3\n", "1.2", "1", "", "v", "latest",
  "01.2.3", "1.02.3", "1.2.03", "1.2.3-01", "1.2.3-0", "1.2.3-0a", "1.2.3-", "1.2.3+", "1.2.3-a..b", "1.2.3+a..b",
  "1.2.3.4", "-1.2.3", "+1.2.3", "1.2.3-α", "1.2.3-a_b", "1.2.3+b+c",
  12, null, true, ["1.2.3"], { v: "1.2.3" },
];

const pairs: [string, string][] = [
  ["1.2.3", "1.2.3"], ["1.2.3", "1.2.4"], ["1.10.0", "1.9.0"], ["v1.2.3", "1.2.3"], ["1.2.3+a", "1.2.3+b"],
  ["1.0.0-alpha", "1.0.0"], ["1.0.0-alpha", "1.0.0-alpha.1"], ["1.0.0-alpha.1", "1.0.0-alpha.beta"],
  ["1.0.0-beta.2", "1.0.0-beta.11"], ["1.0.0-rc.1", "1.0.0-beta.11"], ["1.0.0-2", "1.0.0-10"], ["1.0.0-a", "1.0.0-1"],
  ["bad", "1.0.0"], ["1.0.0", "bad"], ["01.0.0", "1.0.0"],
];

const parityRego = `package parity

valid := [semver.is_valid(v) | some v in input.versions]

compare := [r | some p in input.pairs; r := cmp(p[0], p[1])]

cmp(a, b) := c if {
	c := semver.compare(a, b)
} else := "undefined"
`;

function tsAnswers() {
  return {
    valid: versions.map((v) => semverIsValid(v)),
    compare: pairs.map(([a, b]) => semverCompare(a, b) ?? "undefined"),
  };
}

test("the TypeScript builtins answer like OPA's interpreter", async () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), "stackc-parity-"));
  try {
    writeFileSync(path.join(dir, "parity.rego"), parityRego);
    const [opa] = await opaEval("data.parity", [path.join(dir, "parity.rego")], { versions, pairs });
    const expected = opa as { valid: boolean[]; compare: (number | string)[] };
    const actual = tsAnswers();
    versions.forEach((v, i) => assert.is(actual.valid[i], expected.valid[i], `semver.is_valid(${JSON.stringify(v)})`));
    pairs.forEach((p, i) => assert.is(actual.compare[i], expected.compare[i], `semver.compare(${JSON.stringify(p)})`));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test("a wasm policy reaches them as host builtins and gets the same answers", async () => {
  const b = await buildTempBundle({ "parity.rego": parityRego }, ["parity/valid", "parity/compare"]);
  try {
    assert.is(b.build.status, 0, b.build.stderr);
    const policy = instantiatePolicy(loadBundle(b.dir).module, { initial: 16, maximum: 256 }, customBuiltins);
    const input = { versions, pairs };
    const expected = tsAnswers();
    assert.equal(policy.evaluate(input, "parity/valid"), [expected.valid]);
    assert.equal(policy.evaluate(input, "parity/compare"), [expected.compare]);
  } finally {
    b.cleanup();
  }
});

test("known, documented gaps: longer than 256 characters or parts above 2^53-1 are refused (OPA accepts)", () => {
  assert.is(semverIsValid(`1.2.3-${"a".repeat(260)}`), false);
  assert.is(semverIsValid("1.2.9007199254740993"), false);
});

test.run();
