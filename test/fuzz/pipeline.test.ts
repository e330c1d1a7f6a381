// The pipeline fuzzer (test/fuzz/pipeline.ts) in the suite: a fixed seed and a small batch, so
// the suite is reproducible and a regression on a known case shows here; `npm run fuzz -- --runs
// 10000` runs it at length with a random seed (printed on failure). Plus the mutator itself, so
// the fuzzer is known to reach what it claims to: parse errors, schema errors, policy findings.
import { test } from "uvu";
import * as assert from "uvu/assert";
import fc from "fast-check";
import { checkCase, compileCase, describeCase, diagnosticProblems, EXAMPLES, fuzzCase, mutate, pipelineProperty, type FuzzCase } from "./pipeline.js";

const SEED = 20261206;
const RUNS = 60;

test(`${RUNS} mutated manifests (seed ${SEED}): no crash, located diagnostics, reporters, determinism`, async () => {
  const result = await fc.check(pipelineProperty(), { seed: SEED, numRuns: RUNS });
  if (result.failed) {
    const counterexample = result.counterexample?.[0] as FuzzCase | undefined;
    assert.unreachable(`${fc.defaultReportMessage(result) ?? ""}\n${counterexample ? describeCase(counterexample) : ""}`);
  }
  assert.is(result.numRuns, RUNS);
});

test("the mutations reach every stage: YAML errors, schema errors and policy findings all occur in the batch", async () => {
  const cases = fc.sample(fuzzCase, { seed: SEED, numRuns: RUNS });
  const families = new Set<string>();
  let emitted = 0;
  for (const c of cases) {
    const result = await compileCase(c);
    for (const d of result.diagnostics) families.add(d.code.replace(/-\d+$/, ""));
    if (result.stacks.some((s) => s.files !== undefined)) emitted++;
  }
  const seen = [...families].sort().join(" ");
  for (const family of ["STK-YAML", "STK-SCHEMA"]) assert.ok(families.has(family), `${family} in ${seen}`);
  // stacks that got through to emit and policy: catalog rules spoke (waived or not)
  assert.ok(emitted >= 5, `${emitted} cases emitted`);
  assert.ok([...families].some((f) => /^STK-(NET|K8S|S3|KMS|BKP|IAM|HELM|SEC|DNS|WAIVER|ADDON)$/.test(f)), seen);
});

test("mutate: value edits through the document, text edits anywhere", () => {
  const text = "a: 1\nb:\n  - x\n  - y\n";
  assert.is(mutate(text, { kind: "set", target: "entry", at: 0, value: [true] }), "a:\n  - true\nb:\n  - x\n  - y\n");
  assert.is(mutate(text, { kind: "delete", target: "entry", at: 2 }), "a: 1\nb:\n  - y\n");
  assert.is(mutate(text, { kind: "rename", target: "entry", at: 0, key: "c" }), "b:\n  - x\n  - y\nc: 1\n");
  assert.is(mutate(text, { kind: "insert", target: "entry", at: 4, text: "&x" }), "a: 1&x\nb:\n  - x\n  - y\n");
  assert.is(mutate(text, { kind: "cut", target: "entry", at: 0, length: 5 }), "b:\n  - x\n  - y\n");
  assert.is(mutate(text, { kind: "indent", target: "entry", line: 1, by: 2 }), "a: 1\n  b:\n  - x\n  - y\n");
  // a value edit on text that no longer parses leaves it alone
  assert.is(mutate("a: [\n", { kind: "delete", target: "entry", at: 0 }), "a: [\n");
  assert.ok(EXAMPLES.has("stacks/base.yaml"));
});

test("the diagnostic checks catch what they claim: an unknown code, a crash, a missing range, a position outside the file", () => {
  const files = new Map([["m.yaml", "a: 1\nbb: 2\n"]]);
  const at = (line: number, column: number) => ({ start: { line, column, offset: 0 }, end: { line, column, offset: 0 } });
  const problems = (d: object) => diagnosticProblems({ severity: "error", message: "m", ...d } as never, files, new Set(["STK-NET-001"]));
  assert.equal(problems({ code: "STK-SCHEMA-001", file: "m.yaml", range: at(2, 4) }), []);
  assert.equal(problems({ code: "STK-NET-001", file: "m.yaml", range: at(3, 1) }), []); // the empty last line
  assert.match(problems({ code: "STK-NOPE-001" }).join(), "unknown code");
  assert.match(problems({ code: "STK-INTERNAL-001" }).join(), "an internal error");
  assert.match(problems({ code: "STK-SCHEMA-001", file: "m.yaml" }).join(), "a file but no range");
  assert.match(problems({ code: "STK-SCHEMA-001", file: "m.yaml", range: at(4, 1) }).join(), "past the end of m.yaml");
  assert.match(problems({ code: "STK-SCHEMA-001", file: "m.yaml", range: at(1, 6) }).join(), "column 6 is past the end of line 1");
  assert.match(problems({ code: "STK-SCHEMA-001", file: "m.yaml", range: at(0, 1) }).join(), "is not 1-based");
});

test("the unmutated example stacks pass every property", async () => {
  for (const entry of ["stacks/dev.yaml", "stacks/prod.yaml"] as const) await checkCase({ entry, mutations: [] });
});

test.run();
