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
  if (process.env.STACKC_NO_BUNDLE !== "1" && mtime("../dist/stackc.bundle.cjs") >= mtime("../dist/compiler/cli/main.js")) {
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
