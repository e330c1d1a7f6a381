import type { Command } from "commander";
import { runFleet } from "../../fleet/run.js";
import { ExitCode } from "../exit-codes.js";
import { addFleetOptions, cacheOption, fleetCache, type FleetFlags, parseFleetFlags, progressLine } from "../fleet-options.js";
import type { CommandContext } from "../main.js";
import { addReportOptions, colorFlag, type ReportFlags } from "../options.js";
import { baseFormats, exitCodeFor, report } from "../report.js";

export function registerVerify(program: Command, ctx: CommandContext): void {
  addReportOptions(
    addFleetOptions(program
      .command("verify")
      .description("CI: fail unless out/ is exactly what the manifests compile to and no generated file was edited by hand")
      .argument("<paths...>", "manifest files or directories")
      .option("-o, --out <dir>", "output directory", "out")),
    baseFormats,
  ).action(async (paths: string[], flags: ReportFlags & FleetFlags & { out: string }, command: Command) => {
    const selection = await parseFleetFlags(flags, ctx.io);
    if ("error" in selection) {
      ctx.io.stderr.write(`stackc verify: ${selection.error}\n`);
      ctx.setExit(ExitCode.Usage);
      return;
    }
    const progress = progressLine(ctx.io, "verifying");
    const cache = fleetCache(flags, ctx.io, { mode: "verify", today: "", outDir: flags.out });
    const result = await runFleet(paths, { mode: "verify", cwd: ctx.io.cwd, outDir: flags.out, ...selection, ...cacheOption(cache), onProgress: progress.update });
    progress.end();
    report(result, { ...flags, color: colorFlag(command) }, ctx.io);
    ctx.setExit(exitCodeFor(result, flags.failOn));
  });
}
