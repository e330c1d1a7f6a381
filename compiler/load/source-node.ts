// A YAML document as a tree that remembers where every key and value was written.
// `extends` merges operate on this tree, so each value keeps the file and range of the
// manifest that supplied it; the plain JSON value and the pointer → location map are
// derived from it afterwards.
import type { Range } from "../diagnostics/diagnostic.js";

export type Scalar = string | number | boolean | null;

interface NodeBase {
  /** Display path of the file the node was written in. */
  file: string;
  range: Range;
}

export interface MapNode extends NodeBase {
  kind: "map";
  entries: MapEntry[];
}

export interface MapEntry {
  key: string;
  /** Where the key was written (the value may come from another file after a merge). */
  keyFile: string;
  keyRange: Range;
  value: SourceNode;
}

export interface SeqNode extends NodeBase {
  kind: "seq";
  items: SourceNode[];
}

export interface ScalarNode extends NodeBase {
  kind: "scalar";
  value: Scalar;
}

export type SourceNode = MapNode | SeqNode | ScalarNode;

export function entryOf(node: MapNode, key: string): MapEntry | undefined {
  return node.entries.find((e) => e.key === key);
}

/** The plain JSON value of a node. */
export function toValue(node: SourceNode): unknown {
  switch (node.kind) {
    case "scalar":
      return node.value;
    case "seq":
      return node.items.map(toValue);
    case "map": {
      const out: Record<string, unknown> = {};
      for (const entry of node.entries) out[entry.key] = toValue(entry.value);
      return out;
    }
  }
}
