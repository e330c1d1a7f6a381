// How `settings.values` combines with the values stackc wires: objects merge key by key
// (recursively), arrays and scalars replace — the rule Helm applies between values files, so a
// user's override means the same thing here as in a second `-f` file. `null` replaces too, and
// Helm then deletes the key from the chart's defaults.
export type PlainObject = Record<string, unknown>;

export function isPlainObject(value: unknown): value is PlainObject {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** A deep copy of JSON-like data (the result never shares objects with its inputs). */
export function cloneData<T>(value: T): T {
  if (Array.isArray(value)) return value.map((v: unknown) => cloneData(v)) as T;
  if (isPlainObject(value)) return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, cloneData(v)])) as T;
  return value;
}

/** `override` merged over `base`; keys keep base order, new keys follow in override order. */
export function deepMerge(base: PlainObject, override: PlainObject): PlainObject {
  const out: PlainObject = cloneData(base);
  for (const [key, value] of Object.entries(override)) {
    const current = out[key];
    out[key] = isPlainObject(current) && isPlainObject(value) ? deepMerge(current, value) : cloneData(value);
  }
  return out;
}
