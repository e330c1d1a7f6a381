// "Did you mean …?" for unknown keys and enum values: the closest candidate by optimal
// string alignment distance (Levenshtein plus adjacent transpositions), accepted only when
// close enough that the suggestion is more likely right than noise.

export function editDistance(a: string, b: string): number {
  const rows = a.length + 1;
  const cols = b.length + 1;
  const d: number[][] = Array.from({ length: rows }, (_, i) => {
    const row = new Array<number>(cols).fill(0);
    row[0] = i;
    return row;
  });
  for (let j = 0; j < cols; j++) d[0]![j] = j;
  for (let i = 1; i < rows; i++) {
    for (let j = 1; j < cols; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let best = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) best = Math.min(best, d[i - 2]![j - 2]! + 1);
      d[i]![j] = best;
    }
  }
  return d[a.length]![b.length]!;
}

/** Lowercase without separators: machine_type, Machine-Type and machinetype all match machineType. */
function fold(s: string): string {
  return s.toLowerCase().replace(/[-_ .]/g, "");
}

export function didYouMean(word: string, candidates: readonly string[]): string | undefined {
  const folded = fold(word);
  const exactFold = candidates.find((c) => fold(c) === folded);
  if (exactFold !== undefined) return exactFold;
  // "production" → "prod", "stag" → "staging": one is a prefix of the other
  const prefix = candidates.find((c) => {
    const f = fold(c);
    return Math.min(f.length, folded.length) >= 3 && (folded.startsWith(f) || f.startsWith(folded));
  });
  if (prefix !== undefined) return prefix;
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const candidate of candidates) {
    const distance = editDistance(folded, fold(candidate));
    // ties resolve to the first candidate in schema order, which is deterministic
    if (distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  if (best === undefined) return undefined;
  const limit = Math.max(1, Math.floor(Math.max(word.length, best.length) / 3));
  return bestDistance <= limit ? best : undefined;
}
