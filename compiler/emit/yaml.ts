// One YAML serializer for every emitter, so all generated YAML has the same deterministic
// shape: keys in the order the emitter built them (emitters build objects in a fixed order),
// two-space indent, no line folding, no anchors/aliases, plain scalars where safe, LF and one
// trailing newline.
import { stringify, type ToStringOptions } from "yaml";
import { plainYaml } from "./yaml-plain.js";

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

/** Which path toYaml took, per process (the tests compare both paths and count them). */
export const yamlPaths = { fastPath: true, fast: 0, library: 0 };

export function toYaml(value: unknown): string {
  // written directly where that gives the library's exact bytes (nearly every emitted file);
  // the library builds a Document for the rest
  const fast = yamlPaths.fastPath ? plainYaml(value) : undefined;
  if (fast !== undefined) {
    yamlPaths.fast++;
    return fast;
  }
  yamlPaths.library++;
  return libraryYaml(value);
}

/** toYaml through the yaml library alone (and the reference the fast path is tested against). */
export function libraryYaml(value: unknown): string {
  const text = stringify(value, options);
  return text.endsWith("\n") ? text : `${text}\n`;
}

/** Several documents separated by `---` lines (kops splits on "\n---\n"). */
export function toYamlDocuments(values: readonly unknown[]): string {
  return values.map(toYaml).join("---\n");
}
