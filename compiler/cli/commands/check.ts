import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import type { Command } from "commander";
import type { StackModel } from "../../normalize/model.js";
import type { PolicyInput } from "../../policy/input.js";
import { compile } from "../../pipeline.js";
import { parseNow } from "../../policy/facts.js";
import { createPolicyStage } from "../../policy/stage.js";
import { UserPolicyError, loadUserPolicies } from "../../policy/user-policies.js";
import { ExitCode } from "../exit-codes.js";
import type { CommandContext } from "../main.js";
import { addInputOptions, type InputFlags } from "../input-options.js";
import { addReportOptions, colorFlag, type ReportFlags } from "../options.js";
import { checkFormats, exitCodeFor, report } from "../report.js";

interface CheckFlags extends ReportFlags, InputFlags {
  policy: string[];
  now?: string;
  dumpPolicyInput?: string;
}

export function registerCheck(program: Command, ctx: CommandContext): void {
  addReportOptions(
    addInputOptions(program
      .command("check")
      .description("CI gate: schema, consistency checks, emitters (in memory) and policies, with waivers; writes nothing")
      .argument("<paths...>", "manifest files or directories (searched recursively for .yaml/.yml)")
      .option("--policy <path>", "extra Rego policies (conftest convention): a directory, or a bundle.tar.gz from opa build -t wasm; repeatable", collect, [])
      .option("--now <time>", "the time policies and waivers see: RFC 3339 or YYYY-MM-DD (default: the clock)")
      .option("--dump-policy-input <dir>", "also write each stack's policy input to <dir>/<stack>.json (for opa eval, conftest test)")),
    checkFormats,
  ).action(async (paths: string[], flags: CheckFlags, command: Command) => {
    let now = new Date();
    if (flags.now !== undefined) {
      const parsed = parseNow(flags.now);
      if (!parsed) {
        ctx.io.stderr.write(`stackc check: --now ${JSON.stringify(flags.now)} is neither an RFC 3339 time (2026-11-21T08:00:00Z) nor a date (2026-11-21)\n`);
        ctx.setExit(ExitCode.Usage);
        return;
      }
      now = parsed;
    }
    let extraPolicies;
    try {
      extraPolicies = loadUserPolicies(flags.policy, { cwd: ctx.io.cwd, env: ctx.io.env });
    } catch (err) {
      if (!(err instanceof UserPolicyError)) throw err;
      ctx.io.stderr.write(`stackc check: ${err.message}\n`);
      ctx.setExit(ExitCode.Usage);
      return;
    }
    let onInput: ((model: StackModel, input: PolicyInput) => void) | undefined;
    if (flags.dumpPolicyInput !== undefined) {
      const dir = path.resolve(ctx.io.cwd, flags.dumpPolicyInput);
      try {
        mkdirSync(dir, { recursive: true });
      } catch (err) {
        ctx.io.stderr.write(`stackc check: cannot create --dump-policy-input ${flags.dumpPolicyInput}: ${err instanceof Error ? err.message : String(err)}\n`);
        ctx.setExit(ExitCode.Usage);
        return;
      }
      // the exact document the wasm policies see, one file per stack (named by metadata.name)
      onInput = (model, input) => writeFileSync(path.join(dir, `${model.name}.json`), `${JSON.stringify(input, null, 2)}\n`);
    }
    const policy = createPolicyStage({ now, extraPolicies, onInput });
    const result = await compile(paths, { cwd: ctx.io.cwd, emit: true, policy, allowOutside: flags.allowOutside });
    report(result, { ...flags, color: colorFlag(command), rules: policy.rules }, ctx.io);
    ctx.setExit(exitCodeFor(result, flags.failOn));
  });
}

function collect(value: string, previous: string[]): string[] {
  return [...previous, value];
}
