import type { Command } from "commander";
import { diff } from "../../api/diff.js";
import type { CommandContext } from "../context.js";
import { addInputOptions, type InputFlags } from "../input-options.js";
import { ExitCode } from "../exit-codes.js";
import { colorFlag } from "../options.js";
import { exitCodeFor, report } from "../report.js";

export function registerDiff(program: Command, ctx: CommandContext): void {
  addInputOptions(program
    .command("diff"))
    .description("show, as a unified diff, what stackc build would change in out/ (writes nothing)")
    .argument("<paths...>", "manifest files or directories")
    .option("-o, --out <dir>", "output directory", "out")
    .option("--exit-code", "exit 1 when build would change something")
    .action(async (paths: string[], flags: InputFlags & { out: string; exitCode?: boolean }, command: Command) => {
      const result = await diff(paths, { cwd: ctx.io.cwd, allowOutside: flags.allowOutside, outDir: flags.out, ...(ctx.io.fs ? { io: ctx.io.fs } : {}) });
      if (!result.comparison) {
        report(result, { format: "text", failOn: "error", color: colorFlag(command) }, ctx.io);
        ctx.setExit(exitCodeFor(result, "error"));
        return;
      }
      ctx.io.stdout.write(result.patch);
      const { files, stacks } = result.changes;
      ctx.io.stderr.write(files === 0 ? "No changes.\n" : `${files} file${files === 1 ? "" : "s"} would change in ${stacks} stack${stacks === 1 ? "" : "s"}.\n`);
      ctx.setExit(flags.exitCode && files > 0 ? ExitCode.Findings : ExitCode.Ok);
    });
}
