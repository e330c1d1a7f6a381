#!/usr/bin/env node
// Thin launcher: the CLI lives in dist/ (compiled by `npm ci` through the prepare script).
import { main } from "../dist/compiler/cli/main.js";

const code = await main(process.argv.slice(2), {
  stdout: process.stdout,
  stderr: process.stderr,
  env: process.env,
  cwd: process.cwd(),
});
process.exitCode = code;
