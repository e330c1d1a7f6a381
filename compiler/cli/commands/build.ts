import type { Command } from "commander";
import { build } from "../../pipeline.js";
import { parseNow } from "../../policy/facts.js";
import { createPolicyStage } from "../../policy/stage.js";
import { ExitCode } from "../exit-codes.js";
import type { CommandContext } from "../main.js";
import { addInputOptions, type InputFlags } from "../input-options.js";
import { addReportOptions, colorFlag, type ReportFlags } from "../options.js";
import { baseFormats, exitCodeFor, report } from "../report.js";

export function registerBuild(program: Command, ctx: CommandContext): void {
  addReportOptions(
    addInputOptions(program
      .command("build")
      .description("check manifests (schema, consistency, policies with waivers), then write out/<stack>/ for each — all or nothing: any error writes nothing")
      .argument("<paths...>", "manifest files or directories")
      .option("-o, --out <dir>", "output directory", "out")
      .option("--now <time>", "the time policies and waivers see: RFC 3339 or YYYY-MM-DD (default: the clock)")),
    baseFormats,
  ).action(async (paths: string[], flags: ReportFlags & InputFlags & { out: string; now?: string }, command: Command) => {
    const now = flags.now === undefined ? new Date() : parseNow(flags.now);
    if (!now) {
      ctx.io.stderr.write(`stackc build: --now ${JSON.stringify(flags.now)} is neither an RFC 3339 time nor a date (YYYY-MM-DD)\n`);
      ctx.setExit(ExitCode.Usage);
      return;
    }
    // build is check + write: a stack the policy gate refuses is never written
    const policy = createPolicyStage({ now });
    const result = await build(paths, { cwd: ctx.io.cwd, outDir: flags.out, policy, allowOutside: flags.allowOutside });
    report(result, { ...flags, color: colorFlag(command) }, ctx.io);
    if (flags.format === "text" && result.written.length > 0) {
      ctx.io.stdout.write(`Wrote ${result.written.map((n) => `${flags.out}/${n}/`).join(", ")}\n`);
    }
    ctx.setExit(exitCodeFor(result, flags.failOn));
  });
}
