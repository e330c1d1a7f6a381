import type { Command } from "commander";
import { build } from "../../api/build.js";
import { UserPolicyError } from "../../policy/user/user-policies.js";
import type { CommandContext } from "../context.js";
import { addInputOptions, type InputFlags } from "../input-options.js";
import { ExitCode } from "../exit-codes.js";
import { collect, nowFlag } from "../now.js";
import { addLockTimeoutOption, lockTimeoutMs } from "../lock-timeout.js";
import { addReportOptions, colorFlag, type ReportFlags } from "../options.js";
import { addFleetOptions, type FleetFlags, fleetRunOptions, progressLine } from "../fleet-options.js";
import { FleetUsageError } from "../../fleet/settings.js";
import { baseFormats, exitCodeFor, report } from "../report.js";

interface BuildFlags extends ReportFlags, FleetFlags, InputFlags {
  out: string;
  now?: string;
  policy: string[];
  skipPolicies?: boolean;
  force?: boolean;
  lockTimeout: string;
}

export function registerBuild(program: Command, ctx: CommandContext): void {
  addReportOptions(
    addInputOptions(addFleetOptions(addLockTimeoutOption(program
      .command("build")
      .description("check manifests (schema, consistency, policies with waivers), then write out/<stack>/ for each — all or nothing: any error writes nothing")
      .argument("<paths...>", "manifest files or directories")
      .option("-o, --out <dir>", "output directory", "out")
      .option("--policy <path>", "extra Rego policies, as for check (a directory or a bundle.tar.gz); repeatable", collect, [])
      .option("--now <time>", "the time policies and waivers see: RFC 3339 or YYYY-MM-DD (default: the clock)")
      .option("--skip-policies", "write without evaluating any policy (reported as warning STK-POLICY-006; run check before applying)")
      .option("--force", "overwrite generated files edited by hand and delete files added by hand in out/<stack>/")))),
    baseFormats,
  ).action(async (paths: string[], flags: BuildFlags, command: Command) => {
    const now = nowFlag(ctx, "build", flags.now);
    if (!now) return;
    const lockTimeout = lockTimeoutMs(ctx, "build", flags.lockTimeout);
    if (lockTimeout === undefined) return;
    if (flags.skipPolicies && flags.policy.length > 0) {
      ctx.io.stderr.write("stackc build: --skip-policies and --policy contradict each other\n");
      ctx.setExit(ExitCode.Usage);
      return;
    }
    const startedAt = Date.now();
    const progress = progressLine(ctx.io, "building");
    const fleet = fleetRunOptions(flags, ctx.io, progress.update);
    if (typeof fleet === "string") {
      ctx.io.stderr.write(`stackc build: ${fleet}\n`);
      ctx.setExit(ExitCode.Usage);
      return;
    }
    let result;
    try {
      result = await build(paths, {
        ...fleet,
        cwd: ctx.io.cwd,
        allowOutside: flags.allowOutside,
        env: ctx.io.env,
        outDir: flags.out,
        now,
        policies: flags.policy,
        ...(flags.skipPolicies ? { skipPolicies: true } : {}),
        ...(flags.force ? { force: true } : {}),
        lockTimeoutMs: lockTimeout,
        ...(ctx.io.fs ? { io: ctx.io.fs } : {}),
      });
    } catch (err) {
      progress.end();
      if (!(err instanceof UserPolicyError) && !(err instanceof FleetUsageError)) throw err;
      ctx.io.stderr.write(`stackc build: ${err.message}\n`);
      ctx.setExit(ExitCode.Usage);
      return;
    }
    progress.end();
    report(result, { ...flags, startedAt, color: colorFlag(command) }, ctx.io);
    if (flags.format === "text" && result.written.length > 0) {
      ctx.io.stdout.write(`${wroteLine(result.written, flags.out)}\n`);
    }
    ctx.setExit(exitCodeFor(result, flags.failOn));
  });
}

const WROTE_LISTED = 10;

/** What build wrote: each folder for a few stacks; for a fleet, a count and the first and last (one short line, not thousands of paths). */
export function wroteLine(written: readonly string[], out: string): string {
  if (written.length <= WROTE_LISTED) return `Wrote ${written.map((n) => `${out}/${n}/`).join(", ")}`;
  return `Wrote ${written.length} stacks under ${out}/ (${out}/${written[0]}/ ... ${out}/${written[written.length - 1]}/)`;
}
