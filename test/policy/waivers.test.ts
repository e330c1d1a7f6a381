// Waivers: applied findings are suppressed (not removed), expired ones and unknown rule ids are
// errors at the waiver, unused ones warnings — through the real pipeline on the fixtures in
// test/fixtures/policy/waivers/, and as a pure function for the edge cases.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { test } from "uvu";
import * as assert from "uvu/assert";
import type { Diagnostic, Range } from "../../compiler/diagnostics/diagnostic.js";
import { applyWaivers, readWaivers } from "../../compiler/policy/waivers/waivers.js";
import { formatExpectation, parseMarkers } from "../helpers/markers.js";
import { repoPath } from "../helpers/repo.js";
import { checkFolder } from "./pipeline.js";

const root = repoPath("test", "fixtures", "policy", "waivers");

for (const name of readdirSync(root).sort()) {
  test(`waiver fixture ${name}: exactly the marked findings are active`, async () => {
    const dir = path.join(root, name);
    const expected = parseMarkers("stack.yaml", readFileSync(path.join(dir, "stack.yaml"), "utf8")).map(formatExpectation).sort();
    const result = await checkFolder(dir);
    const actual = result.diagnostics
      .filter((d) => !d.suppressed && d.severity !== "info")
      .map((d) => `${d.file}:${d.range?.start.line}:${d.range?.start.column} ${d.code}`)
      .sort();
    assert.equal(actual, expected);
  });
}

test("an applied waiver keeps the finding, suppressed, pointing at the waiver entry", async () => {
  const result = await checkFolder(path.join(root, "applied"));
  const waived = result.diagnostics.filter((d) => d.suppressed);
  assert.equal(
    waived.map((d) => [d.code, d.severity, d.suppressed!.justification, d.suppressed!.expires, d.suppressed!.file, d.suppressed!.range?.start.line]),
    [
      ["STK-NET-010", "warning", "The default security group is managed by the landing zone", "2026-11-21", "stack.yaml", 17],
      ["STK-NET-009", "warning", "Flow logs are collected organisation-wide by the network account", "2026-12-31", "stack.yaml", 14],
    ],
  );
  // a suppressed finding fails nothing: the gate is clean
  assert.not.ok(result.diagnostics.some((d) => !d.suppressed));
});

const r = (line: number): Range => ({ start: { line, column: 1, offset: line * 10 }, end: { line, column: 5, offset: line * 10 + 4 } });
const locate = (pointer: string) => ({ file: "s.yaml", range: r(pointer.split("/").length) });
const finding = (code: string, severity: Diagnostic["severity"] = "error"): Diagnostic => ({ code, severity, message: code, file: "s.yaml", range: r(1) });
const ctx = { today: "2026-11-21", rules: new Set(["STK-NET-009", "STK-S3-004"]), locate };

test("expiry is inclusive: the waiver applies through its last day", () => {
  const on = applyWaivers([finding("STK-NET-009")], [{ rule: "STK-NET-009", reason: "r", expires: "2026-11-21" }], ctx);
  assert.ok(on[0]!.suppressed);
  assert.is(on.length, 1);
  const off = applyWaivers([finding("STK-NET-009")], [{ rule: "STK-NET-009", reason: "r", expires: "2026-11-20" }], ctx);
  assert.is(off[0]!.suppressed, undefined);
  assert.equal(off.map((d) => d.code), ["STK-NET-009", "STK-POLICY-001"]);
  assert.is(off[1]!.severity, "error");
});

test("a waiver covers every finding of its rule and nothing else; the input is not mutated", () => {
  const input = [finding("STK-NET-009"), finding("STK-NET-009", "warning"), finding("STK-S3-004", "warning")];
  const out = applyWaivers(input, [{ rule: "STK-NET-009", reason: "r", expires: "2027-01-01" }], ctx);
  assert.equal(out.map((d) => Boolean(d.suppressed)), [true, true, false]);
  assert.ok(input.every((d) => d.suppressed === undefined));
});

test("waiver diagnostics carry the pointer of the field to change", () => {
  const out = applyWaivers(
    [],
    [
      { rule: "STK-NOPE-001", reason: "r", expires: "2027-01-01" },
      { rule: "STK-NET-009", reason: "r", expires: "2020-01-01" },
      { rule: "STK-S3-004", reason: "r", expires: "2027-01-01" },
    ],
    ctx,
  );
  assert.equal(
    out.map((d) => [d.code, d.severity, d.pointer]),
    [
      ["STK-POLICY-002", "error", "/spec/policy/waivers/0/rule"],
      ["STK-POLICY-001", "error", "/spec/policy/waivers/1/expires"],
      ["STK-POLICY-003", "warning", "/spec/policy/waivers/2"],
    ],
  );
});

test("readWaivers reads the resolved manifest and tolerates its absence", () => {
  assert.equal(readWaivers({ spec: { policy: { waivers: [{ rule: "STK-NET-009", reason: "x", expires: "2027-01-01" }] } } }), [
    { rule: "STK-NET-009", reason: "x", expires: "2027-01-01" },
  ]);
  assert.equal(readWaivers({}), []);
  assert.equal(readWaivers(null), []);
});

test.run();
