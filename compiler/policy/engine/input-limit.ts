// The policy input is bounded before it reaches the wasm engine. OPA's wasm runtime copies the
// input into its linear memory and its `walk` (stk_helm_003, stk_sec_001) materialises a path
// per value, so its memory grows with the number of values, not the bytes: 134,000 values
// evaluated in 256 MiB while 60,000 values already exhausted 128 MiB (measured, npm run bench).
// Counting is one iterative pass that stops at the limit.

/** Values (objects, arrays, scalars) in one stack's policy input, manifest and artifacts together. */
export const MAX_POLICY_INPUT_NODES = 150_000;

/** The number of values in `input`, or limit + 1 as soon as it exceeds `limit`. */
export function countValues(input: unknown, limit = MAX_POLICY_INPUT_NODES): number {
  const stack: unknown[] = [input];
  let n = 0;
  while (stack.length > 0) {
    const v = stack.pop();
    if (++n > limit) return n;
    if (v !== null && typeof v === "object") {
      if (Array.isArray(v)) for (const item of v) stack.push(item);
      else for (const key in v) stack.push((v as Record<string, unknown>)[key]);
    }
  }
  return n;
}

/** True for the wasm runtime's allocation failure (the memory maximum was reached). */
export function isOutOfMemory(err: unknown): boolean {
  const message = err instanceof Error ? err.message : String(err);
  return /opa_malloc|out of memory|memory access out of bounds|Cannot allocate Wasm memory/i.test(message);
}
