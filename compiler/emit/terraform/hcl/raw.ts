// Checks on raw expressions (references, function calls, for-expressions). They are printed
// verbatim, so anything terraform fmt would re-indent or re-space has to be refused here: a raw
// expression must be one line, bracket-balanced (outside string literals), comment-free, and
// without stray whitespace.
import { HclError } from "./error.js";

/** What the printer needs to know about a valid raw expression. */
export interface RawShape {
  /** Starts with an object/for `{`: fmt then writes `${ {` inside an interpolation. */
  readonly startsWithBrace: boolean;
  /** Ends with a `}` outside any string: fmt then writes `} }` inside an interpolation. */
  readonly endsWithBrace: boolean;
  /** The whole expression is `"${x}"`, which terraform fmt rewrites to `x`. */
  readonly interpolationOnly: boolean;
}

type Frame = { readonly open: "(" | "[" | "{" | "${" | "%{" | '"'; readonly at: number };

const CLOSERS: Readonly<Record<string, string>> = { "(": ")", "[": "]", "{": "}", "${": "}", "%{": "}" };

/** Validates `text` as a single-line raw expression; throws HclError otherwise. */
export function checkRawExpression(text: string, where = ""): RawShape {
  const fail = (why: string): never => {
    throw new HclError(`raw expression ${JSON.stringify(text)} ${why}`, where);
  };
  if (text.length === 0) fail("is empty");
  if (/[\r\n\u2028\u2029]/.test(text)) fail("spans several lines (raw expressions must be one line)");
  if (/^\s|\s$/.test(text)) fail("has leading or trailing whitespace");

  const stack: Frame[] = [];
  let firstInterpolationEnd = -1;
  for (let i = 0; i < text.length; ) {
    const top = stack[stack.length - 1];
    const c = text[i] as string;
    const next = text[i + 1];
    if (top?.open === '"') {
      if (c === "\\") {
        if (next === undefined) fail("ends inside an escape sequence");
        i += 2;
      } else if (c === '"') {
        stack.pop();
        i += 1;
      } else if ((c === "$" || c === "%") && next === c && text[i + 2] === "{") {
        i += 3; // `$${` / `%%{` are literal text
      } else if ((c === "$" || c === "%") && next === "{") {
        stack.push({ open: c === "$" ? "${" : "%{", at: i });
        i += 2;
      } else {
        i += 1;
      }
      continue;
    }
    if (c === '"' || c === "(" || c === "[" || c === "{") {
      stack.push({ open: c as Frame["open"], at: i });
    } else if (c === ")" || c === "]" || c === "}") {
      const frame = stack.pop();
      if (frame === undefined || CLOSERS[frame.open] !== c) fail(`has an unbalanced ${JSON.stringify(c)} at offset ${i}`);
      if (frame?.open === "${" && frame.at === 1) firstInterpolationEnd = i;
    } else if (c === "#" || (c === "/" && (next === "/" || next === "*"))) {
      fail("contains a comment");
    } else if (c === "<" && next === "<") {
      fail("contains a heredoc (use a quoted string)");
    } else if (c === "\t" || (c === " " && next === " ")) {
      fail("has non-canonical whitespace (terraform fmt would re-space it)");
    }
    i += 1;
  }
  const open = stack[stack.length - 1];
  if (open !== undefined) fail(open.open === '"' ? "has an unterminated string" : `has an unclosed ${JSON.stringify(open.open)}`);

  return {
    startsWithBrace: text.startsWith("{"),
    endsWithBrace: text.endsWith("}"),
    interpolationOnly: text.startsWith('"${') && firstInterpolationEnd === text.length - 2 && text.endsWith('"'),
  };
}
