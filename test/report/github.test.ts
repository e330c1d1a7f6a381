// GitHub workflow commands: one annotation per active finding, errors first, with the runner's
// escaping rules for data and properties.
import { test } from "uvu";
import * as assert from "uvu/assert";
import type { Diagnostic } from "../../compiler/diagnostics/diagnostic.js";
import { escapeData, escapeProperty, formatGithub } from "../../compiler/report/github.js";
import { range, reportInput } from "./fixture.js";
import { assertGolden } from "./golden.js";

const out = formatGithub(reportInput());

test("golden", () => {
  assertGolden("report.github.txt", out);
});

test("one line per active finding, errors first, waived ones and duplicates left out", () => {
  const lines = out.split("\n").filter(Boolean);
  const kinds = lines.map((l) => /^::(\w+) /.exec(l)![1]);
  assert.equal(kinds, ["error", "error", "error", "error", "warning", "notice"]);
  // the base file's finding, seen through both stacks, is one annotation
  assert.is(lines.filter((l) => l.includes("title=STK-HELM-001")).length, 1);
  assert.not.match(out, "STK-NET-009");
  assert.ok(out.endsWith("\n"));
});

test("the location properties, in GitHub's order", () => {
  assert.match(
    out,
    "::error file=stacks/prod-eu-west-1.yaml,line=14,col=29,endLine=14,endColumn=39,title=STK-NET-003::spec.cluster.api.access[1] is 0.0.0.0/0",
  );
  assert.match(out, "::notice file=stacks/base.yaml,title=STK-LOAD-005::");
  assert.match(out, "::error title=STK-IO-003::Cannot write out/%3A permission denied".replace("%3A", ":"));
});

test("data escapes %, CR and LF; properties also : and ,", () => {
  assert.is(escapeData("100% a\r\nb: c, d"), "100%25 a%0D%0Ab: c, d");
  assert.is(escapeProperty("we,ird:name %1.yaml"), "we%2Cird%3Aname %251.yaml");
  assert.match(
    out,
    "::warning file=stacks/we%2Cird%3Aname #1.yaml,line=2,col=1,endLine=2,endColumn=4,title=STK-ZZZ-001::Odd <value> & \"quotes\" 'here' 100%25 done%0D%0Asecond line \\u0001 end\n",
  );
  // nothing can break out of its line
  for (const line of out.split("\n").filter(Boolean)) assert.ok(line.startsWith("::"), line);
});

test("the hint follows the message on its own line", () => {
  assert.match(out, 'title=STK-SCHEMA-001::Unknown property "regoin" in spec.cloud%0ADid you mean "region"?\n');
});

test("ranges over several lines give lines only; a range ending at column 1 ends on the line before", () => {
  const d = (r: Diagnostic["range"]): Diagnostic => ({ code: "STK-X-001", severity: "warning", message: "m", file: "a.yaml", ...(r ? { range: r } : {}) });
  const fmt = (r: Diagnostic["range"]) => formatGithub(reportInput({ diagnostics: [d(r)] }));
  assert.is(fmt(range(3, 5, 6, 2)), "::warning file=a.yaml,line=3,endLine=6,title=STK-X-001::m\n");
  assert.is(fmt(range(3, 5, 4, 1)), "::warning file=a.yaml,line=3,title=STK-X-001::m\n");
  assert.is(fmt(range(3, 5, 3, 5)), "::warning file=a.yaml,line=3,col=5,endLine=3,endColumn=5,title=STK-X-001::m\n");
  assert.is(fmt(undefined), "::warning file=a.yaml,title=STK-X-001::m\n");
});

test("nothing to report, nothing printed", () => {
  assert.is(formatGithub(reportInput({ diagnostics: [] })), "");
});

test.run();
