// settings.values combine with the wired values the way Helm combines values files, and values
// files are written so that Helm's YAML 1.1 reader reads back exactly the strings stackc meant.
import { test } from "uvu";
import * as assert from "uvu/assert";
import { parse } from "yaml";
import { deepMerge } from "../../compiler/emit/helmfile/merge.js";
import fc from "fast-check";
import { ambiguousInYaml11, parsedAmbiguous, plainWordIn11, quoteForYaml11 } from "../../compiler/emit/helmfile/yaml11.js";
import { toYaml } from "../../compiler/emit/yaml.js";

test("deepMerge: objects merge recursively, arrays and scalars replace, null replaces", () => {
  const base = { a: { b: 1, c: [1, 2], d: { e: "x" } }, f: true, g: "keep" };
  const override = { a: { c: [3], d: { z: 1 } }, f: null, h: [{ i: 1 }] };
  assert.equal(deepMerge(base, override), { a: { b: 1, c: [3], d: { e: "x", z: 1 } }, f: null, g: "keep", h: [{ i: 1 }] });
});

test("deepMerge: inputs are left untouched and the result shares no objects with them", () => {
  const base = { a: { b: [1] } };
  const override = { c: { d: 1 } };
  const merged = deepMerge(base, override);
  (merged.a as { b: number[] }).b.push(2);
  (merged.c as { d: number }).d = 2;
  assert.equal(base, { a: { b: [1] } });
  assert.equal(override, { c: { d: 1 } });
});

test("YAML 1.1 ambiguity: dates, yes/no/on/off, octal and sexagesimal numbers; not versions or words", () => {
  for (const s of ["2025-01-01", "on", "Off", "yes", "N", "0755", "1:30", "1_000", ".5", "1e3", "~", "", "true", "12"]) {
    assert.ok(ambiguousInYaml11(s), s);
  }
  for (const s of ["2.64.0", "v1.21.1", "0 2 * * *", "gp3", "720h", "loki_index_", "internal", "1.2.3-rc.1"]) {
    assert.not.ok(ambiguousInYaml11(s), s);
  }
});

test("YAML 1.1 ambiguity is the yaml library's 1.1 reading: full timestamps only, base prefixes, .inf/.nan; comments and lists are not scalars", () => {
  for (const s of ["2025-01-01 10:00:00", "2025-1-1", "0x1F", "0b101", "-.inf", ".NaN", "190:20:30", "NULL", "Y"]) assert.ok(ambiguousInYaml11(s), s);
  // YAML 1.1 timestamps need seconds (go-yaml v2 agrees); a comment or a flow list is no plain scalar
  for (const s of ["2025-01-01 10:00", "#x", "[a]", "a: b", "line one\nline two", "1.36.1"]) assert.not.ok(ambiguousInYaml11(s), s);
});

test("YAML 1.1 fast path: every string it skips is a string to the yaml library's 1.1 reading too", () => {
  // near misses of the bool/null words and of numbers, each long enough for the fast path
  const near = ["falsey", "FALSE-", "nullable", "Null/x", "yes-no", "on_off", "true.x", "Offset", "inf.nan", "e1000x", "x0o777", "NULL_0"];
  for (const s of near) {
    assert.ok(plainWordIn11(s), s);
    assert.not.ok(parsedAmbiguous(s), s);
  }
  // and what it must not take: short words, digits, signs, dots first, spaces, colons
  for (const s of ["false", "Yes", "12345678", "-abcdef", ".infinity", "true   ", "abc def", "a:bcdef", "~abcdef"]) assert.not.ok(plainWordIn11(s), s);
  // an exponent alone is a float to the yaml library's 1.1 reading (NaN): quoted, never fast-pathed
  for (const s of ["e10000", "E-12345"]) {
    assert.not.ok(plainWordIn11(s), s);
    assert.ok(parsedAmbiguous(s), s);
  }
  const letters = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ";
  const tail = `${letters}0123456789._/-`;
  const word = fc
    .tuple(fc.constantFrom(...letters), fc.array(fc.constantFrom(...tail), { minLength: 5, maxLength: 24 }))
    .map(([head, rest]) => head + rest.join(""));
  fc.assert(
    fc.property(word, (s) => plainWordIn11(s) && !parsedAmbiguous(s)),
    { seed: 1115, numRuns: 3000 },
  );
});

test("quoteForYaml11: ambiguous strings and keys are double-quoted, and read back by a YAML 1.1 parser as strings", () => {
  const values = { from: "2025-01-01", flags: ["on", "plain"], nested: { mode: "0644", n: 3 } };
  const text = toYaml(quoteForYaml11(values));
  assert.match(text, /from: "2025-01-01"/);
  assert.match(text, /- "on"/);
  assert.match(text, /"n": 3/);
  assert.equal(parse(text, { version: "1.1" }), values);
  // without quoting, a YAML 1.1 reader would turn the date into something else
  assert.not.equal(parse(toYaml(values), { version: "1.1" }), values);
});

test.run();
