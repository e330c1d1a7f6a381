// `node policy-eval.mjs <dir> [rounds] [--jobs N]`: evaluates stackc's shipped policy bundle
// (wasm, in process) over every <dir>/*.json policy input, as `conftest test` does over the same
// files, and prints {stacks, findings, perStackUs} as JSON — perStackUs is the median over
// `rounds` rounds of the evaluation alone (JSON in, findings out), after reading and parsing the
// files. Each input goes through catalogInput first, as in `stackc check` (a no-op on an input
// that is a catalog view already).
//
// --jobs N (one round only): the files are dealt round-robin to N worker threads, each with its
// own policy instance, reading, parsing and evaluating its share — as `stackc check` runs a
// fleet's policies on a pool of workers, one policy instance each. perStackUs is then omitted
// (the whole process is what is measured, from outside).
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { Worker, isMainThread, parentPort, workerData } from "node:worker_threads";
import { root, median } from "./measure.mjs";

async function engineAndView() {
  const { createPolicyEngine } = await import(path.join(root, "dist/compiler/policy/engine/evaluate.js"));
  const { catalogInput } = await import(path.join(root, "dist/compiler/policy/catalog/input-view.js"));
  return { engine: createPolicyEngine(), catalogInput };
}

/** Findings over these files: read, parse, evaluate, one at a time. */
function evaluateFiles({ engine, catalogInput }, files) {
  let findings = 0;
  for (const file of files) {
    const res = engine.evaluate(catalogInput(JSON.parse(readFileSync(file, "utf8"))));
    findings += res.deny.length + res.warn.length;
  }
  return findings;
}

if (!isMainThread) {
  parentPort.postMessage(evaluateFiles(await engineAndView(), workerData.files));
} else {
  const args = process.argv.slice(2);
  const jobsAt = args.indexOf("--jobs");
  const jobs = jobsAt < 0 ? 1 : Number(args.splice(jobsAt, 2)[1]);
  const [dir, roundsArg] = args;
  const rounds = Number(roundsArg ?? 1);
  const files = readdirSync(dir).filter((f) => f.endsWith(".json")).sort().map((f) => path.join(dir, f));
  if (jobs > 1) {
    const shares = Array.from({ length: jobs }, (_, k) => files.filter((_, i) => i % jobs === k));
    const counts = await Promise.all(
      shares.map(
        (share) =>
          new Promise((resolve, reject) => {
            const worker = new Worker(new URL(import.meta.url), { workerData: { files: share } });
            worker.once("message", resolve);
            worker.once("error", reject);
          }),
      ),
    );
    console.log(JSON.stringify({ stacks: files.length, findings: counts.reduce((a, b) => a + b, 0), jobs }));
  } else {
    const policy = await engineAndView();
    const inputs = files.map((f) => JSON.parse(readFileSync(f, "utf8")));
    let findings = 0;
    const perRound = [];
    for (let r = 0; r < rounds; r++) {
      findings = 0;
      const t = performance.now();
      for (const input of inputs) {
        const res = policy.engine.evaluate(policy.catalogInput(input));
        findings += res.deny.length + res.warn.length;
      }
      perRound.push(((performance.now() - t) * 1000) / inputs.length);
    }
    console.log(JSON.stringify({ stacks: inputs.length, findings, perStackUs: median(perRound) }));
  }
}
