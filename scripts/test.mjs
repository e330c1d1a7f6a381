#!/usr/bin/env node
// The whole test suite, as CI runs it (`npm test`, called by .ci/run).
//
// 1. compile the TypeScript (sources and tests) with tsc, then the rest of the build (scripts/build/);
// 2. install the pinned external tools the tests use (opa, the kops validation harness), each
//    through its own script under scripts/tools/ — a fresh machine needs nothing by hand;
// 3. run every uvu test file under dist/test, each in its own process (two at a time; set
//    STACKC_TEST_JOBS, and STACKC_TEST_TIMEOUT in seconds per file, default 900);
// 4. print one last line `N passed, N failed, N skipped` (setup failures count as failed tests;
//    a test skipped because terraform is missing counts as skipped, never as passed).
//
// Usage: npm test [-- <uvu file pattern>]   e.g. npm test -- load
import { spawn } from "node:child_process";
import { closingLine, findTestFiles, runFile, runFiles } from "./testing/runner.mjs";
import { readdir } from "node:fs/promises";
import { fileURLToPath, pathToFileURL } from "node:url";
import path from "node:path";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
process.chdir(root);

let passed = 0;
let failed = 0;
let skipped = 0;

// Ctrl-C: end the test files' process groups too (each runs detached, see runner.mjs)
process.on("SIGINT", () => {
  for (const kill of runFile.active) kill("SIGKILL");
  process.exit(130);
});

function run(cmd, args, { capture = false } = {}) {
  return new Promise((resolve) => {
    const child = spawn(cmd, args, { stdio: ["ignore", capture ? "pipe" : "inherit", "inherit"], env: process.env });
    let out = "";
    if (capture) {
      child.stdout.on("data", (chunk) => {
        process.stdout.write(chunk);
        out += chunk.toString("utf8");
      });
    }
    child.on("error", (err) => resolve({ code: 127, out: String(err) }));
    child.on("close", (code) => resolve({ code: code ?? 1, out }));
  });
}

// 1. compile (into a clean dist/: no stale module of a moved or deleted source survives)
await run(process.execPath, ["scripts/build/clean.mjs"]);
const tsc = await run(process.execPath, ["node_modules/typescript/bin/tsc", "-p", "tsconfig.json"]);
if (tsc.code !== 0) {
  console.error("\ntsc failed: the TypeScript does not compile");
  failed++;
  console.log(closingLine({ passed, failed, skipped }));
  process.exit(1);
}
// the rest of `npm run build` (scripts/build/): the precompiled validator and runbook template,
// then the one-file CLI bundle with its code cache, which the CLI tests then run through bin/
// A node_modules installed before esbuild joined the devDependencies cannot bundle: say so and
// go on unbundled (bin/ falls back by itself); `npm ci` brings it, as on a fresh machine and CI.
let hasEsbuild = true;
try {
  await import("esbuild");
} catch {
  hasEsbuild = false;
  skipped++;
  console.log("[build] SKIPPED the CLI bundle: esbuild is not installed in node_modules (run npm ci); the CLI runs unbundled");
}
for (const step of hasEsbuild ? ["precompile.mjs", "bundle.mjs"] : ["precompile.mjs"]) {
  const built = await run(process.execPath, [`scripts/build/${step}`]);
  if (built.code !== 0) {
    console.error(`\nscripts/build/${step} failed`);
    failed++;
    console.log(closingLine({ passed, failed, skipped }));
    process.exit(1);
  }
}

// 2. tools: every scripts/tools/*.mjs exports `name` and `ensure()`; a failure is a failed test,
// never a skip (terraform is the one documented exception and is handled inside its tests).
const toolDir = path.join(root, "scripts", "tools");
let toolFiles = [];
try {
  toolFiles = (await readdir(toolDir)).filter((f) => f.endsWith(".mjs")).sort();
} catch {
  toolFiles = [];
}
for (const file of toolFiles) {
  const mod = await import(pathToFileURL(path.join(toolDir, file)).href);
  if (typeof mod.ensure !== "function") continue;
  try {
    await mod.ensure({ log: (line) => console.log(`[tools] ${line}`) });
  } catch (err) {
    failed++;
    console.error(`[tools] FAILED ${mod.name ?? file}: ${err instanceof Error ? err.message : String(err)}`);
  }
}

// 3. every test file in its own process (scripts/testing/runner.mjs): a file that fails to load,
// crashes or hangs is one failure with its name, beside the other files' counts.
const pattern = new RegExp(process.argv[2] ?? "\\.test\\.js$");
const files = findTestFiles(path.join(root, "dist", "test"), pattern);
const jobs = Math.max(1, Number(process.env.STACKC_TEST_JOBS ?? 2) || 2);
// a hang guard, not a speed check: the slowest file (terraform over every example stack, two at a
// time on a loaded 2-core machine) takes a few minutes
const timeoutMs = Math.max(1, Number(process.env.STACKC_TEST_TIMEOUT ?? 900) || 900) * 1000;
const broken = [];
const summary = await runFiles(files, {
  concurrency: jobs,
  timeoutMs,
  onResult(r) {
    const rel = path.relative(root, r.file);
    process.stdout.write(`\n── ${rel}\n${r.output}`);
    const counts = `${r.passed} passed, ${r.failed} failed, ${r.skipped} skipped`;
    process.stdout.write(`── ${rel}: ${counts} (${r.seconds.toFixed(1)}s)${r.problem ? ` — FAILED: ${r.problem}` : ""}\n`);
    if (r.failed > 0) broken.push(`${rel}: ${r.problem ?? `${r.failed} failed`}`);
  },
});
passed += summary.passed;
failed += summary.failed;
skipped += summary.skipped;
if (files.length === 0) {
  console.error(`\nno test file under dist/test matches ${pattern}`);
  failed++;
}
if (broken.length > 0) console.log(`\nfailing files:\n  ${broken.join("\n  ")}`);

console.log(`\n${closingLine({ passed, failed, skipped })}`);
process.exit(failed === 0 ? 0 : 1);
