// Helm reads values files with a YAML 1.1 resolver (sigs.k8s.io/yaml over go-yaml v2): a plain
// `2025-01-01` becomes a timestamp (rendered back as 2025-01-01T00:00:00Z, which breaks Loki's
// schema `from`), `on`/`no` become booleans (map keys too), `0755` an octal number. The shared
// serializer writes YAML 1.2, where those are plain strings. This marks every string a YAML 1.1
// reader would not read back as the same string for double quoting, before it goes through
// toYaml. What YAML 1.1 makes of a plain scalar is decided by the yaml library's own 1.1 mode
// (its yaml-1.1 schema: booleans, null, base 2/8/16 and sexagesimal integers, floats, .inf/.nan,
// timestamps), not by a table of patterns kept here.
import { Pair, Scalar, YAMLMap, isScalar, parseDocument } from "yaml";
import { isPlainObject } from "./merge.js";

const cache = new Map<string, boolean>();

// Most strings (keys, names, image tags) are words: a letter, then at least five more of
// letters, digits and . _ / -. Such a plain scalar is always a string in YAML 1.1 — every
// non-string reading starts with a digit, a sign, a dot, ~ or an indicator, or is one of the
// bool/null words, the longest of which has five letters — so they skip the parse, which is
// most of the cost of a cold emit. test/helmfile/merge.test.ts holds the two paths equal.
const WORD = /^[A-Za-z][A-Za-z0-9._/-]{5,}$/;
// except an exponent alone: the yaml library's 1.1 float allows an empty mantissa, so `e10000`
// reads as a number (NaN) — the property test in test/helmfile/merge.test.ts says so once it runs
// in a process of its own (it passed in the shared one by the order of the files)
const EXPONENT = /^[eE]-?[0-9]+$/;

/** The fast path's claim: `text` is a plain YAML 1.1 string without parsing it. */
export function plainWordIn11(text: string): boolean {
  return WORD.test(text) && !EXPONENT.test(text);
}

/** True when a YAML 1.1 reader would take the plain scalar for something other than this string. */
export function ambiguousInYaml11(text: string): boolean {
  // a multi-line string is never one plain scalar token; the serializer picks a block style
  if (text.includes("\n")) return false;
  if (plainWordIn11(text)) return false;
  let answer = cache.get(text);
  if (answer !== undefined) return answer;
  answer = parsedAmbiguous(text);
  if (cache.size < 10_000) cache.set(text, answer);
  return answer;
}

/** The yaml library's own YAML 1.1 reading of `text` as a plain scalar (the slow path; exported for the test). */
export function parsedAmbiguous(text: string): boolean {
  let answer: boolean;
  const doc = parseDocument(text, { version: "1.1" });
  if (doc.errors.length > 0) answer = false; // not a plain scalar at all: the serializer quotes it in any version
  else if (doc.contents === null) answer = text.trim() === ""; // the empty plain scalar is null; a lone comment is no scalar
  else answer = isScalar(doc.contents) && typeof doc.contents.value !== "string";
  return answer;
}

function quoted(text: string): Scalar {
  const scalar = new Scalar(text);
  scalar.type = Scalar.QUOTE_DOUBLE;
  return scalar;
}

/**
 * A copy of `value` for serialization, with YAML-1.1-ambiguous strings (values and map keys) as
 * double-quoted scalars. Maps with such a key become YAML map nodes, the only way to quote a key.
 */
export function quoteForYaml11(value: unknown): unknown {
  if (typeof value === "string" && ambiguousInYaml11(value)) return quoted(value);
  if (Array.isArray(value)) return value.map(quoteForYaml11);
  if (!isPlainObject(value)) return value;
  const entries = Object.entries(value).map(([k, v]) => [k, quoteForYaml11(v)] as const);
  if (!entries.some(([k]) => ambiguousInYaml11(k))) return Object.fromEntries(entries);
  const map = new YAMLMap<unknown, unknown>();
  for (const [k, v] of entries) map.items.push(new Pair(ambiguousInYaml11(k) ? quoted(k) : k, v));
  return map;
}
