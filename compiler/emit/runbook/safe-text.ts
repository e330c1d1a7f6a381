// Text from the manifest (its file name, the description, waiver reasons) placed into the
// runbook's markdown and shell blocks. Each context has its own rule: a file name pasted into a
// shell must stay one inert word ($(…) never runs), free text must stay the paragraph it is in
// (it cannot open a code fence or an HTML comment that hides the steps after it), and the
// header comment must not be closed early.

export { shellQuote } from "../shell/quote.js";

/**
 * Inline markdown text on one line: line breaks become spaces, characters that start markup
 * (`*_[]<>|~&\) are backslash-escaped (CommonMark §2.4), and so is a first character that would
 * make the line a heading, list, quote or thematic break.
 */
export function markdownText(value: string): string {
  const oneLine = value.replace(/\s*[\r\n\u2028\u2029\u0085]+\s*/g, " ").trim();
  const escaped = oneLine.replace(/[\\`*_[\]<>|~&]/g, (c) => `\\${c}`);
  return escaped.replace(/^([#+\-=>]|\d+[.)])/, (m) => `\\${m}`);
}

/** A markdown code span holding `value` literally, however many backticks it contains. */
export function markdownCode(value: string): string {
  const oneLine = value.replace(/[\r\n]+/g, " ");
  const longest = Math.max(0, ...(oneLine.match(/`+/g) ?? []).map((r) => r.length));
  const fence = "`".repeat(longest + 1);
  const pad = oneLine.startsWith("`") || oneLine.endsWith("`") || (oneLine.startsWith(" ") && oneLine.endsWith(" ")) ? " " : "";
  return `${fence}${pad}${oneLine}${pad}${fence}`;
}

/** Text inside an HTML comment: `--` cannot occur, so the comment cannot end early. */
export function htmlCommentText(value: string): string {
  return value.replace(/[\r\n]+/g, " ").replace(/-(?=-)/g, "-\u200c").replace(/^>|^->/, (m) => `\u200c${m}`);
}
