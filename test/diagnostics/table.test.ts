// Table-driven diagnostics: every folder under test/fixtures/diagnostics is one bad manifest
// (with its bases) whose expected findings are marked in the YAML itself (see
// test/helpers/markers.ts). The exact set of error and warning diagnostics — code, file,
// line and column — must match: nothing missing, nothing extra.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { test } from "uvu";
import * as assert from "uvu/assert";
import { compile } from "../../compiler/index.js";
import { formatExpectation, parseMarkers } from "../helpers/markers.js";
import { repoPath } from "../helpers/repo.js";

const root = repoPath("test", "fixtures", "diagnostics");
const cases = readdirSync(root).sort();

test("the table has at least 30 invalid manifests", () => {
  assert.ok(cases.length >= 30, `only ${cases.length} cases`);
});

for (const name of cases) {
  test(`diagnostics: ${name}`, async () => {
    const dir = path.join(root, name);
    const expected = readdirSync(dir)
      .filter((f) => f.endsWith(".yaml"))
      .flatMap((f) => parseMarkers(f, readFileSync(path.join(dir, f), "utf8")))
      .map(formatExpectation)
      .sort();
    assert.ok(expected.length > 0, "a case must mark at least one expected diagnostic");
    // stack.yaml, and any stack-*.yaml beside it (checks across stacks: two stacks in one network)
    const stacks = readdirSync(dir).filter((f) => /^stack(-[a-z0-9-]+)?\.yaml$/.test(f)).sort();
    const result = await compile(stacks, { cwd: dir });
    const actual = result.diagnostics
      .filter((d) => d.severity !== "info")
      .map((d) => `${d.file}:${d.range?.start.line}:${d.range?.start.column} ${d.code}`)
      .sort();
    assert.equal(actual, expected, result.diagnostics.map((d) => `${d.file}:${d.range?.start.line}:${d.range?.start.column} ${d.code} ${d.message}`).join("\n"));
  });
}

test.run();
