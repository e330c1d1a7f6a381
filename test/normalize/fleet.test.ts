// Checks across stacks compiled together, located in the stack that comes second.
import { readFileSync } from "node:fs";
import { test } from "uvu";
import * as assert from "uvu/assert";
import { compile } from "../../compiler/index.js";
import { formatExpectation, parseMarkers } from "../helpers/markers.js";
import { repoPath } from "../helpers/repo.js";

test("stack name, cluster name and a bucket claimed by two stacks", async () => {
  const dir = repoPath("test", "fixtures", "fleet");
  const expected = ["a.yaml", "b.yaml"].flatMap((f) => parseMarkers(f, readFileSync(`${dir}/${f}`, "utf8"))).map(formatExpectation).sort();
  const result = await compile(["a.yaml", "b.yaml"], { cwd: dir });
  const actual = result.diagnostics.map((d) => `${d.file}:${d.range?.start.line}:${d.range?.start.column} ${d.code}`).sort();
  assert.equal(actual, expected);
  const bucket = result.diagnostics.find((d) => d.code === "STK-FLEET-003")!;
  assert.is(bucket.related?.[0]?.file, "a.yaml");
  assert.is(bucket.stack, "b.yaml");
});

test("the example fleet has no collisions", async () => {
  const result = await compile(["stacks"], { cwd: repoPath() });
  assert.not.ok(result.diagnostics.some((d) => d.code.startsWith("STK-FLEET")));
});

test.run();
