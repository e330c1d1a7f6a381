// Escaping for HCL quoted strings (native syntax): the same rules serve values, template
// literal parts, block labels and quoted object keys.
import { HclError } from "./error.js";
import { quotedColumns } from "./width.js";

const SIMPLE_ESCAPES: Readonly<Record<string, string>> = {
  "\\": "\\\\",
  '"': '\\"',
  "\n": "\\n",
  "\r": "\\r",
  "\t": "\\t",
};

// C0 and C1 controls and DEL, plus the Unicode line/paragraph separators, which many editors
// render as line breaks although HCL does not treat them as such.
function needsUnicodeEscape(codePoint: number): boolean {
  return codePoint < 0x20 || (codePoint >= 0x7f && codePoint <= 0x9f) || codePoint === 0x2028 || codePoint === 0x2029;
}

export interface EscapeOptions {
  /**
   * The text is a template literal part directly followed by an interpolation. A trailing `$`
   * would then read as the escape `$${`, so it is written as `\u0024` instead.
   */
  readonly beforeInterpolation?: boolean;
}

/** The inside of a quoted string (without the quotes) whose value is exactly `value`. */
export function escapeQuoted(value: string, options: EscapeOptions = {}): string {
  let out = "";
  for (let i = 0; i < value.length; ) {
    const codePoint = value.codePointAt(i) as number;
    const char = String.fromCodePoint(codePoint);
    i += char.length;
    if (codePoint >= 0xd800 && codePoint <= 0xdfff) {
      throw new HclError(`string contains a lone UTF-16 surrogate (U+${codePoint.toString(16).toUpperCase()}), which UTF-8 cannot encode`);
    }
    const simple = SIMPLE_ESCAPES[char];
    if (simple !== undefined) {
      out += simple;
    } else if (char === "$" || char === "%") {
      const next = value[i];
      if (next === "{") out += char + char;
      else if (next === undefined && char === "$" && options.beforeInterpolation === true) out += "\\u0024";
      else out += char;
    } else if (needsUnicodeEscape(codePoint)) {
      out += `\\u${codePoint.toString(16).padStart(4, "0")}`;
    } else {
      out += char;
    }
  }
  return out;
}

/** A quoted string literal for `value`. */
export function quote(value: string): string {
  return `"${escapeQuoted(value)}"`;
}

/**
 * A quoted block label. terraform fmt rewrites every label: it drops any label whose text
 * hclsyntax splits into several tokens (which happens at every `$` and `%`), and re-escapes the
 * rest after NFC normalization, using Go's Unicode 15 tables to decide what is printable. Node's
 * newer Unicode data would disagree on recent characters, so labels are limited to ASCII, which
 * covers every Terraform label (resource types and names are identifiers).
 */
export function quoteLabel(label: string): string {
  const refused = /[^\u0000-\u007f]|[$%]/u.exec(label)?.[0];
  if (refused !== undefined) {
    const why = refused === "$" || refused === "%" ? "terraform fmt deletes labels containing it" : "labels are limited to ASCII";
    throw new HclError(`block label ${JSON.stringify(label)} contains ${JSON.stringify(refused)}: ${why}`);
  }
  // For ASCII, hclwrite's escaper and ours agree: \\ \" \n \r \t, other controls as \u00XX.
  return quote(label);
}

const IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_-]*$/;

/** An HCL identifier, restricted to ASCII so names read the same everywhere. */
export function isIdentifier(name: string): boolean {
  return IDENTIFIER.test(name);
}

// Bare keywords as object keys are legal (they mean the literal string), but `{ for = 1 }` on
// one line is a parse error and `null = 1` reads like a null key, so these are always quoted.
const KEYWORD_KEYS: ReadonlySet<string> = new Set(["null", "true", "false", "for"]);

export interface KeyText {
  readonly text: string;
  /** Width as terraform fmt counts it for `=` alignment. */
  readonly columns: number;
}

/** An object key: bare when it is an identifier (and not a keyword), quoted otherwise. */
export function objectKey(key: string): KeyText {
  if (isIdentifier(key) && !KEYWORD_KEYS.has(key)) return { text: key, columns: key.length };
  const content = escapeQuoted(key);
  return { text: `"${content}"`, columns: quotedColumns(content) };
}
