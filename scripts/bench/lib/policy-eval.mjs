// `node policy-eval.mjs <dir> [rounds]`: evaluates stackc's shipped policy bundle (wasm, in
// process) over every <dir>/*.json policy input, as `conftest test` does over the same files,
// and prints {stacks, findings, perStackUs} as JSON — perStackUs is the median over `rounds`
// rounds of the evaluation alone (JSON in, findings out), after reading and parsing the files.
// Each input goes through catalogInput first, as in `stackc check` (a no-op on an input that
// is a catalog view already).
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { root, median } from "./measure.mjs";

const [dir, roundsArg] = process.argv.slice(2);
const rounds = Number(roundsArg ?? 1);
const { createPolicyEngine } = await import(path.join(root, "dist/compiler/policy/engine/evaluate.js"));
const { catalogInput } = await import(path.join(root, "dist/compiler/policy/catalog/input-view.js"));
const engine = createPolicyEngine();
const inputs = readdirSync(dir).filter((f) => f.endsWith(".json")).sort().map((f) => JSON.parse(readFileSync(path.join(dir, f), "utf8")));
let findings = 0;
const perRound = [];
for (let r = 0; r < rounds; r++) {
  findings = 0;
  const t = performance.now();
  for (const input of inputs) {
    const res = engine.evaluate(catalogInput(input));
    findings += res.deny.length + res.warn.length;
  }
  perRound.push(((performance.now() - t) * 1000) / inputs.length);
}
console.log(JSON.stringify({ stacks: inputs.length, findings, perStackUs: median(perRound) }));
