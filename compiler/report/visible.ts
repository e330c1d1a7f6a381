// Text for a terminal or a CI log: control characters, bidirectional overrides and lone
// surrogates are shown as \u escapes instead of being sent raw, so a file name or a comment
// quoted in a code frame cannot set the terminal title, clear the screen or reorder what the
// reader sees. Load refuses them in values (STK-TEXT-002/003); this is for everything else
// reporters print (paths, comments in code frames, messages of user policies).

// C0 except tab, DEL, C1, bidi overrides/isolates, lone surrogates (LF too: callers split lines)
// eslint-disable-next-line no-control-regex
const unsafe = /[\u0000-\u0008\u000A-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

function escape(c: string): string {
  return `\\u${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, "0")}`;
}

/** One line of text with every unsafe character (and line breaks) escaped; tabs kept. */
export function visibleLine(text: string): string {
  return text.replace(unsafe, escape);
}

/** Text that may span lines: line feeds kept, every other unsafe character escaped. */
export function visibleText(text: string): string {
  return text.split("\n").map((line) => line.replace(unsafe, escape)).join("\n");
}
