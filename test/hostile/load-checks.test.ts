// Hostile text and shapes end in located diagnostics at load, never in a crash, a stall or a
// silent replacement: surrogates, control characters, bad UTF-8, and each size limit.
import { test } from "uvu";
import * as assert from "uvu/assert";
import { readFileSync } from "node:fs";
import path from "node:path";
import { parseYamlSource } from "../../compiler/load/yaml-source.js";
import { firstInvalidByte } from "../../compiler/load/utf8.js";
import { MAX_DEPTH, MAX_FILE_BYTES, MAX_MAP_KEYS, MAX_NODES } from "../../compiler/load/limits.js";
import { located, lineCol, scratch } from "./support.js";

const codesAt = (text: string) => parseYamlSource(text, "m.yaml").diagnostics.map((d) => `${d.range!.start.line}:${d.range!.start.column} ${d.code}`);

test("a lone surrogate in a description is a located error, through check (no exit 3)", async () => {
  const ws = scratch();
  const file = ws.dev("s.yaml", (t) => t.replace(/description: .*/, 'description: "before \\ud800 after"'));
  const text = readFileSync(path.join(ws.dir, file), "utf8");
  const result = await ws.compile([file], { emit: true });
  assert.equal(located(result), [`s.yaml:${lineCol(text, '"before')} STK-TEXT-002`]);
  assert.match(result.diagnostics[0]!.message, /lone surrogate U\+D800/);
});

test("a surrogate pair written as two escapes is one character and passes", () => {
  assert.equal(codesAt('a: "\\ud83d\\ude00"\n'), []);
  assert.equal(parseYamlSource('a: "\\ud83d\\ude00"\n', "m.yaml").node?.kind, "map");
});

test("escaped control characters in values and keys are refused where they are written", () => {
  assert.equal(codesAt('a: "x\\e[2Jy"\n'), ["1:4 STK-TEXT-003"]);
  assert.equal(codesAt('a: ok\nb: "a\\rb"\n'), ["2:4 STK-TEXT-003"]);
  assert.equal(codesAt('"k\\x07": 1\n'), ["1:1 STK-TEXT-003"]);
  assert.equal(codesAt('a: "\\u202Eevil"\n'), ["1:4 STK-TEXT-003"]);
  // tab and line feed are text
  assert.equal(codesAt('a: "x\\ty\\nz"\nb: |\n  two\n  lines\n'), []);
});

test("raw control characters in the file are refused at their position, comments included", () => {
  assert.equal(codesAt("a: 1\n# title \u001b]0;pwned\u0007\nb: 2\n"), ["2:9 STK-TEXT-003", "2:18 STK-TEXT-003"]);
  assert.equal(codesAt("a: x\u0000y\n"), ["1:5 STK-TEXT-003"]);
  // CRLF line breaks are fine
  assert.equal(codesAt("a: 1\r\nb: 2\r\n"), []);
  // a binary file gets a bounded list, not thousands of diagnostics
  assert.equal(codesAt("\u0001".repeat(5000)).length, 20);
});

test("invalid UTF-8 is an error at the first bad byte", async () => {
  const ws = scratch();
  ws.write("latin1.yaml", Buffer.concat([Buffer.from("apiVersion: stackc.dev/v1alpha1\nmetadata:\n  description: caf"), Buffer.from([0xe9]), Buffer.from("\n")]));
  const result = await ws.compile(["latin1.yaml"]);
  assert.equal(located(result), ["latin1.yaml:3:19 STK-TEXT-001"]);
  assert.match(result.diagnostics[0]!.message, /byte 0xE9/);
  assert.is(firstInvalidByte(Buffer.from([0x61, 0xed, 0xa0, 0x80])), 1, "an encoded surrogate is not UTF-8");
  assert.is(firstInvalidByte(Buffer.from([0xc0, 0x80])), 0, "an overlong encoding is not UTF-8");
  assert.is(firstInvalidByte(Buffer.from("ünï©ødé 😀")), Buffer.from("ünï©ødé 😀").length);
});

test("a file above the size limit is refused before it is read; through extends at the extends value", async () => {
  const ws = scratch();
  ws.write("huge.yaml", `kind: StackBase\n# ${"x".repeat(MAX_FILE_BYTES)}\n`);
  assert.equal(located(await ws.compile(["huge.yaml"])), ["huge.yaml:-:- STK-LIMIT-001"]);
  const file = ws.dev("s.yaml", (t) => t.replace("extends: ./base.yaml", "extends: ./huge.yaml"));
  assert.equal(located(await ws.compile([file])), ["s.yaml:6:10 STK-LIMIT-001"]);
});

test("nesting deeper than the limit is refused before composing (no stack overflow, a short frame)", () => {
  const flow = `a: ${"[".repeat(10_000)}${"]".repeat(10_000)}\n`;
  const d = parseYamlSource(flow, "m.yaml").diagnostics;
  assert.equal(d.map((x) => x.code), ["STK-LIMIT-002"]);
  assert.is(d[0]!.range!.start.line, 1);
  assert.is(d[0]!.range!.start.column, 4 + MAX_DEPTH - 1, "at the first bracket past the limit");
  const block = Array.from({ length: 200 }, (_, i) => `${" ".repeat(i)}k${i}:\n`).join("");
  assert.equal(parseYamlSource(block, "m.yaml").diagnostics.map((x) => `${x.range!.start.line} ${x.code}`), [`${MAX_DEPTH + 1} STK-LIMIT-002`]);
  const atLimit = `a: ${"[".repeat(MAX_DEPTH - 1)}${"]".repeat(MAX_DEPTH - 1)}\n`;
  assert.equal(codesAt(atLimit), []);
});

test("more values than the limit, and more keys in one map, are refused with their own codes", () => {
  const items = Array.from({ length: MAX_NODES }, (_, i) => `- ${i}\n`).join("");
  const d = parseYamlSource(`l:\n${items}`, "m.yaml").diagnostics;
  assert.equal(d.map((x) => x.code), ["STK-LIMIT-003"]);
  const keys = Array.from({ length: MAX_MAP_KEYS + 1 }, (_, i) => `k${i}: 1\n`).join("");
  const k = parseYamlSource(keys, "m.yaml").diagnostics;
  assert.equal(k.map((x) => `${x.range!.start.line}:${x.range!.start.column} ${x.code}`), [`${MAX_MAP_KEYS + 1}:1 STK-LIMIT-004`]);
  assert.equal(codesAt(Array.from({ length: MAX_MAP_KEYS }, (_, i) => `k${i}: 1\n`).join("")), []);
});

test("duplicate keys are found without the library's quadratic check, each at the repeated key", () => {
  assert.equal(codesAt("a: 1\nb: 2\na: 3\nm: {x: 1, x: 2}\n"), ["3:1 STK-YAML-002", "4:11 STK-YAML-002"]);
});

test.run();
