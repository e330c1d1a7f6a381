import type { Command } from "commander";
import { verify } from "../../api/verify.js";
import type { CommandContext } from "../context.js";
import { addInputOptions, type InputFlags } from "../input-options.js";
import { ExitCode } from "../exit-codes.js";
import { addReportOptions, colorFlag, type ReportFlags } from "../options.js";
import { addFleetOptions, type FleetFlags, fleetRunOptions, progressLine } from "../fleet-options.js";
import { FleetUsageError } from "../../fleet/settings.js";
import { baseFormats, exitCodeFor, report } from "../report.js";

export function registerVerify(program: Command, ctx: CommandContext): void {
  addReportOptions(
    addInputOptions(addFleetOptions(program
      .command("verify")
      .description("CI: fail unless out/ is exactly what the manifests compile to and no generated file was edited by hand")
      .argument("<paths...>", "manifest files or directories")
      .option("-o, --out <dir>", "output directory", "out"))),
    baseFormats,
  ).action(async (paths: string[], flags: ReportFlags & FleetFlags & InputFlags & { out: string }, command: Command) => {
    const startedAt = Date.now();
    const progress = progressLine(ctx.io, "verifying");
    const fleet = fleetRunOptions(flags, ctx.io, progress.update);
    if (typeof fleet === "string") {
      ctx.io.stderr.write(`stackc verify: ${fleet}\n`);
      ctx.setExit(ExitCode.Usage);
      return;
    }
    let result;
    try {
      result = await verify(paths, { ...fleet, cwd: ctx.io.cwd, allowOutside: flags.allowOutside, outDir: flags.out, ...(ctx.io.fs ? { io: ctx.io.fs } : {}) });
    } catch (err) {
      progress.end();
      if (!(err instanceof FleetUsageError)) throw err;
      ctx.io.stderr.write(`stackc verify: ${err.message}\n`);
      ctx.setExit(ExitCode.Usage);
      return;
    }
    progress.end();
    report(result, { ...flags, startedAt, color: colorFlag(command) }, ctx.io);
    ctx.setExit(exitCodeFor(result, flags.failOn));
  });
}
