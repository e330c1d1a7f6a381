import type { Command } from "commander";
import { stackSchemaText } from "../../validate/schema.js";
import type { CommandContext } from "../main.js";

export function registerSchema(program: Command, ctx: CommandContext): void {
  program
    .command("schema")
    .description("print the manifest JSON Schema (for editors: yaml-language-server, IDE plugins)")
    .action(() => {
      ctx.io.stdout.write(stackSchemaText());
    });
}
