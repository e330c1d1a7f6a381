// One failing fixture per catalog rule (test/fixtures/policy/<rule-id>/), run through the real
// pipeline (compile + emit + the policy stage, now = 2026-11-21). Expected findings are marked
// in the YAML (test/helpers/markers.ts); the exact set of unsuppressed errors and warnings —
// code, file, line, column — must match, and the rule's severity is stated in the fixture
// (`# severity: <rule> error|warning`), so deny(prod) and warn rules are asserted too.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { test } from "uvu";
import * as assert from "uvu/assert";
import { loadRules } from "../../compiler/policy/catalog/rules.js";
import { policyHints, policyMessages } from "../../compiler/policy/catalog/messages.js";
import { formatExpectation, parseMarkers } from "../helpers/markers.js";
import { repoPath } from "../helpers/repo.js";
import { bundleDir, checkFolder } from "./pipeline.js";

const root = repoPath("test", "fixtures", "policy");
const rules = loadRules(bundleDir);
// `<rule id>` or `<rule id>+<case>`: a rule with findings of several kinds has a folder for each
const ruleFolders = readdirSync(root).filter((f) => /^STK-/.test(f)).sort();
const ruleOf = (folder: string) => folder.split("+")[0]!;

test("every catalog rule has a fixture folder, and every folder names a rule", () => {
  assert.equal([...new Set(ruleFolders.map(ruleOf))], rules.map((r) => r.id).sort());
  assert.is(rules.length, 41);
});

test("the clean base passes every rule, warnings included", async () => {
  const result = await checkFolder(path.join(root, "clean"));
  assert.equal(
    result.diagnostics.map((d) => `${d.code} ${d.message}`),
    [],
  );
  assert.ok(result.stacks[0]?.artifacts?.terraform && result.stacks[0]?.artifacts?.kops && result.stacks[0]?.artifacts?.helmfile, "all artifacts present");
});

for (const folder of ruleFolders) {
  const rule = ruleOf(folder);
  test(`fixture ${folder}`, async () => {
    const dir = path.join(root, folder);
    const text = readFileSync(path.join(dir, "stack.yaml"), "utf8");
    const expected = parseMarkers("stack.yaml", text)
      .map((e) => formatExpectation({ ...e, file: `stack.yaml` }))
      .sort();
    assert.ok(expected.some((e) => e.endsWith(` ${rule}`)), "the fixture must mark its own rule");
    const severity = new RegExp(`^# severity: ${rule} (error|warning)$`, "m").exec(text)?.[1];
    assert.ok(severity, "the fixture must state its rule's severity");

    const result = await checkFolder(dir);
    const active = result.diagnostics.filter((d) => !d.suppressed && d.severity !== "info");
    const actual = active.map((d) => `${d.file}:${d.range?.start.line}:${d.range?.start.column} ${d.code}`).sort();
    assert.equal(actual, expected, active.map((d) => `${d.file}:${d.range?.start.line}:${d.range?.start.column} ${d.code} ${d.message}`).join("\n"));

    const own = active.filter((d) => d.code === rule);
    for (const d of own) {
      assert.is(d.severity, severity, `${rule} severity`);
      // worded by the rule's own formatter, with the catalog's hint and docs link
      assert.ok(policyMessages[rule], `${rule} has a message formatter`);
      assert.not.match(d.message, /\?|undefined|\[object Object\]/, d.message);
      const meta = rules.find((r) => r.id === rule)!;
      // the finding's own hint where the rule words one (the range meant, the real zones), else the remediation
      const own = policyHints[rule]?.(d.data ?? {});
      assert.is(d.hint, own ?? meta.remediation);
      if (policyHints[rule]) assert.ok(own !== undefined && own !== meta.remediation, `${rule}: a finding-specific hint`);
      assert.is(d.docs, meta.relatedResources[0]?.ref);
      assert.is(d.stack, "stack.yaml");
    }
  });
}

test.run();
