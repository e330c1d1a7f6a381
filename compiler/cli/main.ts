// The CLI: parse flags, call the library, pick a reporter, set the exit code — nothing else.
// This is also the one error boundary: user mistakes arrive as diagnostics; anything thrown
// is a stackc bug, reported with a bug-report hint and exit code 3 (never a raw stack trace,
// unless STACKC_DEBUG=1).
import { Command, CommanderError, Option } from "commander";
import { stackcVersion } from "../version.js";
import { BUG_REPORT_HINT, type CliStreams, type CommandContext } from "./context.js";
import { ExitCode } from "./exit-codes.js";
import { registerBind } from "./commands/bind.js";
import { registerBuild } from "./commands/build.js";
import { registerCheck } from "./commands/check.js";
import { registerExplain } from "./commands/explain.js";
import { registerInit } from "./commands/init.js";
import { registerSchema } from "./commands/schema.js";
import { registerValidate } from "./commands/validate.js";
import { registerVerify } from "./commands/verify.js";
import { registerDiff } from "./commands/diff.js";
import { registerPlan } from "./commands/plan.js";
import { faultyIo, parseFaultPlan } from "../io/fault-io.js";
import { nodeIo } from "../io/node-io.js";

export { BUG_REPORT_HINT } from "./context.js";
export type { CliStreams, CommandContext } from "./context.js";

/** A fault-injected death: SIGKILL, so no handler, finally block or exit hook runs — like a real kill. */
function killSelf(): never {
  process.kill(process.pid, "SIGKILL");
  throw new Error("SIGKILL did not end the process");
}

const exitCodesHelp = `
Exit codes:
  0  no errors (no warnings either with --fail-on warn)
  1  findings: errors (or warnings with --fail-on warn)
  2  usage error or unreadable input (bad flags, missing paths, nothing to compile)
  3  internal error in stackc (please report it)`;

export async function main(argv: readonly string[], streams: CliStreams): Promise<number> {
  let exit: number = ExitCode.Ok;
  let io = streams;
  if (streams.env.STACKC_TEST_FAULT) {
    // TEST-ONLY (io/fault-io.ts): die or stall at chosen Io calls — the kill test's precise faults
    try {
      io = { ...streams, fs: faultyIo(streams.fs ?? nodeIo, parseFaultPlan(streams.env.STACKC_TEST_FAULT), killSelf) };
    } catch (err) {
      streams.stderr.write(`stackc: ${err instanceof Error ? err.message : String(err)}\n`);
      return ExitCode.Usage;
    }
  }
  const ctx: CommandContext = { io, setExit: (code) => (exit = code) };
  const program = new Command("stackc")
    .description("Compile stack manifests into Terraform, a kops Cluster Spec and a Helmfile, behind a schema and policy gate.")
    .version(stackcVersion, "-V, --version", "print the stackc version")
    .addHelpText("after", exitCodesHelp)
    .showHelpAfterError("(run with --help for usage)")
    .configureOutput({ writeOut: (s) => void io.stdout.write(s), writeErr: (s) => void io.stderr.write(s) })
    .exitOverride();
  program.addOption(new Option("--no-color", "disable colors (also: NO_COLOR=1)"));
  registerValidate(program, ctx);
  registerCheck(program, ctx);
  registerBuild(program, ctx);
  registerBind(program, ctx);
  registerPlan(program, ctx);
  registerDiff(program, ctx);
  registerVerify(program, ctx);
  registerSchema(program, ctx);
  registerInit(program, ctx);
  registerExplain(program, ctx);
  for (const command of program.commands) command.exitOverride().addHelpText("after", exitCodesHelp);

  try {
    await program.parseAsync([...argv], { from: "user" });
    return exit;
  } catch (err) {
    if (err instanceof CommanderError) {
      // --help and --version end through here with exit code 0
      return err.exitCode === 0 ? ExitCode.Ok : ExitCode.Usage;
    }
    const message = err instanceof Error ? err.message : typeof err === "string" ? err : JSON.stringify(err);
    io.stderr.write(`stackc: internal error: ${message}\n${BUG_REPORT_HINT}\n`);
    if (io.env.STACKC_DEBUG === "1" && err instanceof Error && err.stack) io.stderr.write(`${err.stack}\n`);
    return ExitCode.Internal;
  }
}
