import type { Command } from "commander";
import { verify } from "../../api/verify.js";
import type { CommandContext } from "../context.js";
import { addInputOptions, type InputFlags } from "../input-options.js";
import { addReportOptions, colorFlag, type ReportFlags } from "../options.js";
import { baseFormats, exitCodeFor, report } from "../report.js";

export function registerVerify(program: Command, ctx: CommandContext): void {
  addReportOptions(
    addInputOptions(
      program
      .command("verify")
      .description("CI: fail unless out/ is exactly what the manifests compile to and no generated file was edited by hand")
      .argument("<paths...>", "manifest files or directories")
      .option("-o, --out <dir>", "output directory", "out"),
    ),
    baseFormats,
  ).action(async (paths: string[], flags: ReportFlags & InputFlags & { out: string }, command: Command) => {
    const result = await verify(paths, { cwd: ctx.io.cwd, allowOutside: flags.allowOutside, outDir: flags.out, ...(ctx.io.fs ? { io: ctx.io.fs } : {}) });
    report(result, { ...flags, color: colorFlag(command) }, ctx.io);
    ctx.setExit(exitCodeFor(result, flags.failOn));
  });
}
