// A broken chart list or add-on key is reported where the user must change it: code, file, line
// and column, marked in each fixture under test/fixtures/helmfile/ (see test/helpers/markers.ts).
import { readFileSync } from "node:fs";
import { test } from "uvu";
import * as assert from "uvu/assert";
import { compile } from "../../compiler/index.js";
import { formatExpectation, parseMarkers } from "../helpers/markers.js";
import { fixtureDir, fixtureFile } from "./support.js";

const cases = ["chart-missing-repo", "chart-needs-cycle", "chart-needs-unknown", "addon-unknown-key"];

for (const name of cases) {
  test(`located diagnostics: ${name}`, async () => {
    const expected = parseMarkers("stack.yaml", readFileSync(fixtureFile(name), "utf8")).map(formatExpectation).sort();
    assert.ok(expected.length > 0, "a case must mark at least one expected diagnostic");
    const result = await compile(["stack.yaml"], { cwd: fixtureDir(name) });
    const actual = result.diagnostics
      .filter((d) => d.severity !== "info")
      .map((d) => `${d.file}:${d.range?.start.line}:${d.range?.start.column} ${d.code}`)
      .sort();
    assert.equal(actual, expected, result.diagnostics.map((d) => `${d.code} ${d.message}`).join("\n"));
    // an invalid stack has no model, so nothing is emitted for it
    assert.is(result.stacks[0]?.model, undefined);
  });
}

test("an unknown add-on key suggests the known one", async () => {
  const result = await compile(["stack.yaml"], { cwd: fixtureDir("addon-unknown-key") });
  const finding = result.diagnostics.find((d) => d.code === "STK-SCHEMA-001");
  assert.match(`${finding?.message} ${finding?.hint ?? ""}`, /traefik/);
});

test.run();
