#!/usr/bin/env node
// Runs one compiled test file many times in a row, each in its own process exactly as the suite
// runs it, optionally with CPU-burning processes beside it — for races that show up only now and
// then (the kops harness test's EPIPE, when the child exits before its stdin is written). A
// proof-of-stability tool, not a timed test: it reports how many runs passed, never how fast.
//
// Usage: npm run test:repeat -- <dist/test/…/x.test.js> [--runs 50] [--load 2]
//   e.g. npm run test:repeat -- dist/test/kops/harness-output.test.js --runs 50 --load 2
// Exit status 0 when every run passed. Compile first (npx tsc -p tsconfig.json, or npm test).
import { spawn } from "node:child_process";
import path from "node:path";
import { parseArgs } from "node:util";
import { runFile } from "./runner.mjs";

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { runs: { type: "string", default: "50" }, load: { type: "string", default: "0" }, timeout: { type: "string", default: "300" } },
});
const file = positionals[0];
const runs = Number(values.runs);
const load = Number(values.load);
if (!file || !Number.isInteger(runs) || runs < 1 || !Number.isInteger(load) || load < 0) {
  console.error("usage: repeat.mjs <compiled test file> [--runs N] [--load N]");
  process.exit(2);
}

// --load N: N processes spinning at the lowest priority, so the machine is busy but the runs proceed
const burners = Array.from({ length: load }, () =>
  spawn("nice", ["-n", "19", process.execPath, "-e", "for(;;){}"], { stdio: "ignore" }),
);
const stopBurners = () => burners.forEach((b) => b.kill("SIGKILL"));
process.on("SIGINT", () => {
  stopBurners();
  process.exit(130);
});

let passedRuns = 0;
const failures = [];
try {
  for (let i = 1; i <= runs; i++) {
    const r = await runFile(path.resolve(file), { timeoutMs: Number(values.timeout) * 1000 });
    const ok = r.failed === 0 && r.passed > 0;
    if (ok) passedRuns++;
    else failures.push({ run: i, r });
    process.stdout.write(`run ${i}/${runs}: ${r.passed} passed, ${r.failed} failed, ${r.skipped} skipped${r.problem ? ` — ${r.problem}` : ""}\n`);
  }
} finally {
  stopBurners();
}
for (const { run, r } of failures) process.stdout.write(`\n── run ${run} output:\n${r.output}\n`);
console.log(`\n${file}: ${passedRuns} of ${runs} runs passed (load: ${load} busy processes)`);
process.exit(passedRuns === runs ? 0 : 1);
