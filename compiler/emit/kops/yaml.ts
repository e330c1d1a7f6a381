// Serializing a kops spec. kops reads YAML 1.1 (sigs.k8s.io/yaml), where a plain `no`, `on` or
// `2026-01-01` is not a string, so every such string is double-quoted; multi-line strings (file
// asset contents) are literal blocks. In the template, each OutputRef is its Go template action
// in single quotes (the action itself contains double quotes), so the file is valid YAML both
// before and after rendering, and every literal `{{` is escaped so kops' templater passes it
// through unchanged.
import { Pair, Scalar, YAMLMap } from "yaml";
import { ambiguousInYaml11 } from "../helmfile/yaml11.js";
import { toYamlDocuments } from "../yaml.js";
import { isOutputRef } from "./refs.js";
import type { KopsSpec } from "./types.js";

export type KopsYamlMode = "template" | "bound";

/** `{{` as Go template text: an action printing the raw string "{{" (backquotes need no YAML escaping). */
export function escapeGoTemplate(text: string): string {
  return text.replace(/\{\{/g, "{{`{{`}}");
}

function scalar(text: string, type: Scalar.Type): Scalar {
  const node = new Scalar(text);
  node.type = type;
  return node;
}

function stringNode(text: string, mode: KopsYamlMode): unknown {
  const written = mode === "template" ? escapeGoTemplate(text) : text;
  if (text.includes("\n")) return scalar(written, Scalar.BLOCK_LITERAL);
  if (ambiguousInYaml11(text)) return scalar(written, Scalar.QUOTE_DOUBLE);
  return written;
}

/** The value as YAML-library input: plain data with Scalar nodes where quoting matters. */
export function yamlNodes(value: unknown, mode: KopsYamlMode): unknown {
  if (isOutputRef(value)) {
    if (mode === "bound") throw new Error(`unbound reference to ${value.toString()} in a bound spec`);
    return scalar(value.template(), Scalar.QUOTE_SINGLE);
  }
  if (typeof value === "string") return stringNode(value, mode);
  if (Array.isArray(value)) return value.map((v) => yamlNodes(v, mode));
  if (value !== null && typeof value === "object") {
    const entries = Object.entries(value as Record<string, unknown>);
    const plainKeys = entries.every(([k]) => !ambiguousInYaml11(k) && (mode === "bound" || !k.includes("{{")));
    if (plainKeys) return Object.fromEntries(entries.map(([k, v]) => [k, yamlNodes(v, mode)]));
    // a key needing quotes or escaping: only a YAML map node can carry a quoted key
    const map = new YAMLMap<unknown, unknown>();
    for (const [k, v] of entries) map.items.push(new Pair(stringNode(k, mode), yamlNodes(v, mode)));
    return map;
  }
  return value;
}

/** The Cluster document, then its InstanceGroups, after `header` (comment lines, each ending in a newline). */
export function kopsSpecYaml(spec: KopsSpec, mode: KopsYamlMode, header: string): string {
  const documents = [spec.cluster, ...spec.instanceGroups].map((doc) => yamlNodes(doc, mode));
  return (mode === "template" ? escapeGoTemplate(header) : header) + toYamlDocuments(documents);
}
