// Display width as hclwrite measures it when it aligns `=` (Tokens.Columns): grapheme clusters,
// counted per token, so a cluster never spans two tokens.

// Created on first use: constructing it loads ICU's break-iterator data, which a stack of
// plain ASCII (nearly every one) never needs.
let segmenter: Intl.Segmenter | undefined;

// Printable ASCII: one character is one grapheme cluster (only "\r\n" pairs two ASCII
// characters, and control characters are escaped before widths are taken), so its width is
// its length — no segmentation. This is the hot path: the HCL printer measures every key
// and value it aligns.
const PRINTABLE_ASCII = /^[\x20-\x7e]*$/;

// hclwrite uses go-textseg v15 (Unicode 15.0). ICU >= 74 adds rule GB9c (Unicode 15.1), which
// joins Indic consonants across a virama ("क्ष" is one cluster in Node, two in terraform). A
// letter right after a combining mark or ZWJ can only be part of the same cluster through GB9c,
// except for the few letters that are themselves Extend/SpacingMark, so count those as a break.
const LETTER = /^\p{L}$/u;
const MARK_OR_ZWJ = /^[\p{M}\u200D]$/u;
const LETTER_THAT_EXTENDS = /^[\u0E33\u0EB3\uFF9E\uFF9F]$/u;

/** Grapheme clusters in `text`, as Unicode 15.0 (and so `terraform fmt`) counts them. */
export function graphemeColumns(text: string): number {
  return PRINTABLE_ASCII.test(text) ? text.length : segmentedColumns(text);
}

/** graphemeColumns without the ASCII fast path (exported for the test that they agree). */
export function segmentedColumns(text: string): number {
  segmenter ??= new Intl.Segmenter("en", { granularity: "grapheme" });
  let count = 0;
  for (const { segment } of segmenter.segment(text)) {
    count += 1;
    if (segment.length === 1) continue;
    const points = Array.from(segment);
    for (let i = 1; i < points.length; i++) {
      const point = points[i] as string;
      const previous = points[i - 1] as string;
      if (LETTER.test(point) && !LETTER_THAT_EXTENDS.test(point) && MARK_OR_ZWJ.test(previous)) count += 1;
    }
  }
  return count;
}

// How hclsyntax splits the inside of a quoted string into tokens: each `$` or `%` that does not
// start an escaped introducer (`$${`, `%%{`, optionally with the `~` strip marker) is a token of
// its own; everything between them is one literal token.
const QUOTED_TOKENS = /\$\$\{~?|%%\{~?|[$%]|(?:\\[^]|[^$%\\])+/gu;

/** Columns of an already escaped quoted string `"…"`, given its escaped content. */
export function quotedColumns(escapedContent: string): number {
  // printable ASCII: every token's clusters are its characters, so the tokens add up to the length
  return PRINTABLE_ASCII.test(escapedContent) ? 2 + escapedContent.length : tokenColumns(escapedContent);
}

/** quotedColumns without the ASCII fast path (exported for the test that they agree). */
export function tokenColumns(escapedContent: string): number {
  let columns = 2; // the quotes are tokens of their own
  for (const match of escapedContent.matchAll(QUOTED_TOKENS)) columns += segmentedColumns(match[0]);
  return columns;
}
