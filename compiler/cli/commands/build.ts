import type { Command } from "commander";
import { build } from "../../api/build.js";
import { UserPolicyError } from "../../policy/user/user-policies.js";
import type { CommandContext } from "../context.js";
import { addInputOptions, type InputFlags } from "../input-options.js";
import { ExitCode } from "../exit-codes.js";
import { collect, nowFlag } from "../now.js";
import { addReportOptions, colorFlag, type ReportFlags } from "../options.js";
import { baseFormats, exitCodeFor, report } from "../report.js";

interface BuildFlags extends ReportFlags, InputFlags {
  out: string;
  now?: string;
  policy: string[];
  skipPolicies?: boolean;
}

export function registerBuild(program: Command, ctx: CommandContext): void {
  addReportOptions(
    addInputOptions(
      program
      .command("build")
      .description("check manifests (schema, consistency, policies with waivers), then write out/<stack>/ for each — all or nothing: any error writes nothing")
      .argument("<paths...>", "manifest files or directories")
      .option("-o, --out <dir>", "output directory", "out")
      .option("--policy <path>", "extra Rego policies, as for check (a directory or a bundle.tar.gz); repeatable", collect, [])
      .option("--now <time>", "the time policies and waivers see: RFC 3339 or YYYY-MM-DD (default: the clock)")
      .option("--skip-policies", "write without evaluating any policy (reported as warning STK-POLICY-006; run check before applying)"),
    ),
    baseFormats,
  ).action(async (paths: string[], flags: BuildFlags, command: Command) => {
    const now = nowFlag(ctx, "build", flags.now);
    if (!now) return;
    if (flags.skipPolicies && flags.policy.length > 0) {
      ctx.io.stderr.write("stackc build: --skip-policies and --policy contradict each other\n");
      ctx.setExit(ExitCode.Usage);
      return;
    }
    let result;
    try {
      result = await build(paths, {
        cwd: ctx.io.cwd,
        allowOutside: flags.allowOutside,
        env: ctx.io.env,
        outDir: flags.out,
        now,
        policies: flags.policy,
        ...(flags.skipPolicies ? { skipPolicies: true } : {}),
        ...(ctx.io.fs ? { io: ctx.io.fs } : {}),
      });
    } catch (err) {
      if (!(err instanceof UserPolicyError)) throw err;
      ctx.io.stderr.write(`stackc build: ${err.message}\n`);
      ctx.setExit(ExitCode.Usage);
      return;
    }
    report(result, { ...flags, color: colorFlag(command) }, ctx.io);
    if (flags.format === "text" && result.written.length > 0) {
      ctx.io.stdout.write(`Wrote ${result.written.map((n) => `${flags.out}/${n}/`).join(", ")}\n`);
    }
    ctx.setExit(exitCodeFor(result, flags.failOn));
  });
}
