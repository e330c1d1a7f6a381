// Every catalog rule's table (rule-tables.ts) through the RuleTester (rule-tester.ts): passing
// and failing cases with exact data, locations and severities; each finding's message checked
// against the rule's formatter. And the tester itself fails where it should.
import { test } from "uvu";
import * as assert from "uvu/assert";
import type { Diagnostic } from "../../compiler/diagnostics/diagnostic.js";
import { loadRules } from "../../compiler/policy/catalog/rules.js";
import { bundleDir } from "./pipeline.js";
import { ruleTables } from "./rule-tables.js";
import { messageProblems, ruleTester } from "./rule-tester.js";

test("every catalog rule has a table, and every table names a catalog rule", () => {
  assert.equal(Object.keys(ruleTables).sort(), loadRules(bundleDir).map((r) => r.id).sort());
});

test("the message check fails on an unknown message key, unfilled placeholders and a wrong wording", () => {
  const finding = (code: string, data: Record<string, unknown>, message: string): Diagnostic => ({ code, severity: "error", message, data });
  // a rule without a formatter
  assert.equal(messageProblems("STK-NOPE-001", finding("STK-NOPE-001", {}, "x")), ["STK-NOPE-001: no message formatter (unknown message key)"]);
  // a reason-selected wording whose placeholder has no data: the fallback shows
  const helm = { reason: "range", release: "app", source: "charts" };
  assert.ok(messageProblems("STK-HELM-001", finding("STK-HELM-001", helm, "x")).some((p) => p.includes("unfilled placeholder")));
  // STK-NET-003's message reads cidr; without it the placeholder stays unfilled
  assert.ok(messageProblems("STK-NET-003", finding("STK-NET-003", { family: "ipv4" }, "x")).some((p) => p.includes("cidr, which the finding's data lacks (unfilled placeholder)")));
  // with its data, only the formatter's exact wording passes
  const good = { cidr: "0.0.0.0/0", family: "ipv4" };
  assert.equal(messageProblems("STK-NET-003", finding("STK-NET-003", good, "some other wording")).length, 1);
});

for (const [rule, cases] of Object.entries(ruleTables)) ruleTester(rule, cases);

test.run();
