// Shell commands as data: what the runbook shows and the bin/ scripts run. A step list built from
// these types (compiler/emit/lifecycle/) is printed by print.ts into both, so a script runs
// exactly the commands its runbook lists, each argument quoted by one function.

/** A literal, the value of a shell variable the script set before, or a command's output. */
export type WordPart = string | { readonly variable: string } | { readonly output: Command };

/** One argument: a single part, or parts joined without a space (`--from-literal=x=` + output). */
export type Word = WordPart | readonly WordPart[];

export interface Command {
  readonly argv: readonly [Word, ...Word[]];
  /** Redirects standard output to this file (relative to the folder the commands run in). */
  readonly stdoutTo?: string;
}

export type Action =
  | { readonly kind: "run"; readonly command: Command }
  /** `export NAME=value`: for the commands after it (KOPS_STATE_STORE). */
  | { readonly kind: "export"; readonly name: string; readonly value: Word }
  /** `name=value`: a shell variable later words refer to (the final backup's name). */
  | { readonly kind: "assign"; readonly name: string; readonly value: Word }
  /** A command whose standard output must be exactly `equals`; otherwise the script stops with `otherwise`. */
  | { readonly kind: "expect"; readonly command: Command; readonly equals: string; readonly otherwise: string }
  | { readonly kind: "comment"; readonly text: string };

/** A file that must exist before the script starts (checked before anything runs). */
export interface Requirement {
  readonly path: string;
  /** What to do about it, one line. */
  readonly hint: string;
}

export interface Step {
  /** Stable id: the runbook's template and the tests refer to a step by it. */
  readonly id: string;
  /** Short title, printed by the script as the step starts. */
  readonly title: string;
  readonly actions: readonly Action[];
  readonly requires?: readonly Requirement[];
}

export const run = (...argv: [Word, ...Word[]]): Action => ({ kind: "run", command: { argv } });
export const variable = (name: string): WordPart => ({ variable: name });
export const output = (...argv: [Word, ...Word[]]): WordPart => ({ output: { argv } });

/** The programs a list of actions runs, in first-use order (the first word of every command, nested ones too). */
export function toolsOf(actions: readonly Action[]): string[] {
  const seen = new Set<string>();
  const visit = (command: Command) => {
    const first = command.argv[0];
    if (typeof first === "string") seen.add(first);
    for (const word of command.argv) for (const part of partsOf(word)) if (typeof part === "object" && "output" in part) visit(part.output);
  };
  for (const action of actions) {
    if (action.kind === "run" || action.kind === "expect") visit(action.command);
    if (action.kind === "export" || action.kind === "assign") {
      for (const part of partsOf(action.value)) if (typeof part === "object" && "output" in part) visit(part.output);
    }
  }
  return [...seen];
}

export function partsOf(word: Word): readonly WordPart[] {
  return Array.isArray(word) ? (word as readonly WordPart[]) : [word as WordPart];
}
