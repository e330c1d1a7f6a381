// Per stage: what each pipeline stage costs per stack, measured in process over repeated runs of
// the example stacks (median and p95), plus whole-run wall time for `compile` and `check`.
import { performance } from "node:perf_hooks";
import path from "node:path";
import { root } from "./lib/measure.mjs";

export const title = "stages: per stack, in process (the example stacks)";
export const order = 90;

export default async function stages(ctx) {
const console = { log: (line) => ctx.print(line) };
const lib = await import(path.join(root, "dist/compiler/index.js"));
const { createLoadSession, loadManifest, validateManifest, normalizeStack, emitters, stackcVersion, compile, emitContext } = lib;
const context = emitContext();
const { nodeIo } = await import(path.join(root, "dist/compiler/io/node-io.js"));
const policyModule = await import(path.join(root, "dist/compiler/policy/index.js")).catch(() => undefined);

const ITERATIONS = Number(process.env.BENCH_ITERATIONS ?? 100);
// the stacks these stages compile alone: not networks (their own schema and emitter), nor stacks
// in a shared network or an existing VPC (normalize needs the network's model: compile does that)
const stacks = [];
const leftOut = [];
for (const s of (await compile(["stacks"], { cwd: root })).stacks) {
  const loaded = await loadManifest(createLoadSession(root, nodeIo), s.file);
  const alone = loaded.kind === "Stack" && normalizeStack(validateManifest(loaded.value, loaded.sourceMap).value, loaded.file, loaded.sourceMap).value;
  (alone ? stacks : leftOut).push(s.file);
}
if (leftOut.length) console.log(`left out (need a network's model or are networks): ${leftOut.join(", ")}\n`);

function stats(samples) {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
  return { median: at(0.5), p95: at(0.95) };
}
const us = (ms) => `${(ms * 1000).toFixed(0).padStart(7)} µs`;

const rows = [];
let policy;
if (policyModule?.createPolicyStage) {
  const t0 = performance.now();
  policy = policyModule.createPolicyStage({});
  rows.push(["(all)", "policy bundle load", { median: performance.now() - t0, p95: performance.now() - t0 }]);
}

for (const file of stacks) {
  const times = { load: [], validate: [], normalize: [], policy: [] };
  for (const e of emitters) times[`emit ${e.id}`] = [];
  for (let i = 0; i < ITERATIONS; i++) {
    // a fresh session each time: reading and parsing the files is part of the cost
    const session = createLoadSession(root, nodeIo);
    let t = performance.now();
    const loaded = await loadManifest(session, file);
    times.load.push(performance.now() - t);
    t = performance.now();
    const validated = validateManifest(loaded.value, loaded.sourceMap);
    times.validate.push(performance.now() - t);
    t = performance.now();
    const model = normalizeStack(validated.value, loaded.file, loaded.sourceMap).value;
    times.normalize.push(performance.now() - t);
    const artifacts = {};
    for (const e of emitters) {
      t = performance.now();
      const out = e.emit(model, context);
      times[`emit ${e.id}`].push(performance.now() - t);
      if (out.artifact !== undefined) artifacts[e.id] = out.artifact;
    }
    if (policy) {
      t = performance.now();
      policy.evaluate({ model, artifacts, sourceMap: loaded.sourceMap });
      times.policy.push(performance.now() - t);
    }
  }
  for (const [stage, samples] of Object.entries(times)) if (samples.length) rows.push([file, stage, stats(samples)]);
}

console.log(`stackc ${stackcVersion} bench: ${stacks.length} stacks × ${ITERATIONS} iterations, node ${process.version}\n`);
console.log(`${"stack".padEnd(40)} ${"stage".padEnd(22)} ${"median".padStart(10)} ${"p95".padStart(10)}`);
for (const [file, stage, s] of rows) console.log(`${file.padEnd(40)} ${stage.padEnd(22)} ${us(s.median)} ${us(s.p95)}`);

for (const [label, options] of [
  ["compile (validate)", {}],
  ["compile + emit", { emit: true }],
  ...(policy ? [["check (emit + policy)", { emit: true, policy }]] : []),
]) {
  const samples = [];
  for (let i = 0; i < Math.max(10, ITERATIONS / 10); i++) {
    const t = performance.now();
    await compile(["stacks"], { cwd: root, ...options });
    samples.push(performance.now() - t);
  }
  const s = stats(samples);
  console.log(`\nwhole run, all stacks: ${label.padEnd(24)} median ${(s.median).toFixed(1)} ms, p95 ${(s.p95).toFixed(1)} ms`);
}
}
