import type { Command } from "commander";
import { check, PolicyInputDirError } from "../../api/check.js";
import { UserPolicyError } from "../../policy/user/user-policies.js";
import type { CommandContext } from "../context.js";
import { addInputOptions, type InputFlags } from "../input-options.js";
import { ExitCode } from "../exit-codes.js";
import { collect, nowFlag } from "../now.js";
import { addReportOptions, colorFlag, type ReportFlags } from "../options.js";
import { addFleetOptions, type FleetFlags, fleetRunOptions, progressLine } from "../fleet-options.js";
import { FleetUsageError } from "../../fleet/settings.js";
import { checkFormats, exitCodeFor, report } from "../report.js";

interface CheckFlags extends ReportFlags, FleetFlags, InputFlags {
  policy: string[];
  now?: string;
  dumpPolicyInput?: string;
  out: string;
  baseline?: string;
}

export function registerCheck(program: Command, ctx: CommandContext): void {
  addReportOptions(
    addInputOptions(addFleetOptions(program
      .command("check")
      .description("CI gate: schema, consistency checks, emitters (in memory) and policies, with waivers; writes nothing")
      .argument("<paths...>", "manifest files or directories (searched recursively for .yaml/.yml)")
      .option("--policy <path>", "extra Rego policies (conftest convention): a directory, or a bundle.tar.gz from opa build -t wasm; repeatable", collect, [])
      .option("--now <time>", "the time policies and waivers see: RFC 3339 or YYYY-MM-DD (default: the clock)")
      .option("--dump-policy-input <dir>", "also write each stack's policy input to <dir>/<stack>.json (for opa eval, conftest test)")
      .option("-o, --out <dir>", "output directory whose last builds are the baseline of the change rules", "out")
      .option("--baseline <ref>", "change rules: compare with out/ as committed at this git ref (e.g. origin/main)"))),
    checkFormats,
  ).action(async (paths: string[], flags: CheckFlags, command: Command) => {
    const now = nowFlag(ctx, "check", flags.now);
    if (!now) return;
    const startedAt = Date.now();
    const progress = progressLine(ctx.io, "checking");
    const fleet = fleetRunOptions(flags, ctx.io, progress.update);
    if (typeof fleet === "string") {
      ctx.io.stderr.write(`stackc check: ${fleet}\n`);
      ctx.setExit(ExitCode.Usage);
      return;
    }
    let result;
    try {
      result = await check(paths, {
        ...fleet,
        cwd: ctx.io.cwd,
        allowOutside: flags.allowOutside,
        env: ctx.io.env,
        now,
        policies: flags.policy,
        ...(flags.dumpPolicyInput !== undefined ? { dumpPolicyInput: flags.dumpPolicyInput } : {}),
        outDir: flags.out,
        ...(flags.baseline !== undefined ? { baseline: flags.baseline } : {}),
        ...(ctx.io.fs ? { io: ctx.io.fs } : {}),
      });
    } catch (err) {
      progress.end();
      if (err instanceof FleetUsageError) {
        ctx.io.stderr.write(`stackc check: ${err.message}\n`);
        ctx.setExit(ExitCode.Usage);
        return;
      }
      if (err instanceof PolicyInputDirError) {
        ctx.io.stderr.write(`stackc check: cannot create --dump-policy-input ${flags.dumpPolicyInput}: ${err.cause instanceof Error ? err.cause.message : String(err.cause)}\n`);
        ctx.setExit(ExitCode.Usage);
        return;
      }
      if (!(err instanceof UserPolicyError)) throw err;
      ctx.io.stderr.write(`stackc check: ${err.message}\n`);
      ctx.setExit(ExitCode.Usage);
      return;
    }
    progress.end();
    report(result, { ...flags, startedAt, color: colorFlag(command), rules: result.rules }, ctx.io);
    ctx.setExit(exitCodeFor(result, flags.failOn));
  });
}
