// load + discover through an in-memory file system: extends chains, paths, StackBase handling.
import { test } from "uvu";
import * as assert from "uvu/assert";
import path from "node:path";
import { compile, createLoadSession, loadManifest } from "../../compiler/index.js";
import { memoryProject as memoryFs } from "../helpers/memory-io.js";

test("a three-level extends chain merges in order and lists every file", async () => {
  const io = memoryFs({
    "stacks/a.yaml": "kind: Stack\nextends: ./b/base.yaml\nx: 1\n",
    "stacks/b/base.yaml": "kind: StackBase\nextends: ../../shared/root.yaml\ny: 2\n",
    "shared/root.yaml": "kind: StackBase\nx: 0\nz: 3\n",
  });
  const loaded = await loadManifest(createLoadSession("/w", io), "stacks/a.yaml");
  assert.equal(loaded.diagnostics, []);
  assert.equal(loaded.files, ["stacks/a.yaml", "stacks/b/base.yaml", "shared/root.yaml"]);
  assert.equal(loaded.value, { kind: "Stack", x: 1, z: 3, y: 2 });
  assert.is(loaded.sourceMap!.locate("/z").file, "shared/root.yaml");
});

test("directories are scanned recursively in sorted order; StackBase files are skipped silently", async () => {
  const stack = (name: string) => `apiVersion: stackc.dev/v1alpha1\nkind: Stack\nmetadata: {name: ${name}, environment: dev}\n`;
  const io = memoryFs({
    "s/b.yaml": stack("b"),
    "s/a.yml": stack("a"),
    "s/nested/c.yaml": stack("c"),
    "s/base.yaml": "kind: StackBase\n",
    "s/.hidden/x.yaml": stack("x"),
    "s/notes.txt": "not yaml",
  });
  const result = await compile(["s"], { cwd: "/w", io });
  assert.equal(result.stacks.map((s) => s.file), ["s/a.yml", "s/b.yaml", "s/nested/c.yaml"]);
  assert.not.ok(result.diagnostics.some((d) => d.code === "STK-LOAD-005"));
});

test("a StackBase named explicitly is reported (info) and a run of only bases is a usage error", async () => {
  const io = memoryFs({ "base.yaml": "kind: StackBase\n" });
  const result = await compile(["base.yaml"], { cwd: "/w", io });
  assert.equal(result.diagnostics.map((d) => [d.code, d.severity]), [["STK-IO-002", "error"], ["STK-LOAD-005", "info"]]);
  assert.ok(result.usageError);
});

test("a path that does not exist is a usage error, and the other paths are still checked", async () => {
  const io = memoryFs({ "ok.yaml": "kind: Stack\n" });
  const result = await compile(["missing.yaml", "ok.yaml"], { cwd: "/w", io });
  assert.ok(result.usageError);
  assert.ok(result.diagnostics.some((d) => d.code === "STK-IO-001" && d.message.startsWith("missing.yaml")));
  assert.equal(result.stacks.map((s) => s.file), ["ok.yaml"]);
});

test("a base extended by two stacks is read once and its errors are reported once", async () => {
  let reads = 0;
  const io = memoryFs({
    "a.yaml": "kind: Stack\nextends: ./base.yaml\n",
    "b.yaml": "kind: Stack\nextends: ./base.yaml\n",
    "base.yaml": "kind: StackBase\nx: [1, 2\n",
  });
  // manifests are read with readInput (bounded, regular files only) when the Io has it
  const counting = { ...io, readInput: (p: string, max: number) => (reads++, io.readInput!(p, max)) };
  const result = await compile(["a.yaml", "b.yaml"], { cwd: "/w", io: counting });
  assert.is(reads, 3);
  assert.is(result.diagnostics.filter((d) => d.file === "base.yaml").length, 1);
});

test.run();
