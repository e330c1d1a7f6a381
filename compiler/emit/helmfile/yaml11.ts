// Helm reads values files with a YAML 1.1 resolver (sigs.k8s.io/yaml over go-yaml v2): a plain
// `2025-01-01` becomes a timestamp (rendered back as 2025-01-01T00:00:00Z, which breaks Loki's
// schema `from`), `on`/`no` become booleans (map keys too), `0755` an octal number. The shared serializer writes
// YAML 1.2, where those are plain strings. This marks every string a YAML 1.1 reader would not
// read back as the same string for double quoting, before it goes through toYaml.
import { Pair, Scalar, YAMLMap } from "yaml";
import { isPlainObject } from "./merge.js";

const YAML11_NON_STRINGS: readonly RegExp[] = [
  /^(y|Y|yes|Yes|YES|n|N|no|No|NO|true|True|TRUE|false|False|FALSE|on|On|ON|off|Off|OFF)$/,
  /^(~|null|Null|NULL)?$/,
  /^[-+]?(0b[01_]+|0x[0-9a-fA-F_]+|0[0-7_]+|[0-9][0-9_]*(:[0-5]?[0-9])*)$/,
  /^[-+]?([0-9][0-9_]*)?\.[0-9_]*([eE][-+][0-9]+)?$/,
  /^[-+]?[0-9][0-9_]*([eE][-+]?[0-9]+)$/,
  /^[-+]?\.(inf|Inf|INF)$|^\.(nan|NaN|NAN)$/,
  /^[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}([Tt]|[ \t]+|$)/,
];

/** True when a YAML 1.1 reader would take the plain scalar for something other than this string. */
export function ambiguousInYaml11(text: string): boolean {
  return YAML11_NON_STRINGS.some((re) => re.test(text));
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
