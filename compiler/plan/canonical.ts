// Canonical JSON (keys sorted at every level) and its hash: what the change record stores so a
// value compares equal across stackc versions that build the same data in another key order.
import { createHash } from "node:crypto";

/**
 * JSON.stringify of the value with every object's keys sorted — written out directly rather than
 * by stringifying a sorted copy: the change record hashes every Terraform resource, add-on value
 * and kops field of every stack, and the copies were most of that cost. Same bytes as
 * JSON.stringify(sortedCopy) for JSON data (test/plan/canonical.test.ts checks it against that).
 */
export function canonicalJson(value: unknown): string {
  return write(value) ?? "undefined";
}

/** undefined where JSON.stringify omits the value (undefined, a function, a symbol). */
function write(value: unknown): string | undefined {
  if (value === null) return "null";
  switch (typeof value) {
    case "string":
      return JSON.stringify(value);
    case "number":
      return Number.isFinite(value) ? String(value) : "null";
    case "boolean":
      return value ? "true" : "false";
    case "object":
      break;
    case "bigint":
      return JSON.stringify(value); // throws, as JSON.stringify does
    default:
      return undefined;
  }
  if (Array.isArray(value)) {
    let out = "[";
    for (let i = 0; i < value.length; i++) out += `${i > 0 ? "," : ""}${write(value[i]) ?? "null"}`;
    return `${out}]`;
  }
  const object = value as Record<string, unknown>;
  let out = "{";
  let first = true;
  for (const key of sortedKeys(object)) {
    const text = write(object[key]);
    if (text === undefined) continue;
    out += `${first ? "" : ","}${JSON.stringify(key)}:${text}`;
    first = false;
  }
  return `${out}}`;
}

/**
 * The key order of the sorted copy the records were defined by: a JavaScript object holds
 * array-index keys ("0", "10") first, in numeric order, whatever order they were inserted in,
 * then the others in insertion order (here: sorted).
 */
function sortedKeys(object: Record<string, unknown>): string[] {
  const keys = Object.keys(object);
  const indices = keys.filter(isArrayIndex);
  if (indices.length === 0) return keys.sort();
  return [...indices.sort((a, b) => Number(a) - Number(b)), ...keys.filter((k) => !isArrayIndex(k)).sort()];
}

const isArrayIndex = (key: string) => /^(?:0|[1-9]\d*)$/.test(key) && Number(key) <= 4294967294;

/** Short content hash of a value: enough to tell "changed" from "unchanged". */
export function valueHash(value: unknown): string {
  return `sha256:${createHash("sha256").update(canonicalJson(value), "utf8").digest("hex").slice(0, 32)}`;
}
