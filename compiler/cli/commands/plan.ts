// stackc plan: every change from the baseline (the last build in out/, or out/ at a git ref)
// to what the manifests compile to now, classified, with the change rules applied. Thin: the
// library plans (api/plan.ts), this picks the format and the exit code.
import type { Command } from "commander";
import { Option } from "commander";
import { plan } from "../../api/plan.js";
import { hasErrors } from "../../diagnostics/diagnostic.js";
import { formatPlanJson } from "../../report/plan/json.js";
import { formatPlanMarkdown } from "../../report/plan/markdown.js";
import { formatPatch, patchInput } from "../../report/plan/patch.js";
import { formatPlanText } from "../../report/plan/text.js";
import { colors, shouldUseColor } from "../../report/colors.js";
import { formatText } from "../../report/text.js";
import { stackcVersion } from "../../version.js";
import type { CommandContext } from "../context.js";
import { addInputOptions, type InputFlags } from "../input-options.js";
import { colorFlag } from "../options.js";
import { exitCodeFor, report, type FailOn } from "../report.js";

interface PlanFlags extends InputFlags {
  out: string;
  baseline?: string;
  format: "text" | "json" | "markdown";
  patch?: boolean;
  failOn: FailOn;
}

export function registerPlan(program: Command, ctx: CommandContext): void {
  addInputOptions(program
    .command("plan"))
    .description("list every change from the last build (or --baseline <git-ref>) to the manifests, classified safe / disruptive / destructive, and refuse unsafe ones")
    .argument("<paths...>", "manifest files or directories")
    .option("-o, --out <dir>", "output directory holding the baseline builds", "out")
    .option("--baseline <ref>", "compare with out/ as committed at this git ref (e.g. origin/main) instead of the working tree")
    .addOption(new Option("-f, --format <format>", "output format").choices(["text", "json", "markdown"]).default("text"))
    .option("--patch", "text: also print the unified diff of the generated files")
    .addOption(new Option("--fail-on <level>", "lowest severity that fails the run").choices(["error", "warn"]).default("error"))
    .action(async (paths: string[], flags: PlanFlags, command: Command) => {
      const result = await plan(paths, {
        cwd: ctx.io.cwd,
        allowOutside: flags.allowOutside,
        outDir: flags.out,
        ...(flags.baseline !== undefined ? { baseline: flags.baseline } : {}),
        ...(ctx.io.fs ? { io: ctx.io.fs } : {}),
      });
      const compiled = result.plans.length > 0 || !(result.usageError || hasErrors(result.diagnostics));
      if (!compiled) {
        report(result, { format: flags.format === "json" ? "json" : "text", failOn: flags.failOn, color: colorFlag(command) }, ctx.io);
        ctx.setExit(exitCodeFor(result, flags.failOn));
        return;
      }
      if (flags.format === "json") {
        ctx.io.stdout.write(formatPlanJson(result.plans, result.diagnostics, stackcVersion));
      } else if (flags.format === "markdown") {
        ctx.io.stdout.write(formatPlanMarkdown(result.plans, result.diagnostics));
      } else {
        const c = colors(shouldUseColor(ctx.io.stdout, ctx.io.env, colorFlag(command)));
        ctx.io.stdout.write(formatPlanText(result.plans, c));
        if (flags.patch) {
          const inputs = [];
          for (const p of result.plans) inputs.push(await patchInput(p, result.stacks.find((s) => s.file === p.file)?.files ?? []));
          ctx.io.stdout.write(formatPatch(inputs, flags.out.replace(/\/+$/, "")));
        }
        if (result.diagnostics.length > 0) {
          ctx.io.stdout.write(formatText({ diagnostics: result.diagnostics, sources: result.sources, stackCount: result.stacks.length, colors: c }));
        }
      }
      ctx.setExit(exitCodeFor(result, flags.failOn));
    });
}
