// Layers that only point down: the import graph of compiler/ has no cycle, between files and
// between layers (each folder directly under compiler/ is a layer, each of policy/'s folders
// too, and each top-level file its own). Read with the TypeScript compiler API.
import { test } from "uvu";
import * as assert from "uvu/assert";
import { compilerImports, cycles, resolveLocal } from "../helpers/import-graph.js";

function fileGraph(): Map<string, string[]> {
  const modules = compilerImports();
  const known = new Set(modules.map((m) => m.file));
  const graph = new Map<string, string[]>();
  for (const m of modules) {
    const targets = m.specifiers.map((s) => resolveLocal(m.file, s)).filter((t): t is string => t !== undefined && known.has(t));
    graph.set(m.file, [...new Set(targets)]);
  }
  return graph;
}

/** compiler/load/load.ts → "load"; compiler/policy/engine/x.ts → "policy/engine"; compiler/index.ts → "index.ts". */
function layer(file: string): string {
  const parts = file.split("/").slice(1);
  if (parts.length === 1) return parts[0]!;
  if (parts[0] === "policy" && parts.length > 2) return `policy/${parts[1]}`;
  return parts[0]!;
}

function layerGraph(files: ReadonlyMap<string, readonly string[]>): Map<string, string[]> {
  const graph = new Map<string, Set<string>>();
  for (const [from, targets] of files) {
    const a = layer(from);
    if (!graph.has(a)) graph.set(a, new Set());
    for (const t of targets) if (layer(t) !== a) graph.get(a)!.add(layer(t));
  }
  return new Map([...graph].map(([k, v]) => [k, [...v].sort()]));
}

test("no file of compiler/ imports itself through a chain of imports", () => {
  const graph = fileGraph();
  assert.ok(graph.size > 150);
  assert.equal(cycles(graph), []);
});

test("layers point down only: no cycle between compiler/'s folders", () => {
  assert.equal(cycles(layerGraph(fileGraph())), []);
});

test("the leaf layers import no other layer of stackc", () => {
  const layers = layerGraph(fileGraph());
  assert.equal(layers.get("diagnostics"), []);
  assert.equal(layers.get("io"), []);
  assert.equal(layers.get("version.ts") ?? [], []);
  // the model knows the add-on catalog's types and nothing else
  assert.equal(layers.get("model"), ["catalog"]);
});

test("the CLI sits on the library: no library layer imports cli/, and commands never import each other", () => {
  const graph = fileGraph();
  const intoCli = [...graph].filter(([f, ts]) => !f.startsWith("compiler/cli/") && ts.some((t) => t.startsWith("compiler/cli/")));
  assert.equal(intoCli.map(([f]) => f), []);
  const commandImports = [...graph]
    .filter(([f]) => f.startsWith("compiler/cli/commands/"))
    .flatMap(([f, ts]) => ts.filter((t) => t.startsWith("compiler/cli/commands/") || t === "compiler/cli/main.ts").map((t) => `${f} → ${t}`));
  assert.equal(commandImports, []);
});

test("the cycle finder reports a planted cycle and a self-import", () => {
  const planted = new Map([
    ["a", ["b"]],
    ["b", ["c"]],
    ["c", ["a", "d"]],
    ["d", []],
    ["e", ["e"]],
  ]);
  assert.equal(cycles(planted), [["a", "b", "c"], ["e"]]);
  assert.equal(layer("compiler/policy/engine/bundle.ts"), "policy/engine");
  assert.equal(layer("compiler/policy/stage.ts"), "policy");
  assert.equal(layer("compiler/index.ts"), "index.ts");
});

test.run();
