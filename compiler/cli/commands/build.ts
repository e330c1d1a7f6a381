import type { Command } from "commander";
import { build } from "../../pipeline.js";
import type { CommandContext } from "../main.js";
import { addReportOptions, colorFlag, type ReportFlags } from "../options.js";
import { baseFormats, exitCodeFor, report } from "../report.js";

export function registerBuild(program: Command, ctx: CommandContext): void {
  addReportOptions(
    program
      .command("build")
      .description("check manifests, then write out/<stack>/ for each (all or nothing: any error writes nothing)")
      .argument("<paths...>", "manifest files or directories")
      .option("-o, --out <dir>", "output directory", "out"),
    baseFormats,
  ).action(async (paths: string[], flags: ReportFlags & { out: string }, command: Command) => {
    const result = await build(paths, { cwd: ctx.io.cwd, outDir: flags.out });
    report(result, { ...flags, color: colorFlag(command) }, ctx.io);
    if (flags.format === "text" && result.written.length > 0) {
      ctx.io.stdout.write(`Wrote ${result.written.map((n) => `${flags.out}/${n}/`).join(", ")}\n`);
    }
    ctx.setExit(exitCodeFor(result, flags.failOn));
  });
}
