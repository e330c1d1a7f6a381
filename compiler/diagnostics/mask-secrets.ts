// Secrets found by STK-SEC-001 are masked in the source texts every reporter quotes (code
// frames), so no format prints them: the finding's message and data never carry the value, and
// this is the one place the text itself passes through. Line breaks are kept so every other
// diagnostic's code frame still lines up.
import type { Diagnostic } from "./diagnostic.js";

export const SECRET_RULES: ReadonlySet<string> = new Set(["STK-SEC-001"]);
export const MASK = "*";

/** A copy of `sources` with the range of every secret finding replaced by `*`. */
export function maskSecrets(sources: ReadonlyMap<string, string>, diagnostics: readonly Diagnostic[]): Map<string, string> {
  const byFile = new Map<string, Array<[number, number]>>();
  for (const d of diagnostics) {
    if (!SECRET_RULES.has(d.code) || d.file === undefined || !d.range) continue;
    const list = byFile.get(d.file) ?? [];
    list.push([d.range.start.offset, d.range.end.offset]);
    byFile.set(d.file, list);
  }
  const out = new Map(sources);
  for (const [file, ranges] of byFile) {
    const text = out.get(file);
    if (text === undefined) continue;
    const chars = text.split("");
    for (const [start, end] of ranges) {
      for (let i = Math.max(0, start); i < Math.min(end, chars.length); i++) if (chars[i] !== "\n" && chars[i] !== "\r") chars[i] = MASK;
    }
    out.set(file, chars.join(""));
  }
  return out;
}
