// --now, shared by check and build.
import { parseNow } from "../policy/facts.js";
import { ExitCode } from "./exit-codes.js";
import type { CommandContext } from "./context.js";

/** The time of the run, or undefined after reporting a bad --now (exit code set). */
export function nowFlag(ctx: CommandContext, command: string, value: string | undefined): Date | undefined {
  if (value === undefined) return new Date();
  const parsed = parseNow(value);
  if (!parsed) {
    ctx.io.stderr.write(`stackc ${command}: --now ${JSON.stringify(value)} is neither an RFC 3339 time (2026-11-21T08:00:00Z) nor a date (2026-11-21)\n`);
    ctx.setExit(ExitCode.Usage);
  }
  return parsed;
}

export function collect(value: string, previous: string[]): string[] {
  return [...previous, value];
}
