// The compiled wasm and OPA's interpreter (what `opa test` runs) agree on real inputs: every
// example stack and every rule fixture, with all three artifacts, the model view and the facts.
// This covers what the Rego unit tests cannot: the host builtins (semver.*), regex, walk and
// date arithmetic as wasm runs them, on inputs the emitters really produce.
import { readdirSync } from "node:fs";
import path from "node:path";
import { test } from "uvu";
import * as assert from "uvu/assert";
import { compile } from "../../compiler/compile/compile.js";
import { createPolicyEngine, parseFindings } from "../../compiler/policy/engine/evaluate.js";
import { policyFacts } from "../../compiler/policy/facts.js";
import { buildPolicyInput, type PolicyInput } from "../../compiler/policy/input.js";
import { importScript, opaEval } from "../helpers/opa.js";
import { repoPath, repoRoot } from "../helpers/repo.js";
import { NOW, bundleDir } from "./pipeline.js";

async function inputsOf(paths: string[], cwd: string): Promise<PolicyInput[]> {
  const result = await compile(paths, { cwd, emit: true });
  return result.stacks
    .filter((s) => s.model && s.artifacts)
    .map((s) => buildPolicyInput(s.model!, s.artifacts!, policyFacts(s.model!.environment, NOW)));
}

const fixtures = repoPath("test", "fixtures", "policy");
const inputs = [
  ...(await inputsOf(["stacks"], repoRoot)),
  ...(await inputsOf(readdirSync(fixtures).filter((f) => /^STK-/.test(f)).map((f) => path.join(f, "stack.yaml")), fixtures)),
];

test("wasm and the interpreter give the same findings on every example stack and fixture", async () => {
  assert.ok(inputs.length >= 35, `only ${inputs.length} inputs`);
  const { regoFiles } = await importScript<{ regoFiles(root: string): { sources: string[] } }>("scripts/policy/inputs.mjs");
  const [interpreted] = await opaEval("[f | some x in input; f := data.stackc.main.findings with input as x]", regoFiles(repoRoot).sources, inputs);
  const engine = createPolicyEngine({ bundleDir });
  const wasm = inputs.map((input) => engine.evaluate(input));
  assert.equal(wasm, (interpreted as unknown[]).map((f) => parseFindings(f)));
  // and the comparison is not vacuous: the fixtures do produce findings of many rules
  const ids = new Set(wasm.flatMap((r) => [...r.deny, ...r.warn].map((f) => f.id)));
  assert.ok(ids.size >= 28, `only ${ids.size} rules fired`);
});

test.run();
