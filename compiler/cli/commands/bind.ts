import type { Command } from "commander";
import { bind } from "../../api/bind.js";
import type { CommandContext } from "../context.js";
import { addInputOptions, type InputFlags } from "../input-options.js";
import { addLockTimeoutOption, lockTimeoutMs } from "../lock-timeout.js";
import { addReportOptions, colorFlag, type ReportFlags } from "../options.js";
import { baseFormats, exitCodeFor, report } from "../report.js";

export function registerBind(program: Command, ctx: CommandContext): void {
  addReportOptions(
    addInputOptions(
      addLockTimeoutOption(program
      .command("bind")
      .description(
        "write out/<stack>/kops/cluster.yaml: the stack's kops spec bound to `terraform output -json`, after checking the outputs match the stack (writes nothing on any error)",
      )
      .argument("<manifest>", "the stack manifest")
      .requiredOption("--terraform-output <file>", "what `terraform output -json` printed for the stack")
      .option("-o, --out <dir>", "output directory", "out"),
    ),
  ),
    baseFormats,
  ).action(async (manifest: string, flags: ReportFlags & InputFlags & { terraformOutput: string; out: string; lockTimeout: string }, command: Command) => {
    const lockTimeout = lockTimeoutMs(ctx, "bind", flags.lockTimeout);
    if (lockTimeout === undefined) return;
    const result = await bind(manifest, flags.terraformOutput, { cwd: ctx.io.cwd, allowOutside: flags.allowOutside, outDir: flags.out, lockTimeoutMs: lockTimeout, ...(ctx.io.fs ? { io: ctx.io.fs } : {}) });
    report(result, { ...flags, color: colorFlag(command) }, ctx.io);
    if (flags.format === "text" && result.written) ctx.io.stdout.write(`Wrote ${result.written}\n`);
    ctx.setExit(exitCodeFor(result, flags.failOn));
  });
}
