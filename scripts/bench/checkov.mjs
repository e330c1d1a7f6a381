// checkov beside stackc: wall time of the pinned checkov (scripts/tools/checkov.mjs, offline,
// framework terraform) on the example stacks' Terraform against `stackc check` on the same
// stacks, as a ratio — once on one prod stack's module folder, once on all ten module folders of
// stacks/ (out/*/terraform and terraform-bootstrap, one checkov run over a copy holding them all).
// What a team pays to run the scanner it already trusts beside the gate that claims equivalence.
// stackc runs with --no-cache: a warm stack cache would measure lookups, not a check.
import { spawnSync } from "node:child_process";
import { cpSync, existsSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { cli, fmtMs, median, root, runNode, table } from "./lib/measure.mjs";

export const title = "checkov: wall time on the example stacks, beside stackc check";
export const order = 50;

function timeCheckov(bin, dir, runs) {
  const ms = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    const r = spawnSync(bin, ["-d", dir, "--framework", "terraform", "--skip-download", "--output", "json", "--quiet", "--compact"], {
      encoding: "utf8",
      maxBuffer: 256 * 1024 * 1024,
      env: { ...process.env, BC_SKIP_MAPPING: "TRUE" },
    });
    ms.push(performance.now() - t);
    // 0: every check passed, 1: some failed (the deliberate exceptions): both are a full scan
    if (r.error || (r.status !== 0 && r.status !== 1)) throw new Error(`checkov failed (${r.status}): ${(r.stderr || "").slice(0, 2000)}`);
  }
  return median(ms);
}

export default async function checkov(ctx) {
  let bin;
  try {
    const tool = await import(path.join(root, "scripts/tools/checkov.mjs"));
    bin = await tool.ensure({ log: (line) => ctx.print(`[tools] ${line}`) });
  } catch (err) {
    ctx.print(`SKIPPED checkov comparison: ${err instanceof Error ? err.message.split("\n")[0] : String(err)}`);
    ctx.figure("checkov ÷ stackc check, all stacks", "SKIPPED (no checkov)");
    return;
  }
  const out = path.join(root, "out");
  const stacks = readdirSync(out).filter((d) => existsSync(path.join(out, d, "terraform"))).sort();
  const all = mkdtempSync(path.join(os.tmpdir(), "stackc-bench-checkov-"));
  try {
    for (const s of stacks) {
      for (const m of ["terraform", "terraform-bootstrap"]) cpSync(path.join(out, s, m), path.join(all, s, m), { recursive: true });
    }
    const one = path.join(out, "prod-eu-west-1", "terraform");
    const checkOne = median(Array.from({ length: ctx.runs }, () => runNode([cli, "check", "--no-cache", "--now", ctx.now, "stacks/prod.yaml"]).ms));
    const checkAll = median(Array.from({ length: ctx.runs }, () => runNode([cli, "check", "--no-cache", "--now", ctx.now, "stacks/"]).ms));
    const ckOne = timeCheckov(bin, one, ctx.runs);
    const ckAll = timeCheckov(bin, all, ctx.runs);
    ctx.print(
      table([
        ["scope", "stackc check", "checkov", "checkov ÷ stackc"],
        ["prod-eu-west-1 (checkov: its terraform/)", fmtMs(checkOne), fmtMs(ckOne), `${(ckOne / checkOne).toFixed(1)}×`],
        [`all ${stacks.length} stacks (checkov: ${stacks.length * 2} module folders)`, fmtMs(checkAll), fmtMs(ckAll), `${(ckAll / checkAll).toFixed(1)}×`],
      ]),
    );
    ctx.print("stackc check also validates, compiles every artifact and runs the whole catalog; checkov only scans the Terraform.");
    ctx.figure("checkov ÷ stackc check, one prod stack", `${(ckOne / checkOne).toFixed(1)}×`);
    ctx.figure("checkov ÷ stackc check, all stacks", `${(ckAll / checkAll).toFixed(1)}×`);
  } finally {
    rmSync(all, { recursive: true, force: true });
  }
}
