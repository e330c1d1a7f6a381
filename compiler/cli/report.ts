// Picks and runs the reporter for --format, and turns findings into the exit code.
import type { Diagnostic } from "../diagnostics/diagnostic.js";
import type { CompileResult } from "../compile/compile.js";
import { reportInput } from "../report/from-result.js";
import { colors, shouldUseColor } from "../report/colors.js";
import { formatGithub } from "../report/github.js";
import { formatJson } from "../report/json.js";
import { formatJunit } from "../report/junit.js";
import { formatSarif } from "../report/sarif.js";
import { formatText } from "../report/text.js";
import { type RuleMeta, loadRules } from "../policy/catalog/rules.js";
import { stackcVersion } from "../version.js";
import { ExitCode, type ExitCodeValue } from "./exit-codes.js";
import type { CliStreams } from "./context.js";

export type FailOn = "error" | "warn";

export interface ReportOptions {
  format: string;
  /** Date.now() when the run started (the text summary shows the time on a TTY). */
  startedAt?: number;
  color?: boolean;
  verbose?: boolean;
  failOn: FailOn;
  /** The policy catalog for sarif/junit (default: the shipped rules.json). */
  rules?: readonly RuleMeta[];
}

export const baseFormats = ["text", "json"] as const;
/** check: also the CI formats (SARIF for code scanning, JUnit for test reports, GitHub annotations). */
export const checkFormats = ["text", "json", "sarif", "junit", "github"] as const;


export function report(result: CompileResult, options: ReportOptions, io: CliStreams): void {
  if (options.format === "sarif" || options.format === "junit" || options.format === "github") {
    const input = reportInput(result, options.rules ?? loadRules());
    const format = options.format === "sarif" ? formatSarif : options.format === "junit" ? formatJunit : formatGithub;
    io.stdout.write(format(input));
    return;
  }
  if (options.format === "json") {
    io.stdout.write(formatJson({ diagnostics: result.diagnostics, stacks: result.stacks.map((s) => ({ file: s.file, name: s.name })), version: stackcVersion }));
    return;
  }
  const c = colors(shouldUseColor(io.stdout, io.env, options.color));
  io.stdout.write(
    formatText({
      diagnostics: result.diagnostics,
      sources: result.sources,
      stackCount: result.stacks.length,
      colors: c,
      ...(options.verbose ? { verbose: true } : {}),
      // the run's time only for a person at a terminal: piped reports stay byte-identical
      ...(options.startedAt !== undefined && io.stdout.isTTY === true ? { elapsedMs: Date.now() - options.startedAt } : {}),
    }),
  );
}

export function exitCodeFor(result: { diagnostics: readonly Diagnostic[]; usageError: boolean }, failOn: FailOn): ExitCodeValue {
  const active = result.diagnostics.filter((d) => !d.suppressed);
  if (active.some((d) => d.code === "STK-INTERNAL-001")) return ExitCode.Internal;
  if (result.usageError) return ExitCode.Usage;
  if (active.some((d) => d.severity === "error")) return ExitCode.Findings;
  if (failOn === "warn" && active.some((d) => d.severity === "warning")) return ExitCode.Findings;
  return ExitCode.Ok;
}
