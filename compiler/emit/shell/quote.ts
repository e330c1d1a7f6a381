// Shell quoting for every word stackc writes into a shell command (the runbook's code blocks and
// the bin/ scripts print the same commands through print.ts). A value from a manifest — above
// all its file name, which the schema does not constrain — must stay one inert word: `$(…)`,
// backquotes, globs, spaces and newlines never do anything.

const SHELL_SAFE = /^[A-Za-z0-9_./:@%+=,-]+$/;

/**
 * One shell word: as is when it has only characters the shell gives no meaning, otherwise
 * single-quoted (POSIX). A value holding `$` or a backquote is double-quoted with those escaped
 * instead — the same word, but shellcheck (SC2016) and a reader do not take `'$(x)'` for an
 * expansion that was meant to happen; its `!`s stay single-quoted, so pasting it into an
 * interactive shell never triggers history expansion.
 */
export function shellWord(value: string): string {
  if (value !== "" && SHELL_SAFE.test(value)) return value;
  if (!/[$`]/.test(value)) return `'${value.replace(/'/g, `'\\''`)}'`;
  return value
    .split(/(!+)/)
    .filter((chunk) => chunk !== "")
    .map((chunk) => (chunk.startsWith("!") ? `'${chunk}'` : `"${chunk.replace(/[\\$`"]/g, (c) => `\\${c}`)}"`))
    .join("");
}

/**
 * A path given to a program as an operand: a leading `-` would read as an option, so such a path
 * gets `./` in front (the same file) before it is quoted.
 */
export function shellPath(value: string): string {
  return shellWord(value.startsWith("-") ? `./${value}` : value);
}

/** One shell word as the runbook has always quoted file names: quoted when it starts with `-` too. */
export function shellQuote(value: string): string {
  if (value !== "" && SHELL_SAFE.test(value) && !value.startsWith("-")) return value;
  return `'${value.replace(/'/g, `'\\''`)}'`;
}

/** One double-quoted word holding `value` literally: `\`, `$`, `` ` `` and `"` escaped (scripts only: no history expansion there). */
export function doubleQuoted(value: string): string {
  return `"${value.replace(/[\\$`"]/g, (c) => `\\${c}`)}"`;
}
