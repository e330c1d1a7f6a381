// Characters a manifest may not contain. Raw in the file, YAML itself forbids non-printable
// characters (YAML 1.2 §5.1); written as escapes in a double-quoted string ("\e", "\x00",
// "\r", "\ud800") they would reach the policy engine (which cannot encode a lone surrogate),
// the runbook (a CR rewrites the line a reader sees), terminals (escape sequences set the
// title or clear the screen) and out/. stackc refuses them at load, where the location is known.

export interface BadChar {
  /** UTF-16 index in the string. */
  index: number;
  /** What it is, for the message: `U+001B (escape)`, `a lone surrogate U+D800`. */
  description: string;
  kind: "control" | "surrogate";
}

const names: Record<number, string> = {
  0x00: "NUL",
  0x07: "bell",
  0x08: "backspace",
  0x0b: "vertical tab",
  0x0c: "form feed",
  0x0d: "carriage return",
  0x1b: "escape",
  0x7f: "delete",
  0x85: "next line",
  0x202e: "right-to-left override",
};

/** Tab and line feed are text; every other C0/C1 control, DEL and bidi overrides are not. */
export function isForbiddenControl(code: number, allowCarriageReturn: boolean): boolean {
  if (code === 0x09 || code === 0x0a) return false;
  if (code === 0x0d) return !allowCarriageReturn;
  if (code < 0x20 || code === 0x7f) return true;
  if (code >= 0x80 && code <= 0x9f) return true;
  // bidirectional overrides and isolates reorder what a reviewer sees ("trojan source")
  return (code >= 0x202a && code <= 0x202e) || (code >= 0x2066 && code <= 0x2069);
}

export function describeCodeUnit(code: number): string {
  const hex = code.toString(16).toUpperCase().padStart(4, "0");
  const name = names[code];
  return name ? `U+${hex} (${name})` : `U+${hex}`;
}

/**
 * The first forbidden character in `text`, or undefined. `allowCarriageReturn` is for raw file
 * text, where CR is part of a CRLF line break; decoded values never allow it.
 */
export function findBadChar(text: string, allowCarriageReturn = false, from = 0): BadChar | undefined {
  for (let i = from; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdfff) {
      const next = text.charCodeAt(i + 1);
      if (c <= 0xdbff && next >= 0xdc00 && next <= 0xdfff) {
        i++;
        continue;
      }
      return { index: i, description: `a lone surrogate ${describeCodeUnit(c)}`, kind: "surrogate" };
    }
    if (c < 0x20 || (c >= 0x7f && c <= 0x9f) || (c >= 0x202a && c <= 0x2069)) {
      if (isForbiddenControl(c, allowCarriageReturn)) return { index: i, description: `the control character ${describeCodeUnit(c)}`, kind: "control" };
    }
  }
  return undefined;
}
