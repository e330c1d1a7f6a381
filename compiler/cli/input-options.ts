// --allow-outside: the one way to read manifests from outside the workspace (see
// compiler/load/workspace.ts). Repeatable; each names a folder, resolved from the current one.
import type { Command } from "commander";

export function addInputOptions(command: Command): Command {
  return command.option(
    "--allow-outside <dir>",
    "also read manifests and extends targets from this folder outside the workspace (the git repository, or the current folder outside one); repeatable",
    (value: string, previous: string[]) => [...previous, value],
    [] as string[],
  );
}

export interface InputFlags {
  allowOutside: string[];
}
