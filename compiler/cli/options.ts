// Options shared by the commands that read manifests.
import { Option, type Command } from "commander";
import type { FailOn } from "./report.js";

export function addReportOptions(command: Command, formats: readonly string[]): Command {
  return command
    .addOption(new Option("-f, --format <format>", "output format").choices([...formats]).default("text"))
    .addOption(new Option("--fail-on <level>", "lowest severity that fails the run").choices(["error", "warn"]).default("error"))
    .option("-v, --verbose", "also show info diagnostics and waived findings");
}

export interface ReportFlags {
  format: string;
  failOn: FailOn;
  verbose?: boolean;
}

/** The global --no-color flag lives on the root program. */
export function colorFlag(command: Command): boolean | undefined {
  let root: Command = command;
  while (root.parent) root = root.parent;
  return root.opts<{ color?: boolean }>().color === false ? false : undefined;
}
