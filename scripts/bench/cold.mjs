// Cold start: one stack checked and built by a fresh `node bin/stackc.js` process, as a ratio to
// the floor, `node -e 0` (Node's own start). Medians of many runs, alternated so that machine
// noise hits both sides alike. --no-cache: every run compiles the stack.
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { cli, fmtMs, median, runNode, table } from "./lib/measure.mjs";

export const title = "cold start: one stack, fresh process";
export const order = 10;

export default function cold(ctx) {
  const runs = Math.max(11, ctx.runs * 3);
  const stack = "stacks/prod.yaml";
  const tmp = mkdtempSync(path.join(os.tmpdir(), "stackc-bench-cold-"));
  const floor = [];
  const check = [];
  const build = [];
  const help = [];
  try {
    runNode(["-e", "0"]);
    runNode([cli, "check", stack, "--now", ctx.now, "--no-cache"]);
    for (let i = 0; i < runs; i++) {
      floor.push(runNode(["-e", "0"]).ms);
      check.push(runNode([cli, "check", stack, "--now", ctx.now, "--no-cache"]).ms);
      const out = path.join(tmp, `out-${i}`);
      build.push(runNode([cli, "build", stack, "--now", ctx.now, "--allow-outside", tmp, "--out", out, "--no-cache"]).ms);
      rmSync(out, { recursive: true, force: true });
      help.push(runNode([cli, "--version"]).ms);
    }
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
  const f = median(floor);
  const row = (label, xs) => [label, fmtMs(median(xs)), `${(median(xs) / f).toFixed(2)} ×`];
  ctx.print(table([["", "median", "× node -e 0"], row("node -e 0", floor), row("stackc --version", help), row(`stackc check ${stack}`, check), row(`stackc build ${stack}`, build)]));
  ctx.figure("cold check ÷ node -e 0", (median(check) / f).toFixed(2), "target ≤ 2.5 (stretch 2.0)");
  ctx.figure("cold build ÷ node -e 0", (median(build) / f).toFixed(2));
}
