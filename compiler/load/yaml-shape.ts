// Measures a parsed YAML syntax tree (the yaml library's CST) against the input limits before
// it is composed into a document. The CST parser keeps its own stack, so a 100,000-deep
// `[[[[…` is a flat loop here; composing it would recurse once per level and overflow. The walk
// is iterative and linear, and stops at the first limit it meets.
import type { CST } from "yaml";
import { MAX_DEPTH, MAX_MAP_KEYS, MAX_NODES } from "./limits.js";

export interface ShapeLimits {
  maxDepth: number;
  maxNodes: number;
  maxMapKeys: number;
}

export const defaultShapeLimits: Readonly<ShapeLimits> = Object.freeze({ maxDepth: MAX_DEPTH, maxNodes: MAX_NODES, maxMapKeys: MAX_MAP_KEYS });

export type ShapeViolation =
  | { limit: "depth"; offset: number }
  | { limit: "nodes"; offset: number }
  | { limit: "keys"; offset: number; mapOffset: number };

/**
 * The first limit the documents exceed (offset: where the excess starts), or undefined.
 * `parsed` is what yaml's Parser yields (CST tokens); typed loosely here so the published
 * declarations do not depend on yaml's types.
 */
export function measureShape(parsed: readonly object[], limits: ShapeLimits = defaultShapeLimits): ShapeViolation | undefined {
  const tokens = parsed as readonly CST.Token[];
  const stack: Array<{ token: CST.Token; depth: number }> = [];
  for (const token of tokens) if (token.type === "document" && token.value) stack.push({ token: token.value, depth: 1 });
  let nodes = 0;
  while (stack.length > 0) {
    const { token, depth } = stack.pop()!;
    if (++nodes > limits.maxNodes) return { limit: "nodes", offset: token.offset };
    if (token.type !== "block-map" && token.type !== "block-seq" && token.type !== "flow-collection") continue;
    if (depth > limits.maxDepth) return { limit: "depth", offset: token.offset };
    const isMap = token.type === "block-map" || (token.type === "flow-collection" && token.start.source === "{");
    if (isMap && token.items.length > limits.maxMapKeys) {
      const item = token.items[limits.maxMapKeys]!;
      const offset = item.key?.offset ?? item.start[0]?.offset ?? token.offset;
      return { limit: "keys", offset, mapOffset: token.offset };
    }
    for (const item of token.items) {
      if (item.key) stack.push({ token: item.key, depth: depth + 1 });
      if (item.value) stack.push({ token: item.value, depth: depth + 1 });
    }
  }
  return undefined;
}
