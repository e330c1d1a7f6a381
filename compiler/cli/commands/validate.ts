import type { Command } from "commander";
import { validate } from "../../api/validate.js";
import type { CommandContext } from "../context.js";
import { addInputOptions, type InputFlags } from "../input-options.js";
import { addReportOptions, colorFlag, type ReportFlags } from "../options.js";
import { baseFormats, exitCodeFor, report } from "../report.js";

export function registerValidate(program: Command, ctx: CommandContext): void {
  addReportOptions(
    addInputOptions(
      program
      .command("validate")
      .description("check manifests against the schema and stackc's consistency rules (no policies, writes nothing)")
      .argument("<paths...>", "manifest files or directories (searched recursively for .yaml/.yml)"),
    ),
    baseFormats,
  ).action(async (paths: string[], flags: ReportFlags & InputFlags, command: Command) => {
    const result = await validate(paths, { cwd: ctx.io.cwd, allowOutside: flags.allowOutside, ...(ctx.io.fs ? { io: ctx.io.fs } : {}) });
    report(result, { ...flags, color: colorFlag(command) }, ctx.io);
    ctx.setExit(exitCodeFor(result, flags.failOn));
  });
}
