// extends overlay semantics, on the loaded trees (positions included).
import { test } from "uvu";
import * as assert from "uvu/assert";
import { mergeNodes } from "../../compiler/load/merge.js";
import { parseYamlSource } from "../../compiler/load/yaml-source.js";
import { toValue, type SourceNode } from "../../compiler/load/source-node.js";
import { SourceMap } from "../../compiler/load/source-map.js";

const zero = { start: { line: 1, column: 1, offset: 0 }, end: { line: 1, column: 1, offset: 0 } };
const tree = (text: string, file: string): SourceNode => parseYamlSource(text, file).node!;
const merge = (base: string, overlay: string) => mergeNodes(tree(base, "base.yaml"), tree(overlay, "child.yaml"));

test("maps deep-merge; base key order first, new overlay keys after", () => {
  const merged = merge("a: {x: 1, y: 2}\nb: 1\n", "c: 3\na: {y: 20, z: 30}\n");
  assert.equal(JSON.stringify(toValue(merged)), JSON.stringify({ a: { x: 1, y: 20, z: 30 }, b: 1, c: 3 }));
});

test("null in the overlay removes an inherited key", () => {
  assert.equal(toValue(merge("a: 1\nb: {c: 2}\n", "b: null\n")), { a: 1 });
  assert.equal(toValue(merge("a: 1\nb: {c: 2}\n", "b: {c: ~}\n")), { a: 1, b: {} });
});

test("lists of named items merge by name; others are replaced", () => {
  const merged = merge(
    "groups: [{name: a, min: 1, max: 2}, {name: b, min: 0}]\nzones: [x, y]\n",
    "groups: [{name: b, min: 3}, {name: c, min: 9}]\nzones: [z]\n",
  );
  assert.equal(toValue(merged), {
    groups: [{ name: "a", min: 1, max: 2 }, { name: "b", min: 3 }, { name: "c", min: 9 }],
    zones: ["z"],
  });
});

test("a repeated name in the overlay is kept (so the duplicate can be reported), not collapsed", () => {
  const merged = merge("g: [{name: a, min: 1}]\n", "g: [{name: a, max: 2}, {name: a, max: 5}]\n");
  assert.equal(toValue(merged), { g: [{ name: "a", min: 1, max: 2 }, { name: "a", max: 5 }] });
});

test("an empty overlay list replaces the inherited list", () => {
  assert.equal(toValue(merge("g: [{name: a}]\n", "g: []\n")), { g: [] });
});

test("every merged value keeps the file and line it came from", () => {
  const merged = merge("spec:\n  network:\n    cidr: 10.0.0.0/16\n    topology: private\n", "spec:\n  network:\n    topology: public\n");
  const map = new SourceMap(merged, { file: "child.yaml", range: zero });
  assert.equal([map.locate("/spec/network/cidr").file, map.locate("/spec/network/cidr").range.start.line], ["base.yaml", 3]);
  assert.equal([map.locate("/spec/network/topology").file, map.locate("/spec/network/topology").range.start.line], ["child.yaml", 3]);
  // a merged list item: name from the overlay, other fields from the base
  const list = mergeNodes(tree("g:\n  - name: a\n    min: 1\n", "base.yaml"), tree("g:\n  - name: a\n    max: 4\n", "child.yaml"));
  const m2 = new SourceMap(list, { file: "child.yaml", range: zero });
  assert.is(m2.locate("/g/0/min").file, "base.yaml");
  assert.is(m2.locate("/g/0/max").file, "child.yaml");
});

test.run();
