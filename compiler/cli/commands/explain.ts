import { Option, type Command } from "commander";
import { explain } from "../../api/explain.js";
import { explainJson, explainText } from "../../policy/catalog/explain.js";
import type { CommandContext } from "../context.js";
import { ExitCode } from "../exit-codes.js";

export function registerExplain(program: Command, ctx: CommandContext): void {
  program
    .command("explain")
    .description("explain a policy rule or diagnostic code: severity, rationale, how to fix, equivalent scanner checks")
    .argument("<id>", "a rule id (STK-NET-003) or diagnostic code (STK-SCHEMA-001)")
    .addOption(new Option("-f, --format <format>", "output format").choices(["text", "json"]).default("text"))
    .action((id: string, flags: { format: string }) => {
      const { explanation, suggestion } = explain(id, ctx.io.fs ? { io: ctx.io.fs } : {});
      if (!explanation) {
        ctx.io.stderr.write(`stackc explain: no rule or code ${JSON.stringify(id)}${suggestion ? `; did you mean ${suggestion}?` : ""}\n`);
        ctx.setExit(ExitCode.Usage);
        return;
      }
      ctx.io.stdout.write(flags.format === "json" ? explainJson(explanation) : explainText(explanation));
      ctx.setExit(ExitCode.Ok);
    });
}
