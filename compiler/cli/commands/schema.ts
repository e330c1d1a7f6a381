import type { Command } from "commander";
import { schema } from "../../api/schema.js";
import type { CommandContext } from "../context.js";

export function registerSchema(program: Command, ctx: CommandContext): void {
  program
    .command("schema")
    .description("print the manifest JSON Schema (for editors: yaml-language-server, IDE plugins)")
    .action(() => {
      ctx.io.stdout.write(schema(ctx.io.fs ? { io: ctx.io.fs } : {}));
    });
}
