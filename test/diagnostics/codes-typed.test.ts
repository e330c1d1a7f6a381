// Diagnostic codes are one typed table: `diag()` takes a DiagnosticCode, the union of the
// table's codes, so an unknown code does not compile. The @ts-expect-error lines below are the
// test: if `diag` accepted any string they would be unused directives, and tsc (the first step
// of npm test) would fail.
import { test } from "uvu";
import * as assert from "uvu/assert";
import { codes, diag, type DiagnosticCode } from "../../compiler/diagnostics/codes.js";

test("an unregistered code is a compile error; a registered one compiles", () => {
  // @ts-expect-error STK-NOPE-999 is not in the table
  const unknown = () => diag("STK-NOPE-999", "never built");
  // @ts-expect-error a near miss of a real code is just as unknown
  const typo = () => diag("STK-SCHEMA-01", "never built");
  const known: DiagnosticCode = "STK-SCHEMA-001";
  assert.is(diag(known, "x").severity, "error");
  // JavaScript callers (no types) still get a clear error at run time
  assert.throws(unknown, /unregistered diagnostic code STK-NOPE-999/);
  assert.throws(typo, /unregistered diagnostic code STK-SCHEMA-01/);
});

test("every DiagnosticCode is in the runtime registry, with its severity", () => {
  const all: DiagnosticCode[] = [...codes.keys()] as DiagnosticCode[];
  assert.ok(all.length > 60);
  for (const code of all) assert.is(diag(code, "m").severity, codes.get(code)!.severity);
});

test.run();
