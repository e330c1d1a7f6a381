// A tsc-style code frame: the offending line with its number, and `~` under the range
// (to the end of the first line when the range spans several).
import type { Range } from "../diagnostics/diagnostic.js";
import type { Colors } from "./colors.js";

export function codeFrame(source: string, range: Range, c: Colors): string {
  const lines = source.split(/\r?\n/);
  const lineIndex = range.start.line - 1;
  const line = lines[lineIndex];
  if (line === undefined) return "";
  const gutter = String(range.start.line);
  const startCol = Math.min(Math.max(range.start.column - 1, 0), line.length);
  const endCol = range.end.line === range.start.line ? Math.min(range.end.column - 1, line.length) : line.length;
  const width = Math.max(1, endCol - startCol);
  // Keep tabs in the padding so the underline lines up however the terminal renders them.
  const pad = line.slice(0, startCol).replace(/[^\t]/g, " ");
  const blank = " ".repeat(gutter.length);
  return `${c.bgWhite(c.black(gutter))} ${line}\n${c.bgWhite(blank)} ${pad}${c.red("~".repeat(width))}\n`;
}
