// Prints the typed commands of command.ts as shell text: the one printer behind the runbook's code
// blocks and the bin/ scripts. Every literal goes through shellWord (quote.ts); a variable or a
// command's output is always double-quoted, so nothing a manifest holds is ever split, globbed or
// run.
import type { Action, Command, Word } from "./command.js";
import { partsOf } from "./command.js";
import { doubleQuoted, shellPath, shellWord } from "./quote.js";

/** Commands longer than this are continued on the next line (`\`), at argument boundaries. */
export const WRAP_WIDTH = 100;

/** The variable an `expect` keeps the output in. */
export const EXPECT_VARIABLE = "actual";

const NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

function checkName(name: string): string {
  if (!NAME.test(name)) throw new Error(`not a shell variable name: ${JSON.stringify(name)}`);
  return name;
}

export function printWord(word: Word): string {
  const parts = partsOf(word);
  if (parts.length === 0) throw new Error("a word needs at least one part");
  return parts
    .map((part) => {
      if (typeof part === "string") return shellWord(part);
      if ("variable" in part) return `"\${${checkName(part.variable)}}"`;
      return `"$(${printCommand(part.output)})"`;
    })
    .join("");
}

/** One command on one line. */
export function printCommand(command: Command): string {
  const words = command.argv.map(printWord);
  return command.stdoutTo === undefined ? words.join(" ") : `${words.join(" ")} > ${shellPath(command.stdoutTo)}`;
}

/** One command, continued over lines of at most WRAP_WIDTH characters where it can be (an argument longer than that stays whole). */
export function printCommandWrapped(command: Command, indent = ""): string[] {
  const printed = command.argv.map(printWord);
  // an option and its value stay on one line (`--name x`, `-f file`)
  const words: string[] = [];
  for (let i = 0; i < printed.length; i++) {
    const word = printed[i]!;
    const next = printed[i + 1];
    if (i > 0 && word.startsWith("-") && !word.includes("=") && next !== undefined && !next.startsWith("-")) {
      words.push(`${word} ${next}`);
      i++;
    } else words.push(word);
  }
  if (command.stdoutTo !== undefined) words.push(`> ${shellPath(command.stdoutTo)}`);
  const lines: string[] = [];
  let line = `${indent}${words[0]!}`;
  for (const word of words.slice(1)) {
    if (`${line} ${word} \\`.length > WRAP_WIDTH && line.trim() !== "") {
      lines.push(`${line} \\`);
      line = `${indent}  ${word}`;
    } else line = `${line} ${word}`;
  }
  lines.push(line);
  return lines;
}

/** An action as the runbook shows it: what a person types. */
export function printForRunbook(action: Action): string[] {
  switch (action.kind) {
    case "run":
      return printCommandWrapped(action.command);
    case "export":
      return [`export ${checkName(action.name)}=${printWord(action.value)}`];
    case "assign":
      return [`${checkName(action.name)}=${printWord(action.value)}`];
    case "expect":
      return [...printCommandWrapped(action.command), ...commentLines(`it must print ${action.equals}; if not, stop here: ${action.otherwise}`)];
    case "comment":
      return commentLines(action.text);
  }
}

/**
 * An action as the script runs it: the same command, announced first (its text double-quoted with
 * `$` escaped, so the announcement prints `"$(openssl …)"`, never a value); an `expect` stores the
 * output first (a failing command stops the script there) and stops it when the output differs.
 */
export function printForScript(action: Action, say: string): string[] {
  const announce = (text: string) => `${say} ${doubleQuoted(`+ ${text}`)}`;
  switch (action.kind) {
    case "run":
      // `cmd "$(other)"` runs cmd even when `other` fails (set -e does not see it): an output
      // goes into a variable first (`assign`, whose failure stops the script), then into the command
      if (action.command.argv.some((w) => partsOf(w).some((p) => typeof p === "object" && "output" in p))) {
        throw new Error(`${printCommand(action.command)}: assign a command's output to a variable before using it in an argument`);
      }
      return [announce(printCommand(action.command)), ...printCommandWrapped(action.command)];
    case "export":
    case "assign":
      return [announce(printForRunbook(action)[0]!), ...printForRunbook(action)];
    case "expect":
      return [
        announce(printCommand(action.command)),
        `${EXPECT_VARIABLE}="$(${printCommand(action.command)})"`,
        `if [[ "\${${EXPECT_VARIABLE}}" != ${shellWord(action.equals)} ]]; then`,
        `  ${say} ${shellWord(action.otherwise)}`,
        "  exit 1",
        "fi",
      ];
    case "comment":
      return commentLines(action.text);
  }
}

function commentLines(text: string): string[] {
  return text.split("\n").map((line) => (line === "" ? "#" : `# ${line}`));
}
