import path from "node:path";
import type { Command } from "commander";
import { hasErrors } from "../../diagnostics/diagnostic.js";
import { SECRET_RULES } from "../../diagnostics/mask-secrets.js";
import { compile, type PolicyStage } from "../../pipeline.js";
import { createPolicyStage } from "../../policy/stage.js";
import { compareOutputs } from "../../write/compare.js";
import { changeCount, formatOutputDiff } from "../../write/diff.js";
import { ExitCode } from "../exit-codes.js";
import type { CommandContext } from "../main.js";
import { addInputOptions, type InputFlags } from "../input-options.js";
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
      // diff prints generated files: the secret rule (only it) must pass first, or a diff of
      // helmfile values would print the secret
      const catalog = createPolicyStage();
      const secretsOnly: PolicyStage = { evaluate: (input) => catalog.evaluate(input).filter((d) => SECRET_RULES.has(d.code)) };
      const result = await compile(paths, { cwd: ctx.io.cwd, emit: true, outDir: flags.out, allowOutside: flags.allowOutside, policy: secretsOnly });
      if (result.usageError || hasErrors(result.diagnostics)) {
        report(result, { format: "text", failOn: "error", color: colorFlag(command) }, ctx.io);
        ctx.setExit(exitCodeFor(result, "error"));
        return;
      }
      const comparison = await compareOutputs(result, path.resolve(ctx.io.cwd, flags.out));
      const outDisplay = flags.out.replace(/\/+$/, "");
      ctx.io.stdout.write(formatOutputDiff(comparison, outDisplay));
      const { files, stacks } = changeCount(comparison);
      ctx.io.stderr.write(files === 0 ? "No changes.\n" : `${files} file${files === 1 ? "" : "s"} would change in ${stacks} stack${stacks === 1 ? "" : "s"}.\n`);
      ctx.setExit(flags.exitCode && files > 0 ? ExitCode.Findings : ExitCode.Ok);
    });
}
