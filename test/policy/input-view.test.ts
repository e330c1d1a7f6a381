// The catalog's view of the input (compiler/policy/catalog/input-view.ts) leaves out only what
// no rule reads: the Terraform types the Rego names are exactly the ones kept, only the two
// known readers look at the Terraform artifact, the Helmfile and kops documents the Rego reads
// are the ones kept, and the catalog finds the same with the view as with the whole input on
// every example stack and rule fixture (tamper.json applied).
import { existsSync, readFileSync, readdirSync } from "node:fs";
import path from "node:path";
import { test } from "uvu";
import * as assert from "uvu/assert";
import { compile } from "../../compiler/compile/compile.js";
import { CATALOG_ARTIFACT_PARTS, CATALOG_TERRAFORM_TYPES, catalogInput } from "../../compiler/policy/catalog/input-view.js";
import { createPolicyEngine } from "../../compiler/policy/engine/evaluate.js";
import { policyFacts } from "../../compiler/policy/facts.js";
import { buildPolicyInput, type PolicyInput } from "../../compiler/policy/input.js";
import { importScript } from "../helpers/opa.js";
import { repoPath, repoRoot } from "../helpers/repo.js";
import { NOW, type Tamper, bundleDir, tampered } from "./pipeline.js";

const { regoFiles } = await importScript<{ regoFiles(root: string): { sources: string[] } }>("scripts/policy/inputs.mjs");
const sources = regoFiles(repoRoot).sources.map((file) => ({ file, text: readFileSync(path.join(repoRoot, file), "utf8") }));

test("the view keeps exactly the Terraform resource types the catalog's Rego names", () => {
  const named = new Set(sources.flatMap(({ text }) => [...text.matchAll(/"(aws_[a-z0-9_]+)"/g)].map((m) => m[1]!)));
  assert.equal([...named].sort(), [...CATALOG_TERRAFORM_TYPES].sort());
});

test("only lib/tf.rego and STK-IAM-001 read the Terraform artifact (a new reader must name its types)", () => {
  const readers = sources.filter(({ text }) => /artifacts\.terraform/.test(text.replace(/^\s*#.*$/gm, ""))).map((s) => s.file);
  assert.equal(readers, ["policies/checks/iam/stk_iam_001.rego", "policies/lib/tf.rego"]);
});

test("the Helmfile and kops documents the Rego reads are the ones the view keeps", () => {
  const code = sources.map(({ text }) => text.replace(/^\s*#.*$/gm, "")).join("\n");
  const read: Record<string, Set<string>> = {};
  // input.artifacts.<artifact>.<document> and object.get(…, ["<artifact>", "<document>"], …)
  for (const m of code.matchAll(/artifacts\.(helmfile|kops)\.(\w+)|\["(helmfile|kops)", "(\w+)"/g)) (read[m[1] ?? m[3]!] ??= new Set()).add(m[2] ?? m[4]!);
  assert.equal(
    Object.fromEntries(Object.entries(read).map(([k, v]) => [k, [...v].sort()])),
    Object.fromEntries(Object.entries(CATALOG_ARTIFACT_PARTS).map(([k, v]) => [k, [...v].sort()])),
  );
  // and nothing reads either artifact whole (walks it, iterates or indexes its documents);
  // is_object(input.artifacts.kops) only asks whether it is there
  assert.not.match(code, /artifacts\.(helmfile|kops)\s*\[|walk\([^)]*artifacts\.(helmfile|kops)\b(?!\.)|in input\.artifacts\.(helmfile|kops)\b(?!\.)/);
});

test("the view: modules keep their dir and the kept resources, in order; the input is not changed", () => {
  const resource = (type: string) => ({ mode: "managed", type, name: "x", address: `${type}.x`, instances: [] });
  const input = {
    stack: { a: 1 },
    artifacts: {
      kops: { cluster: { spec: {} }, instanceGroups: [], bindings: [{ x: 1 }] },
      helmfile: { helmfile: "releases: []", groups: [], releases: [{ name: "a" }] },
      terraform: { modules: [{ dir: "terraform", files: ["a.tf"], locals: {}, resources: [resource("aws_vpc"), resource("aws_route"), resource("aws_subnet"), resource("aws_s3_bucket")] }] },
    },
  };
  const before = JSON.stringify(input);
  const view = catalogInput(input);
  assert.equal(view.artifacts.terraform.modules, [{ dir: "terraform", resources: [resource("aws_route"), resource("aws_s3_bucket")] }]);
  assert.equal(view.artifacts.kops, { cluster: { spec: {} }, instanceGroups: [] });
  assert.equal(view.artifacts.helmfile, { releases: [{ name: "a" }] });
  assert.is(view.stack, input.stack);
  assert.is(view.artifacts.kops.cluster, input.artifacts.kops.cluster);
  assert.is(JSON.stringify(input), before);
  // no artifacts: the input itself
  const bare = { stack: {}, facts: {} };
  assert.is(catalogInput(bare), bare);
});

async function inputsOf(dir: string, paths: string[], tamper: Tamper = {}): Promise<PolicyInput[]> {
  const result = await compile(paths, { cwd: dir, emit: true, emitters: tampered(tamper) });
  return result.stacks
    .filter((s) => s.model && s.artifacts)
    .map((s) => buildPolicyInput(s.model!, s.artifacts!, policyFacts(s.model!.environment, NOW)));
}

test("the catalog finds the same with the view as with the whole input", async () => {
  const fixtures = repoPath("test", "fixtures", "policy");
  const inputs = await inputsOf(repoRoot, ["stacks"]);
  for (const folder of readdirSync(fixtures).filter((f) => /^STK-/.test(f))) {
    const dir = path.join(fixtures, folder);
    const tamperFile = path.join(dir, "tamper.json");
    const tamper = existsSync(tamperFile) ? (JSON.parse(readFileSync(tamperFile, "utf8")) as Tamper) : {};
    inputs.push(...(await inputsOf(dir, ["stack.yaml"], tamper)));
  }
  assert.ok(inputs.length >= 45, `only ${inputs.length} inputs`);
  const engine = createPolicyEngine({ bundleDir });
  const whole = inputs.map((input) => engine.evaluate(input));
  assert.equal(
    inputs.map((input) => engine.evaluate(catalogInput(input))),
    whole,
  );
  const ids = new Set(whole.flatMap((r) => [...r.deny, ...r.warn].map((f) => f.id)));
  assert.ok(ids.size >= 35, `only ${ids.size} rules fired`);
});

test.run();
