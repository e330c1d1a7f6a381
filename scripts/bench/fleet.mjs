// Fleets: `check` and `build` of generated fleets of growing size, wall time, stacks/s and the
// process's peak RSS (workers included), each a median of ctx.runs runs. A build starts from an
// empty output folder each run and no run reads the stack cache (--no-cache), so nothing is
// incremental here (see incremental.mjs).
import { rmSync } from "node:fs";
import path from "node:path";
import { fleet } from "./lib/fleets.mjs";
import { cli, fmtMiB, fmtMs, repeat, runNode, table } from "./lib/measure.mjs";

export const title = "fleets: check and build from scratch";
export const order = 20;

export default function fleets(ctx) {
  const rows = [["stacks", "check", "stacks/s", "peak RSS", "build", "stacks/s", "peak RSS"]];
  const results = new Map();
  for (const n of ctx.sizes) {
    const { dir } = fleet(n, ctx.now);
    const check = repeat(ctx.runs, () => runNode([cli, "check", "fleet", "--now", ctx.now, "--no-cache", ...ctx.extraArgs], { cwd: dir, measureRss: true }));
    const out = path.join(dir, "out");
    const build = repeat(ctx.runs, () => {
      rmSync(out, { recursive: true, force: true });
      return runNode([cli, "build", "fleet", "--now", ctx.now, "--out", out, "--no-cache", ...ctx.extraArgs], { cwd: dir, measureRss: true });
    });
    rmSync(out, { recursive: true, force: true });
    results.set(n, { check, build });
    rows.push([n, fmtMs(check.ms), (n / (check.ms / 1000)).toFixed(0), fmtMiB(check.rss), fmtMs(build.ms), (n / (build.ms / 1000)).toFixed(0), fmtMiB(build.rss)]);
    ctx.print(`  ${n} stacks done`, { progress: true });
  }
  ctx.print(table(rows));
  const at = (n) => results.get(n);
  if (at(500)) ctx.figure("build stacks/s at 500", (500 / (at(500).build.ms / 1000)).toFixed(0), "target ≥ 200");
  if (at(500) && at(2000)) ctx.figure("build time 2000 ÷ 500", (at(2000).build.ms / at(500).build.ms).toFixed(2), "target ≤ 4.2");
  if (at(100) && at(2000)) {
    ctx.figure("build peak RSS 2000 ÷ 100", (at(2000).build.rss / at(100).build.rss).toFixed(2), "target ≤ 1.3");
    ctx.figure("check peak RSS 2000 ÷ 100", (at(2000).check.rss / at(100).check.rss).toFixed(2));
  }
}
