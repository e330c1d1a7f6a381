import { Option, type Command } from "commander";
import { codes } from "../../diagnostics/codes.js";
import { explainJson, explainText, findExplanation } from "../../policy/catalog/explain.js";
import { loadRules } from "../../policy/catalog/rules.js";
import { didYouMean } from "../../util/did-you-mean.js";
import { ExitCode } from "../exit-codes.js";
import type { CommandContext } from "../main.js";

export function registerExplain(program: Command, ctx: CommandContext): void {
  program
    .command("explain")
    .description("explain a policy rule or diagnostic code: severity, rationale, how to fix, equivalent scanner checks")
    .argument("<id>", "a rule id (STK-NET-003) or diagnostic code (STK-SCHEMA-001)")
    .addOption(new Option("-f, --format <format>", "output format").choices(["text", "json"]).default("text"))
    .action((id: string, flags: { format: string }) => {
      const rules = loadRules();
      const e = findExplanation(id, rules, codes);
      if (!e) {
        const suggestion = didYouMean(id.toUpperCase(), [...rules.map((r) => r.id), ...codes.keys()]);
        ctx.io.stderr.write(`stackc explain: no rule or code ${JSON.stringify(id)}${suggestion ? `; did you mean ${suggestion}?` : ""}\n`);
        ctx.setExit(ExitCode.Usage);
        return;
      }
      ctx.io.stdout.write(flags.format === "json" ? explainJson(e) : explainText(e));
      ctx.setExit(ExitCode.Ok);
    });
}
