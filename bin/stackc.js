#!/usr/bin/env node
// Thin launcher: the CLI lives in dist/ (compiled by `npm ci` through the prepare script). The
// one-file bundle with its code cache (scripts/build/bundle.mjs) starts faster; it is used only
// when it is at least as new as the tsc output, so a tsc-only rebuild is never shadowed by a
// stale bundle (STACKC_NO_BUNDLE=1 forces the unbundled modules).
import { statSync } from "node:fs";
import { fileURLToPath } from "node:url";

const mtime = (relative) => {
  try {
    return statSync(new URL(relative, import.meta.url)).mtimeMs;
  } catch {
    return -1;
  }
};

async function loadMain() {
  const bundle = mtime("../dist/stackc.bundle.cjs");
  const modules = mtime("../dist/compiler/cli/main.js");
  if (bundle < 0 && modules < 0) {
    // a checkout that was never built: say so, instead of a module-not-found stack trace
    process.stderr.write("stackc: not built yet (dist/ is missing); run `npm ci` (or `npm run build`) in the stackc package\n");
    process.exit(3);
  }
  if (process.env.STACKC_NO_BUNDLE !== "1" && bundle >= modules) {
    const { loadBundle } = await import("./load-bundle.js");
    return loadBundle(fileURLToPath(new URL("../dist/stackc.bundle.cjs", import.meta.url))).exports.main;
  }
  return (await import("../dist/compiler/cli/main.js")).main;
}

const main = await loadMain();
const code = await main(process.argv.slice(2), {
  stdout: process.stdout,
  stderr: process.stderr,
  env: process.env,
  cwd: process.cwd(),
});
process.exitCode = code;
