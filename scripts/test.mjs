#!/usr/bin/env node
// The whole test suite, as CI runs it (`npm test`, called by .ci/run).
//
// 1. compile the TypeScript (sources and tests) with tsc, then the rest of the build (scripts/build/);
// 2. install the pinned external tools the tests use (opa, the kops validation harness), each
//    through its own script under scripts/tools/ — a fresh machine needs nothing by hand;
// 3. run every uvu test file under dist/test;
// 4. print one last line `N passed, N failed` (setup failures count as failed tests).
//
// Usage: npm test [-- <uvu file pattern>]   e.g. npm test -- load
import { spawn } from "node:child_process";
import { readdir } from "node:fs/promises";
import { fileURLToPath, pathToFileURL } from "node:url";
import path from "node:path";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
process.chdir(root);

let passed = 0;
let failed = 0;

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
  console.log(`${passed} passed, ${failed} failed`);
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
  console.log("[build] SKIPPED the CLI bundle: esbuild is not installed in node_modules (run npm ci); the CLI runs unbundled");
}
for (const step of hasEsbuild ? ["precompile.mjs", "bundle.mjs"] : ["precompile.mjs"]) {
  const built = await run(process.execPath, [`scripts/build/${step}`]);
  if (built.code !== 0) {
    console.error(`\nscripts/build/${step} failed`);
    failed++;
    console.log(`${passed} passed, ${failed} failed`);
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

// 3. uvu
const pattern = process.argv[2] ?? "\\.test\\.js$";
const uvu = await run(process.execPath, ["node_modules/uvu/bin.js", "dist/test", pattern], { capture: true });
// eslint-disable-next-line no-control-regex
const plain = uvu.out.replace(/\u001b\[[0-9;]*m/g, "");
const total = Number(/Total:\s+(\d+)/.exec(plain)?.[1] ?? NaN);
const ok = Number(/Passed:\s+(\d+)/.exec(plain)?.[1] ?? NaN);
const skipped = Number(/Skipped:\s+(\d+)/.exec(plain)?.[1] ?? 0);
if (Number.isNaN(total) || Number.isNaN(ok)) {
  // uvu itself crashed (an import error in a test file, say): that is a failure, not silence.
  console.error("\nuvu did not report a summary: a test file failed to load");
  failed++;
} else {
  passed += ok;
  failed += total - ok - skipped;
  if (uvu.code !== 0 && total - ok - skipped === 0) failed++;
}

console.log(`\n${passed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
