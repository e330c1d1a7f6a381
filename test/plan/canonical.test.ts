// canonicalJson writes sorted-key JSON directly; it must give the bytes of the obvious definition
// (JSON.stringify of a deep copy with sorted keys) for any JSON value — the change records in
// every committed lock file depend on it.
import fc from "fast-check";
import { test } from "uvu";
import * as assert from "uvu/assert";
import { canonicalJson, valueHash } from "../../compiler/plan/canonical.js";

function sortedCopy(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortedCopy);
  if (value !== null && typeof value === "object") {
    const out: Record<string, unknown> = {};
    for (const key of Object.keys(value).sort()) out[key] = sortedCopy((value as Record<string, unknown>)[key]);
    return out;
  }
  return value;
}
const reference = (value: unknown) => JSON.stringify(sortedCopy(value));

const cases: [string, unknown, string][] = [
  ["nested keys sorted at every level", { b: 1, a: { d: [3, { z: 1, y: 2 }], c: "x" } }, '{"a":{"c":"x","d":[3,{"y":2,"z":1}]},"b":1}'],
  ["keys and strings escaped", { 'q"k': "line\nbreak \u2028 é", "\u0000": "" }, '{"\\u0000":"","q\\"k":"line\\nbreak \u2028 é"}'],
  ["undefined and functions dropped in objects, null in arrays", { a: undefined, b: () => 1, c: [undefined, () => 1] }, '{"c":[null,null]}'],
  ["non-finite numbers are null, -0 is 0", [Number.NaN, Number.POSITIVE_INFINITY, -0, 1e21, 0.1], "[null,null,0,1e+21,0.1]"],
  ["array-index keys first, in numeric order (as an object holds them), then the rest sorted", { b: 0, 10: "a", 2: "b", a: 1, "01": 2, 4294967295: 3 }, '{"2":"b","10":"a","01":2,"4294967295":3,"a":1,"b":0}'],
  ["empty containers", { a: {}, b: [] }, '{"a":{},"b":[]}'],
];
for (const [what, value, expected] of cases) {
  test(`canonicalJson: ${what}`, () => {
    assert.is(canonicalJson(value), expected);
    assert.is(canonicalJson(value), reference(value));
  });
}

test("canonicalJson equals the sorted-copy definition on arbitrary JSON values (property)", () => {
  fc.assert(
    fc.property(fc.jsonValue(), (value) => canonicalJson(value) === reference(value)),
    { numRuns: 2000, seed: 20261207 },
  );
});

test("valueHash: the same value in another key order hashes the same; another value does not", () => {
  assert.is(valueHash({ a: 1, b: [1, 2] }), valueHash({ b: [1, 2], a: 1 }));
  assert.is.not(valueHash({ a: 1, b: [2, 1] }), valueHash({ a: 1, b: [1, 2] }));
  assert.match(valueHash(null), /^sha256:[0-9a-f]{32}$/);
});

test.run();
