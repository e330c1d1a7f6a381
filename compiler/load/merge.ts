// `extends` overlay semantics, on position-carrying trees:
// - map + map: deep merge; keys keep the base's order, new keys follow in the overlay's order;
// - an overlay value `null` removes the key (JSON Merge Patch, RFC 7386) — no manifest value is
//   legitimately null, so this is unambiguous;
// - list + list where every item on both sides is a map with a string `name`: merged by name
//   (base order, matching items deep-merged, new items appended) — node groups, charts;
// - anything else: the overlay replaces the base.
// Every resulting node keeps the file and range of whichever manifest supplied it.
import type { MapEntry, MapNode, SeqNode, SourceNode } from "./source-node.js";
import { entryOf } from "./source-node.js";

export function mergeNodes(base: SourceNode, overlay: SourceNode): SourceNode {
  if (base.kind === "map" && overlay.kind === "map") return mergeMaps(base, overlay);
  if (base.kind === "seq" && overlay.kind === "seq" && isNamedList(base) && isNamedList(overlay)) {
    return mergeNamedLists(base, overlay);
  }
  return overlay;
}

function mergeMaps(base: MapNode, overlay: MapNode): MapNode {
  const entries: MapEntry[] = [];
  for (const baseEntry of base.entries) {
    const over = entryOf(overlay, baseEntry.key);
    if (!over) entries.push(baseEntry);
    else if (isNull(over.value)) continue;
    else entries.push({ ...over, value: mergeNodes(baseEntry.value, over.value) });
  }
  for (const over of overlay.entries) {
    if (!entryOf(base, over.key) && !isNull(over.value)) entries.push(over);
  }
  return { ...overlay, entries };
}

function mergeNamedLists(base: SeqNode, overlay: SeqNode): SeqNode {
  // Each base item merges with the first unmatched overlay item of the same name; every other
  // overlay item (new names, and repeated names the later checks will report) is appended.
  const unmatched = [...overlay.items];
  const items: SourceNode[] = base.items.map((item) => {
    const index = unmatched.findIndex((over) => nameOf(over) === nameOf(item));
    if (index < 0) return item;
    const [over] = unmatched.splice(index, 1);
    return mergeNodes(item, over!);
  });
  return { ...overlay, items: [...items, ...unmatched] };
}

function isNamedList(seq: SeqNode): boolean {
  return seq.items.length > 0 && seq.items.every((item) => nameOfOrUndefined(item) !== undefined);
}

function nameOfOrUndefined(node: SourceNode): string | undefined {
  if (node.kind !== "map") return undefined;
  const entry = entryOf(node, "name");
  return entry && entry.value.kind === "scalar" && typeof entry.value.value === "string" ? entry.value.value : undefined;
}

function nameOf(node: SourceNode): string {
  return nameOfOrUndefined(node)!;
}

function isNull(node: SourceNode): boolean {
  return node.kind === "scalar" && node.value === null;
}
