import type { Command } from "commander";
import { bindStack } from "../../bind/run.js";
import type { CommandContext } from "../main.js";
import { addInputOptions, type InputFlags } from "../input-options.js";
import { addReportOptions, colorFlag, type ReportFlags } from "../options.js";
import { baseFormats, exitCodeFor, report } from "../report.js";

export function registerBind(program: Command, ctx: CommandContext): void {
  addReportOptions(
    addInputOptions(program
      .command("bind")
      .description(
        "write out/<stack>/kops/cluster.yaml: the stack's kops spec bound to `terraform output -json`, after checking the outputs match the stack (writes nothing on any error)",
      )
      .argument("<manifest>", "the stack manifest")
      .requiredOption("--terraform-output <file>", "what `terraform output -json` printed for the stack")
      .option("-o, --out <dir>", "output directory", "out")),
    baseFormats,
  ).action(async (manifest: string, flags: ReportFlags & InputFlags & { terraformOutput: string; out: string }, command: Command) => {
    const result = await bindStack(manifest, flags.terraformOutput, { cwd: ctx.io.cwd, outDir: flags.out, allowOutside: flags.allowOutside });
    report(result, { ...flags, color: colorFlag(command) }, ctx.io);
    if (flags.format === "text" && result.written) ctx.io.stdout.write(`Wrote ${result.written}\n`);
    ctx.setExit(exitCodeFor(result, flags.failOn));
  });
}
