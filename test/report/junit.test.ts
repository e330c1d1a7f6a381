// JUnit XML: one suite per stack, one case per stack × rule (passing rules included), failures
// with file:line:col, and escaping that keeps the XML well-formed whatever the messages hold.
import { test } from "uvu";
import * as assert from "uvu/assert";
import { attribute, formatJunit, text } from "../../compiler/report/junit.js";
import { reportInput } from "./fixture.js";
import { assertGolden } from "./golden.js";

const xml = formatJunit(reportInput());

test("golden", () => {
  assertGolden("report.junit.xml", xml);
});

test("same bytes whatever the input order", () => {
  const input = reportInput();
  assert.is(formatJunit({ ...input, diagnostics: [...input.diagnostics].reverse(), rules: [...input.rules].reverse() }), xml);
});

function suite(name: string): string {
  const m = new RegExp(`<testsuite name="${name}"[^>]*>[\\s\\S]*?</testsuite>`).exec(xml);
  assert.ok(m, `suite ${name}`);
  return m![0];
}

test("a suite per stack with a case per catalog rule, passing ones included", () => {
  const prod = suite("prod-eu-west-1");
  assert.match(prod, '<testsuite name="prod-eu-west-1" tests="3" failures="2" errors="0" skipped="0">');
  // STK-NET-009 has no finding in prod: a passed (empty) test case
  assert.match(prod, '<testcase name="STK-NET-009: VPC flow logs should be enabled" classname="prod-eu-west-1" file="stacks/prod-eu-west-1.yaml"/>');
  assert.match(prod, '<failure message="spec.cluster.api.access[1] is 0.0.0.0/0');
  assert.match(prod, "stacks/prod-eu-west-1.yaml:14:29: error STK-NET-003: spec.cluster.api.access[1]");
});

test("codes outside the catalog appear where they occur; a waived-only rule is skipped", () => {
  const dev = suite("dev");
  assert.match(dev, '<testsuite name="dev" tests="4" failures="2" errors="0" skipped="1">');
  assert.match(dev, 'name="STK-SCHEMA-001: Unknown property"');
  assert.not.match(suite("prod-eu-west-1"), "STK-SCHEMA-001");
  assert.match(dev, '<skipped message="waived: org-level flow logs"/>');
  assert.match(dev, "stacks/dev.yaml:9:3: warning STK-NET-009: VPC flow logs are disabled (waived: org-level flow logs)");
});

test("a finding from a base file is reported in each stack that inherits it, at the base's position", () => {
  for (const name of ["prod-eu-west-1", "dev"]) {
    assert.match(suite(name), "stacks/base.yaml:40:16: error STK-HELM-001:");
  }
});

test("stacks only the diagnostics name, and global diagnostics, get suites of their own", () => {
  assert.match(xml, '<testsuite name="stacks/we,ird:name #1.yaml" tests="4" failures="0" errors="0" skipped="0">');
  const global = suite("stackc");
  assert.match(global, '<testsuite name="stackc" tests="2" failures="1" errors="0" skipped="0">');
  // not a stack: no catalog rules passing "for" it, only the codes that occurred
  assert.not.match(global, "STK-NET-003");
  assert.match(global, 'name="STK-IO-003: Cannot write output"');
  assert.match(global, '<failure message="Cannot write out/: permission denied" type="STK-IO-003">error STK-IO-003: Cannot write out/: permission denied');
});

test("totals add up", () => {
  assert.match(xml, '<testsuites name="stackc" tests="13" failures="5" errors="0" skipped="1">');
  const count = (re: RegExp) => (xml.match(re) ?? []).length;
  assert.is(count(/<testcase /g), 13);
  assert.is(count(/<failure /g), 5);
  assert.is(count(/<skipped /g), 1);
});

test("warnings do not fail a test case; they go to system-out", () => {
  const weird = /<testsuite name="stacks\/we,ird:name #1.yaml"[\s\S]*?<\/testsuite>/.exec(xml)![0];
  assert.not.match(weird, "<failure");
  assert.match(weird, "<system-out>stacks/we,ird:name #1.yaml:2:1: warning STK-ZZZ-001: Odd &lt;value&gt; &amp; \"quotes\" 'here' 100% done&#13;\nsecond line \uFFFD end\n</system-out>");
});

test("text escaping: markup characters, CR, and characters XML 1.0 cannot carry", () => {
  assert.is(text(`<a href="x">&'</a>`), `&lt;a href="x"&gt;&amp;'&lt;/a&gt;`);
  assert.is(text("a\r\nb\tc"), "a&#13;\nb\tc");
  assert.is(text("\u0000\u0001\u0008\u000B\u000C\u001F\uFFFE\uFFFF"), "\uFFFD".repeat(8));
  assert.is(text("]]>"), "]]&gt;");
  // a lone surrogate is replaced; a proper pair (an emoji) is kept
  assert.is(text("x\uD800y\uDC00z😀"), "x\uFFFDy\uFFFDz😀");
  assert.is(text("ü € \u0085 \u00A0"), "ü € \u0085 \u00A0");
});

test("attribute escaping: quotes, and whitespace that attribute normalisation would eat", () => {
  assert.is(attribute(`<&>"'`), "&lt;&amp;&gt;&quot;&apos;");
  assert.is(attribute("a\tb\nc\r\nd"), "a&#9;b&#10;c&#13;&#10;d");
  assert.is(attribute("\u0007bell"), "\uFFFDbell");
});

test("the whole report carries no character XML 1.0 forbids and no unescaped markup in text", () => {
  assert.not.match(xml, /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/);
  assert.not.match(xml, /\r/);
  // every & starts an entity or character reference
  assert.not.match(xml, /&(?!(amp|lt|gt|quot|apos|#\d+);)/);
});

test("an empty run lists every catalog rule as passed for every stack", () => {
  const clean = formatJunit(reportInput({ diagnostics: [] }));
  assert.match(clean, '<testsuites name="stackc" tests="6" failures="0" errors="0" skipped="0">');
  assert.not.match(clean, "<failure");
});

test.run();
