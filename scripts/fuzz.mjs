#!/usr/bin/env node
// The pipeline fuzzer at length: fast-check over manifests mutated from the example stacks, the
// properties of test/fuzz/pipeline.ts (no crash, located diagnostics, reporters, determinism).
// The suite runs a fixed-seed batch of it; this runs many more cases with a fresh seed and, on
// failure, prints the seed, fast-check's replay path and the shrunk case's files.
//
// Usage: npm run fuzz -- [--runs 10000] [--seed N] [--path P]   (needs a build: npm run build or npm test)
import { parseArgs } from "node:util";
import { pathToFileURL } from "node:url";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const { values } = parseArgs({ options: { runs: { type: "string", default: "1000" }, seed: { type: "string" }, path: { type: "string" } } });
const runs = Number(values.runs);
const seed = values.seed !== undefined ? Number(values.seed) : Math.floor(Math.random() * 2 ** 31);
if (!Number.isInteger(runs) || runs < 1 || !Number.isInteger(seed)) {
  console.error("usage: fuzz.mjs [--runs N] [--seed N] [--path P]");
  process.exit(2);
}
const fc = (await import("fast-check")).default;
const fuzz = await import(pathToFileURL(path.join(root, "dist", "test", "fuzz", "pipeline.js")).href);

console.log(`fuzzing the pipeline: ${runs} cases, seed ${seed}`);
const started = Date.now();
let done = 0;
const property = fuzz.pipelineProperty().afterEach(() => {
  done++;
  if (done % 500 === 0) console.log(`  ${done} cases, ${((Date.now() - started) / 1000).toFixed(0)} s`);
});
const result = await fc.check(property, { seed, numRuns: runs, ...(values.path ? { path: values.path } : {}), endOnFailure: false });
const seconds = ((Date.now() - started) / 1000).toFixed(0);
if (result.failed) {
  console.log(`\nFAILED after ${result.numRuns} cases (${seconds} s). Replay: npm run fuzz -- --seed ${seed} --path ${result.counterexamplePath} --runs ${runs}`);
  console.log(String(result.errorInstance instanceof Error ? result.errorInstance.message : result.errorInstance));
  let described;
  try {
    described = fuzz.describeCase(result.counterexample[0]);
  } catch (err) {
    described = `${JSON.stringify(result.counterexample[0])}\n(its files could not be shown: ${err instanceof Error ? err.message : String(err)})`;
  }
  console.log(`\nshrunk case (${result.numShrinks} shrinks):\n${described}`);
  process.exit(1);
}
console.log(`\n${result.numRuns} cases passed (seed ${seed}, ${seconds} s): no crash, every diagnostic located, reporters fine, deterministic`);
