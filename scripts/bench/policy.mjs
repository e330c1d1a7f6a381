// Policy evaluation: stackc's catalog over the policy inputs of 500 generated stacks (exported
// with `stackc check --dump-policy-input`), in process (µs per stack) and whole process against
// `conftest test` on the same Rego and the same 500 files (conftest from scripts/tools). The
// files are the catalog's view of each dumped input (catalogInput, what `stackc check` evaluates
// the catalog on), so conftest parses no more than stackc does.
import { mkdirSync, readFileSync, readdirSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { spawnSync } from "node:child_process";
import { performance } from "node:perf_hooks";
import { fleet, scratchDir } from "./lib/fleets.mjs";
import { cli, fmtMs, median, root, runNode, table } from "./lib/measure.mjs";

export const title = "policy: 500 inputs, in process and against conftest";
export const order = 40;

export default async function policy(ctx) {
  const n = Math.min(500, Math.max(...ctx.sizes));
  const { dir } = fleet(n, ctx.now);
  const dumped = scratchDir(`policy-inputs-${n}`);
  runNode([cli, "check", "fleet", "--now", ctx.now, "--dump-policy-input", dumped], { cwd: dir });
  const { catalogInput } = await import(path.join(root, "dist/compiler/policy/catalog/input-view.js"));
  const inputs = scratchDir(`policy-views-${n}`);
  mkdirSync(inputs, { recursive: true });
  for (const f of readdirSync(dumped).filter((name) => name.endsWith(".json"))) {
    writeFileSync(path.join(inputs, f), `${JSON.stringify(catalogInput(JSON.parse(readFileSync(path.join(dumped, f), "utf8"))), null, 2)}\n`);
  }
  const files = readdirSync(inputs).filter((f) => f.endsWith(".json")).sort().map((f) => path.join(inputs, f));
  const evalScript = path.join(root, "scripts/bench/lib/policy-eval.mjs");
  const inProcess = JSON.parse(runNode([evalScript, inputs, "21"]).stdout);
  ctx.print(`in process: ${inProcess.perStackUs.toFixed(0)} µs per stack (median of 21 rounds over ${inProcess.stacks} inputs, ${inProcess.findings} findings per round)`);
  ctx.figure("policy µs per stack (in process)", inProcess.perStackUs.toFixed(0));

  // whole process on one thread, and on every core (the files dealt to one worker per core, as
  // `stackc check` runs a fleet's policies); conftest itself uses about 1.2 cores
  const cores = os.availableParallelism();
  const stackcWhole = [];
  const stackcCores = [];
  for (let i = 0; i < ctx.runs; i++) {
    stackcWhole.push(runNode([evalScript, inputs, "1"]).ms);
    const all = runNode([evalScript, inputs, "1", "--jobs", String(cores)]);
    stackcCores.push(all.ms);
    const found = JSON.parse(all.stdout).findings;
    if (found !== inProcess.findings) throw new Error(`${cores} workers found ${found} findings, one thread ${inProcess.findings}`);
  }

  let conftest;
  try {
    const tool = await import(path.join(root, "scripts/tools/conftest.mjs"));
    conftest = await tool.ensure({ log: (line) => ctx.print(`[tools] ${line}`) });
  } catch (err) {
    ctx.print(`SKIPPED conftest comparison: ${err instanceof Error ? err.message.split("\n")[0] : String(err)}`);
    ctx.figure("conftest ÷ stackc, whole process", "SKIPPED (no conftest)");
    return;
  }
  // the catalog as it is, plus an adapter that only renames findings into conftest's result shape
  const adapter = path.join(root, "scripts/bench/lib/conftest-adapter.rego");
  const args = ["test", "--no-color", "--parser", "json", "--namespace", "stackc.conftest", "--policy", path.join(root, "policies"), "--policy", adapter, "--output", "json", ...files];
  const conftestWhole = [];
  let conftestFindings;
  for (let i = 0; i < ctx.runs; i++) {
    const t = performance.now();
    const r = spawnSync(conftest, args, { encoding: "utf8", maxBuffer: 256 * 1024 * 1024 });
    conftestWhole.push(performance.now() - t);
    if (r.error || (r.status !== 0 && r.status !== 1)) throw new Error(`conftest failed (${r.status}): ${r.stderr.slice(0, 2000)}`);
    conftestFindings = JSON.parse(r.stdout).reduce((k, f) => k + (f.failures?.length ?? 0) + (f.warnings?.length ?? 0), 0);
  }
  const s = median(stackcWhole);
  const p = median(stackcCores);
  const c = median(conftestWhole);
  ctx.print(
    table([
      ["whole process, 500 inputs", "median", "findings"],
      ["stackc policy bundle (wasm), one thread", fmtMs(s), String(inProcess.findings)],
      [`stackc policy bundle (wasm), ${cores} workers`, fmtMs(p), String(inProcess.findings)],
      ["conftest test (same Rego)", fmtMs(c), String(conftestFindings)],
    ]),
  );
  ctx.figure("conftest ÷ stackc, whole process, one thread", (c / s).toFixed(1));
  ctx.figure(`conftest ÷ stackc, whole process, ${cores} workers`, (c / p).toFixed(1), "target ≥ 8");
}
