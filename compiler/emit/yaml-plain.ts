// The fast path of toYaml (yaml.ts): block-style YAML written directly from plain data, for the
// shapes emitters produce — maps, sequences, numbers, booleans, null, and strings that are
// printable ASCII — plus the few yaml nodes emitters use to force a style (double- and
// single-quoted scalars, literal blocks, maps with quoted keys). It makes exactly the choices
// the yaml library makes with toYaml's options (plain where the core schema reads the text back
// as the same string, else double quotes, single quotes for text with `"` but no `'`), and
// answers `undefined` for anything else — non-ASCII or control characters, multi-line plain
// strings, nested sequences, unusual numbers, other node types — so toYaml falls back to the
// library for that document. test/write/yaml-plain.test.ts holds it to the library's bytes
// over every emitted file of the examples and a generated fleet, and over random documents.
import { isMap, isPair, isScalar, Scalar } from "yaml";

const PRINTABLE_ASCII = /^[\x20-\x7e]*$/;
const PRINTABLE_ASCII_LINES = /^[\x20-\x7e\n]*$/;

// Text the yaml library will not write plain (its plainString checks): an indicator first, a
// `- `/`? ` start, `: ` or ` #` inside, a trailing space or colon, a document marker.
const NOT_PLAIN = /^[\t ,[\]{}#&*!|>'"%@`]|^[?-]$|^[?-][ \t]|[:][ \t]|[\t ]#|[\t :]$/;
// a document marker at the start: the library's choice depends on the depth; left to it
const DOCUMENT_MARKER = /^(?:---|\.\.\.)/;

// The core schema's non-string scalars: plain text that would read back as null, a boolean or a
// number must be quoted.
const CORE_NON_STRING = [
  /^(?:~|[Nn]ull|NULL)?$/,
  /^(?:[Tt]rue|TRUE|[Ff]alse|FALSE)$/,
  /^[-+]?[0-9]+$/,
  /^0o[0-7]+$/,
  /^0x[0-9a-fA-F]+$/,
  /^[-+]?\.(?:inf|Inf|INF)$/,
  /^\.(?:nan|NaN|NAN)$/,
  /^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?$/,
];

class Unsupported extends Error {}
const unsupported = (): never => {
  throw new Unsupported();
};

/** The text of a string scalar in its default style (plain, or quoted where plain would not do). */
function stringText(value: string): string {
  if (!PRINTABLE_ASCII.test(value) || value.length > 1000 || DOCUMENT_MARKER.test(value)) return unsupported();
  if (value !== "" && !NOT_PLAIN.test(value) && !CORE_NON_STRING.some((re) => re.test(value))) return value;
  return value.includes('"') && !value.includes("'") ? `'${value}'` : JSON.stringify(value);
}

function numberText(value: number): string {
  if (!Number.isFinite(value) || Object.is(value, -0)) return unsupported();
  const text = String(value);
  return /^-?[0-9]+(?:\.[0-9]+)?$/.test(text) ? text : unsupported();
}

/** A scalar on the line of its key or dash: its text, or the header and lines of a literal block. */
function scalarText(value: unknown): string | { header: string; lines: string[] } {
  if (value === null) return "null";
  if (typeof value === "string") return stringText(value);
  if (typeof value === "number") return numberText(value);
  if (typeof value === "boolean") return value ? "true" : "false";
  if (isScalar(value)) return styledText(value);
  return unsupported();
}

function styledText(node: Scalar): string | { header: string; lines: string[] } {
  const { value, type } = node;
  if (typeof value !== "string") return unsupported();
  if (type === Scalar.QUOTE_DOUBLE) return PRINTABLE_ASCII.test(value) ? JSON.stringify(value) : unsupported();
  if (type === Scalar.QUOTE_SINGLE) return PRINTABLE_ASCII.test(value) ? `'${value.replace(/'/g, "''")}'` : unsupported();
  if (type === Scalar.BLOCK_LITERAL) {
    // the common case only: text that starts with a visible character and ends with at most one
    // newline (`|` keeps it, `|-` strips none); no line-leading tabs or indentation indicator
    if (!PRINTABLE_ASCII_LINES.test(value) || value === "" || /^[ \n]/.test(value) || value.endsWith("\n\n")) return unsupported();
    const body = value.endsWith("\n") ? value.slice(0, -1) : value;
    if (/ $/m.test(body)) return unsupported();
    return { header: value.endsWith("\n") ? "|" : "|-", lines: body.split("\n") };
  }
  return unsupported();
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (value === null || typeof value !== "object") return false;
  const proto = Object.getPrototypeOf(value) as unknown;
  return proto === Object.prototype || proto === null;
}

/** The entries of a map value: a plain object's defined properties, or a YAMLMap's pairs. */
function mapEntries(value: unknown): [string, unknown][] | undefined {
  if (isPlainObject(value)) {
    const entries: [string, unknown][] = [];
    for (const key of Object.keys(value)) {
      const v = value[key];
      if (v !== undefined) entries.push([stringText(key), v]); // the library drops undefined values
    }
    return entries;
  }
  if (isMap(value)) {
    return value.items.map((pair) => {
      if (!isPair(pair) || pair.value === undefined) return unsupported();
      const key = isScalar(pair.key) ? styledKey(pair.key) : typeof pair.key === "string" ? stringText(pair.key) : unsupported();
      return [key, pair.value] as [string, unknown];
    });
  }
  return undefined;
}

function styledKey(node: Scalar): string {
  const text = typeof node.type === "string" ? styledText(node) : typeof node.value === "string" ? stringText(node.value) : unsupported();
  return typeof text === "string" ? text : unsupported();
}

/** Appends `prefix` + the value: an inline scalar, or a nested block at `indent`. */
function writeValue(out: string[], prefix: string, value: unknown, indent: string): void {
  const entries = mapEntries(value);
  if (entries) {
    if (entries.length === 0) out.push(`${prefix} {}`);
    else {
      out.push(prefix);
      writeMap(out, entries, indent);
    }
    return;
  }
  if (Array.isArray(value)) {
    if (value.length === 0) out.push(`${prefix} []`);
    else {
      out.push(prefix);
      writeSeq(out, value, indent);
    }
    return;
  }
  const text = scalarText(value);
  if (typeof text === "string") out.push(`${prefix} ${text}`);
  else {
    out.push(`${prefix} ${text.header}`);
    for (const line of text.lines) out.push(line === "" ? "" : `${indent}${line}`);
  }
}

function writeMap(out: string[], entries: [string, unknown][], indent: string): void {
  for (const [key, value] of entries) writeValue(out, `${indent}${key}:`, value, `${indent}  `);
}

function writeSeq(out: string[], items: readonly unknown[], indent: string): void {
  for (const item of items) {
    if (item === undefined || Array.isArray(item)) unsupported();
    const entries = mapEntries(item);
    if (entries && entries.length > 0) {
      // the first pair on the dash's line, the rest aligned under it
      const start = out.length;
      writeMap(out, entries, `${indent}  `);
      out[start] = `${indent}- ${out[start]!.slice(indent.length + 2)}`;
    } else {
      writeValue(out, `${indent}-`, item, `${indent}  `);
    }
  }
}

/** The document as the yaml library would write it with toYaml's options, or undefined. */
export function plainYaml(value: unknown): string | undefined {
  const out: string[] = [];
  try {
    const entries = mapEntries(value);
    if (entries && entries.length > 0) writeMap(out, entries, "");
    else if (Array.isArray(value) && value.length > 0) writeSeq(out, value, "");
    else return undefined;
  } catch (err) {
    if (err instanceof Unsupported) return undefined;
    throw err;
  }
  return `${out.join("\n")}\n`;
}
