// --lock-timeout, shared by the commands that write out/ (build, bind).
import type { Command } from "commander";
import type { CommandContext } from "./context.js";
import { ExitCode } from "./exit-codes.js";

export function addLockTimeoutOption(command: Command): Command {
  return command.option(
    "--lock-timeout <seconds>",
    "how long to wait for another stackc writing the same output folder (out/.stackc.lock names it) before failing with STK-WRITE-001; 0 fails at once",
    "30",
  );
}

/** Milliseconds, or undefined after reporting a bad value (exit code set). */
export function lockTimeoutMs(ctx: CommandContext, command: string, value: string): number | undefined {
  const seconds = /^\d+(\.\d+)?$/.test(value.trim()) ? Number(value) : Number.NaN;
  if (!Number.isFinite(seconds) || seconds > 86_400) {
    ctx.io.stderr.write(`stackc ${command}: --lock-timeout ${JSON.stringify(value)} is not a number of seconds from 0 to 86400\n`);
    ctx.setExit(ExitCode.Usage);
    return undefined;
  }
  return Math.round(seconds * 1000);
}
