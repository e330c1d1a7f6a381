// Pointer → location of every value in a (merged) manifest. Built from the SourceNode tree
// after `extends` merges, so a value inherited from a base points into the base file.
import type { Range } from "../diagnostics/diagnostic.js";
import { parentPointer } from "./pointer.js";
import { escapeSegment } from "./pointer.js";
import type { SourceNode } from "./source-node.js";

export interface Location {
  file: string;
  /** Range of the value. */
  range: Range;
  /** Range and file of the key, for values that are map entries. */
  keyRange?: Range;
  keyFile?: string;
}

export interface Located {
  file: string;
  range: Range;
  /** The pointer actually found (an ancestor of the one asked for when that does not exist). */
  pointer: string;
  /** True when the asked-for pointer does not exist (a default, a missing key) and an ancestor was used. */
  approximate: boolean;
}

export class SourceMap {
  private readonly locations = new Map<string, Location>();

  constructor(
    root: SourceNode,
    /** Where to point when nothing else fits: the start of the entry manifest. */
    private readonly fallback: { file: string; range: Range },
  ) {
    this.record(root, "", undefined);
  }

  get(pointer: string): Location | undefined {
    return this.locations.get(pointer);
  }

  has(pointer: string): boolean {
    return this.locations.has(pointer);
  }

  /**
   * Where to report something about `pointer`. `prefer: "key"` points at the key of a map
   * entry (unknown keys, "missing property in this map"); the default points at the value.
   * A pointer that does not exist resolves to its nearest existing ancestor's key.
   */
  locate(pointer: string, prefer: "key" | "value" = "value"): Located {
    let current: string | undefined = pointer;
    let approximate = false;
    while (current !== undefined) {
      const loc = this.locations.get(current);
      if (loc) {
        const useKey = (prefer === "key" || approximate) && loc.keyRange !== undefined;
        return {
          file: useKey ? (loc.keyFile ?? loc.file) : loc.file,
          range: useKey ? loc.keyRange! : loc.range,
          pointer: current,
          approximate,
        };
      }
      current = parentPointer(current);
      approximate = true;
    }
    return { file: this.fallback.file, range: this.fallback.range, pointer: "", approximate: true };
  }

  private record(node: SourceNode, pointer: string, key: { file: string; range: Range } | undefined): void {
    this.locations.set(pointer, {
      file: node.file,
      range: node.range,
      ...(key ? { keyRange: key.range, keyFile: key.file } : {}),
    });
    if (node.kind === "map") {
      for (const entry of node.entries) {
        this.record(entry.value, `${pointer}/${escapeSegment(entry.key)}`, { file: entry.keyFile, range: entry.keyRange });
      }
    } else if (node.kind === "seq") {
      node.items.forEach((item, index) => this.record(item, `${pointer}/${index}`, undefined));
    }
  }
}
