// --shard k/n: a deterministic split of a fleet for CI matrices. Stacks are ordered by their
// display path (what discovery already sorts by) and dealt round-robin, so the n shards cover
// every stack exactly once, differ in size by at most one, and the same fleet always splits
// the same way on every machine.

export interface Shard {
  /** 1-based index of this shard. */
  index: number;
  count: number;
}

/** "2/4" → {index: 2, count: 4}; undefined for anything else (0/4, 5/4, 1/0, 1.5/2, "x"). */
export function parseShard(text: string): Shard | undefined {
  const m = /^\s*(\d+)\s*\/\s*(\d+)\s*$/.exec(text);
  if (!m) return undefined;
  const index = Number(m[1]);
  const count = Number(m[2]);
  if (!Number.isSafeInteger(index) || !Number.isSafeInteger(count) || count < 1 || index < 1 || index > count) return undefined;
  return { index, count };
}

/** The items of shard k of n, in their order; `key` gives each item's sort key (its path). */
export function selectShard<T>(items: readonly T[], shard: Shard, key: (item: T) => string): T[] {
  const ordered = [...items].sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));
  return ordered.filter((_, i) => i % shard.count === shard.index - 1);
}
