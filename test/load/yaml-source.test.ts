// Positions and YAML-level refusals of the loader, one behaviour per test.
import { test } from "uvu";
import * as assert from "uvu/assert";
import { parseYamlSource } from "../../compiler/load/yaml-source.js";
import { SourceMap } from "../../compiler/load/source-map.js";
import { toValue } from "../../compiler/load/source-node.js";

const zero = { start: { line: 1, column: 1, offset: 0 }, end: { line: 1, column: 1, offset: 0 } };

function mapOf(text: string) {
  const parsed = parseYamlSource(text, "m.yaml");
  assert.equal(parsed.diagnostics, []);
  return new SourceMap(parsed.node!, { file: "m.yaml", range: zero });
}

test("every value and key has its line and column", () => {
  const map = mapOf("a:\n  b: [x, {c: 1}]\n  d: hello\n");
  assert.equal(map.locate("/a/b/1/c").range.start, { line: 2, column: 14, offset: 16 });
  assert.equal(map.locate("/a/d", "key").range.start, { line: 3, column: 3, offset: 22 });
  assert.equal(map.locate("/a/d").range.start, { line: 3, column: 6, offset: 25 });
});

test("a missing pointer falls back to the nearest ancestor's key", () => {
  const map = mapOf("spec:\n  cluster:\n    name: x\n");
  const loc = map.locate("/spec/cluster/etcd/backupRetentionDays");
  assert.is(loc.pointer, "/spec/cluster");
  assert.ok(loc.approximate);
  assert.equal(loc.range.start.line, 2);
  assert.equal(loc.range.start.column, 3);
});

test("a key without a value points at the key, not at an invisible empty value", () => {
  const map = mapOf("dns:\nspec: 1\n");
  assert.equal(map.locate("/dns").range.start, { line: 1, column: 1, offset: 0 });
});

test("CRLF line endings keep correct lines and columns", () => {
  const map = mapOf("a: 1\r\nb:\r\n  c: 2\r\n");
  assert.equal(map.locate("/b/c").range.start.line, 3);
  assert.equal(map.locate("/b/c").range.start.column, 6);
});

test("YAML 1.2 core schema: on/yes stay strings, dates stay strings, 1.36 is a number", () => {
  const parsed = parseYamlSource("a: on\nb: yes\nc: 2027-03-01\nd: 1.36\ne: '1.36'\n", "m.yaml");
  assert.equal(toValue(parsed.node!), { a: "on", b: "yes", c: "2027-03-01", d: 1.36, e: "1.36" });
});

test("aliases are expanded with the anchor's positions", () => {
  const parsed = parseYamlSource("x: &v {k: 1}\ny: *v\n", "m.yaml");
  assert.equal(parsed.diagnostics, []);
  assert.equal(toValue(parsed.node!), { x: { k: 1 }, y: { k: 1 } });
  const map = new SourceMap(parsed.node!, { file: "m.yaml", range: zero });
  assert.is(map.locate("/y/k").range.start.line, 1);
});

test("a self-referencing alias is refused, not expanded forever", () => {
  const parsed = parseYamlSource("a: &x [1, *x]\n", "m.yaml");
  assert.equal(parsed.diagnostics.map((d) => d.code), ["STK-YAML-005"]);
  assert.is(parsed.node, undefined);
});

test(".inf and .nan are refused", () => {
  const parsed = parseYamlSource("a: .inf\nb: .nan\n", "m.yaml");
  assert.equal(parsed.diagnostics.map((d) => [d.code, d.range?.start.line]), [["STK-YAML-009", 1], ["STK-YAML-009", 2]]);
});

test("a complex (non-scalar) key is refused with its position", () => {
  const parsed = parseYamlSource("? [a, b]\n: 1\n", "m.yaml");
  assert.equal(parsed.diagnostics.map((d) => [d.code, d.range?.start.line, d.range?.start.column]), [["STK-YAML-007", 1, 3]]);
});

test("tabs in indentation are a syntax error at the tab", () => {
  const parsed = parseYamlSource("a:\n\tb: 1\n", "m.yaml");
  assert.ok(parsed.diagnostics.length >= 1);
  assert.is(parsed.diagnostics[0]!.code, "STK-YAML-001");
  assert.is(parsed.diagnostics[0]!.range?.start.line, 2);
});

test.run();
