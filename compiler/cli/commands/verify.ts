import path from "node:path";
import type { Command } from "commander";
import { hasErrors } from "../../diagnostics/diagnostic.js";
import { compile } from "../../pipeline.js";
import { compareOutputs } from "../../write/compare.js";
import { verifyDiagnostics } from "../../write/verify.js";
import type { CommandContext } from "../main.js";
import { addInputOptions, type InputFlags } from "../input-options.js";
import { addReportOptions, colorFlag, type ReportFlags } from "../options.js";
import { baseFormats, exitCodeFor, report } from "../report.js";

export function registerVerify(program: Command, ctx: CommandContext): void {
  addReportOptions(
    addInputOptions(program
      .command("verify")
      .description("CI: fail unless out/ is exactly what the manifests compile to and no generated file was edited by hand")
      .argument("<paths...>", "manifest files or directories")
      .option("-o, --out <dir>", "output directory", "out")),
    baseFormats,
  ).action(async (paths: string[], flags: ReportFlags & InputFlags & { out: string }, command: Command) => {
    const result = await compile(paths, { cwd: ctx.io.cwd, emit: true, outDir: flags.out, allowOutside: flags.allowOutside });
    if (!result.usageError && !hasErrors(result.diagnostics)) {
      const comparison = await compareOutputs(result, path.resolve(ctx.io.cwd, flags.out));
      result.diagnostics.push(...verifyDiagnostics(comparison, flags.out.replace(/\/+$/, "")));
    }
    report(result, { ...flags, color: colorFlag(command) }, ctx.io);
    ctx.setExit(exitCodeFor(result, flags.failOn));
  });
}
