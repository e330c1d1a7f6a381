// A tsc-style code frame: the offending line with its number, and `~` under the range
// (to the end of the first line when the range spans several). A long line is clipped to a
// window around the column (a 1 MB line prints ~160 characters, not a megabyte), and
// control characters are shown escaped, never sent to the terminal.
import type { Range } from "../diagnostics/diagnostic.js";
import type { Colors } from "./colors.js";
import { visibleLine } from "./visible.js";

/** Characters of a source line a frame shows at most. */
export const MAX_FRAME_WIDTH = 160;
/** How much of the line before the column a clipped frame keeps. */
const CONTEXT_BEFORE = 40;

/** Splits a source into lines once per reporter run (code frames of many diagnostics share it). */
export function sourceLines(source: string): string[] {
  return source.split(/\r?\n/);
}

export function codeFrame(source: string | readonly string[], range: Range, c: Colors): string {
  const lines = typeof source === "string" ? sourceLines(source) : source;
  const lineIndex = range.start.line - 1;
  const line = lines[lineIndex];
  if (line === undefined) return "";
  const gutter = String(range.start.line);
  const startCol = Math.min(Math.max(range.start.column - 1, 0), line.length);
  const endCol = range.end.line === range.start.line ? Math.max(startCol, Math.min(range.end.column - 1, line.length)) : line.length;
  let from = 0;
  let to = line.length;
  if (line.length > MAX_FRAME_WIDTH) {
    from = Math.max(0, Math.min(startCol - CONTEXT_BEFORE, line.length - MAX_FRAME_WIDTH));
    to = from + MAX_FRAME_WIDTH;
  }
  const before = `${from > 0 ? "…" : ""}${visibleLine(line.slice(from, startCol))}`;
  const marked = visibleLine(line.slice(startCol, Math.min(endCol, to)));
  const after = `${visibleLine(line.slice(Math.min(endCol, to), to))}${to < line.length ? "…" : ""}`;
  const width = Math.max(1, marked.length);
  // Keep tabs in the padding so the underline lines up however the terminal renders them.
  const pad = before.replace(/[^\t]/g, " ");
  const blank = " ".repeat(gutter.length);
  return `${c.bgWhite(c.black(gutter))} ${before}${marked}${after}\n${c.bgWhite(blank)} ${pad}${c.red("~".repeat(width))}\n`;
}
