// Incremental: a fleet of 1000 built once (filling the stack cache, in its own folder); then a
// first build with nothing changed (it hashes out/ and records stat stamps), builds with nothing
// changed, and builds after editing one stack's manifest (a different stack
// each run), each a median of ctx.runs runs.
import { readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fleet } from "./lib/fleets.mjs";
import { cli, fmtMs, repeat, runNode, table } from "./lib/measure.mjs";

export const title = "incremental: a fleet of 1000, one stack touched";
export const order = 30;

export default function incremental(ctx) {
  const n = Math.min(1000, Math.max(...ctx.sizes));
  const { dir, files } = fleet(n, ctx.now);
  const out = path.join(dir, "out");
  rmSync(out, { recursive: true, force: true });
  const cache = path.join(dir, "cache");
  rmSync(cache, { recursive: true, force: true });
  const buildArgs = [cli, "build", "fleet", "--now", ctx.now, "--out", out, "--cache-dir", cache, ...ctx.extraArgs];
  const full = runNode(buildArgs, { cwd: dir });
  // the first rebuild hashes every file and records its stat stamp (fleet/cached-output.ts); the
  // later ones compare stamps only
  const stamping = runNode(buildArgs, { cwd: dir });
  const unchanged = repeat(ctx.runs, () => runNode(buildArgs, { cwd: dir }));
  const touched = repeat(ctx.runs, (i) => {
    // a real edit (the description), so a content hash sees it; restored afterwards
    const file = path.join(dir, "fleet", files[(i * 37 + 11) % files.length]);
    const text = readFileSync(file, "utf8");
    writeFileSync(file, text.replace(/description: (.*)/, `description: $1 (edited ${i})`));
    try {
      return runNode(buildArgs, { cwd: dir });
    } finally {
      writeFileSync(file, text);
    }
  });
  rmSync(out, { recursive: true, force: true });
  ctx.print(table([["", "wall"], [`first build of ${n}`, fmtMs(full.ms)], ["first rebuild, nothing changed (hashes, stamps)", fmtMs(stamping.ms)], ["rebuild, nothing changed", fmtMs(unchanged.ms)], [`rebuild, 1 of ${n} edited`, fmtMs(touched.ms)]]));
  ctx.figure(`build after editing 1 of ${n}`, fmtMs(touched.ms), "target ≤ 1.0 s");
}
