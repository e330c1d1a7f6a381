// One YAML serializer for every emitter, so all generated YAML has the same deterministic
// shape: keys in the order the emitter built them (emitters build objects in a fixed order),
// two-space indent, no line folding, no anchors/aliases, plain scalars where safe, LF and one
// trailing newline.
import { stringify, type ToStringOptions } from "yaml";

const options: ToStringOptions & { aliasDuplicateObjects: false } = {
  indent: 2,
  indentSeq: true,
  lineWidth: 0,
  minContentWidth: 0,
  defaultStringType: "PLAIN",
  defaultKeyType: "PLAIN",
  nullStr: "null",
  aliasDuplicateObjects: false,
};

export function toYaml(value: unknown): string {
  const text = stringify(value, options);
  return text.endsWith("\n") ? text : `${text}\n`;
}

/** Several documents separated by `---` lines (kops splits on "\n---\n"). */
export function toYamlDocuments(values: readonly unknown[]): string {
  return values.map(toYaml).join("---\n");
}
