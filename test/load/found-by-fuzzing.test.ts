// What the pipeline fuzzer (test/fuzz/pipeline.ts, npm run fuzz) found, each pinned down by an
// exact, shrunk case: YAML errors located past the end of the file or a line off, a StackBase notice
// with no location, and a stack that silently became the StackBase it extends.
import { test } from "uvu";
import * as assert from "uvu/assert";
import { compile } from "../../compiler/index.js";
import { parseYamlSource } from "../../compiler/load/yaml-source.js";
import { memoryProject } from "../helpers/memory-io.js";

const at = (d: { range?: { start: { line: number; column: number }; end: { line: number; column: number } } }) =>
  d.range ? `${d.range.start.line}:${d.range.start.column}-${d.range.end.line}:${d.range.end.column}` : "none";

test("an unclosed flow sequence: the error sits at the end of the file, not one past it", () => {
  const text = "[a, b\nc: 1\n";
  const { diagnostics } = parseYamlSource(text, "m.yaml");
  const unclosed = diagnostics.find((d) => d.message.includes("Flow sequence must end with a ]"));
  assert.ok(unclosed, diagnostics.map((d) => d.message).join("\n"));
  assert.is(at(unclosed), "3:1-3:1");
  assert.is(unclosed.range!.end.offset, text.length);
});

test("errors after a broken multi-line scalar are on their own lines (the parser's line counter missed a line break)", () => {
  // shrunk from a fuzzed manifest: the yaml library's LineCounter put the ":" and the "1" on line 2
  const text = " :\nd\n  e: 1\n";
  const { diagnostics } = parseYamlSource(text, "m.yaml");
  assert.equal(
    diagnostics.map((d) => `${at(d)} ${JSON.stringify(text.slice(d.range!.start.offset, d.range!.end.offset))}`),
    ['2:1-3:4 "d\\n  e"', '3:4-3:5 ":"', '3:6-3:7 "1"'],
  );
});

const BASE = "apiVersion: stackc.dev/v1alpha1\nkind: StackBase\nspec:\n  cloud: { provider: aws }\n";

test("a stack without kind is an error at its own file — not the StackBase it extends, skipped in silence", async () => {
  const io = memoryProject({ "stacks/base.yaml": BASE, "stacks/dev.yaml": "apiVersion: stackc.dev/v1alpha1\nextends: ./base.yaml\nmetadata: { name: dev, environment: dev }\n" }, "/w");
  const result = await compile(["stacks"], { cwd: "/w", io });
  const kindless = result.diagnostics.filter((d) => d.message.includes('"kind"'));
  assert.equal(kindless.map((d) => `${d.code} ${d.file} ${at(d)}`), ["STK-SCHEMA-002 stacks/dev.yaml 1:1-4:1"]);
  assert.equal(result.stacks.map((s) => s.file), ["stacks/dev.yaml"]);
});

test("a StackBase named on its own: the notice points at its kind line", async () => {
  const io = memoryProject({ "stacks/base.yaml": BASE }, "/w");
  const result = await compile(["stacks/base.yaml"], { cwd: "/w", io });
  const notice = result.diagnostics.find((d) => d.code === "STK-LOAD-005")!;
  assert.is(notice.file, "stacks/base.yaml");
  assert.is(at(notice), "2:7-2:16");
});

test.run();
