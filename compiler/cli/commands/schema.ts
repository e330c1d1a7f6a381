import type { Command } from "commander";
import { schema } from "../../api/schema.js";
import type { CommandContext } from "../context.js";

export function registerSchema(program: Command, ctx: CommandContext): void {
  program
    .command("schema")
    .description("print the manifest JSON Schema (for editors: yaml-language-server, IDE plugins)")
    .option("--overlay", "the schema of stacks with extends and of StackBase files (nothing required a base can supply; null removes an inherited key)")
    .action((flags: { overlay?: boolean }) => {
      ctx.io.stdout.write(schema({ ...(flags.overlay ? { overlay: true } : {}), ...(ctx.io.fs ? { io: ctx.io.fs } : {}) }));
    });
}
