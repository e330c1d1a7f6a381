// `stackc check` end to end through the CLI: a failing fixture's SARIF validates against the
// SARIF 2.1.0 schema and carries one rule per catalog id; JUnit has one test case per stack ×
// rule; GitHub annotations point at file, line and column; exit codes follow the README.
import { readFileSync } from "node:fs";
import { Ajv } from "ajv";
import { test } from "uvu";
import * as assert from "uvu/assert";
import { loadRules } from "../../compiler/policy/catalog/rules.js";
import { runCli } from "../helpers/cli.js";
import { repoPath, repoRoot, upstreamPath } from "../helpers/repo.js";

const NOW = ["--now", "2026-11-21"];
const failing = "test/fixtures/policy/STK-NET-003";
const file = `${failing}/stack.yaml`;
const rules = loadRules(repoPath("policies", "bundle"));

const schema = JSON.parse(readFileSync(upstreamPath("sarif-2.1.0.schema.json"), "utf8")) as Record<string, unknown>;
const ajv = new Ajv({ allErrors: true, strict: false });
ajv.addFormat("uri", (s: string) => URL.canParse(s));
ajv.addFormat("uri-reference", (s: string) => !/\s/.test(s) && URL.canParse(s, "https://base.invalid/root/"));
ajv.addFormat("date-time", (s: string) => /^\d{4}-\d{2}-\d{2}T/.test(s) && !Number.isNaN(Date.parse(s)));
const validate = ajv.compile(schema);

const check = (args: string[]) => runCli(["check", ...args, ...NOW], { cwd: repoRoot });

test("sarif: a failing fixture end to end validates against SARIF 2.1.0", async () => {
  const out = await check([failing, "-f", "sarif"]);
  assert.is(out.code, 1, out.stderr);
  assert.ok(validate(JSON.parse(out.stdout)), JSON.stringify(validate.errors, null, 2));
  const log: any = JSON.parse(out.stdout);
  const run = log.runs[0];
  // one rule per catalog id, each with what GitHub code scanning requires
  const ids = run.tool.driver.rules.map((r: any) => r.id);
  for (const rule of rules) {
    const r = run.tool.driver.rules.find((x: any) => x.id === rule.id);
    assert.ok(r, rule.id);
    assert.is(r.fullDescription.text, rule.description);
    assert.ok(r.help.text.startsWith(rule.remediation), rule.id);
    assert.is(r.properties["security-severity"], rule.securitySeverity);
  }
  assert.is(ids.length, rules.length, "no other codes occur in this run");
  assert.equal(
    run.results.map((r: any) => [r.ruleId, r.level, r.locations[0].physicalLocation.artifactLocation.uri, r.locations[0].physicalLocation.region.startLine, r.locations[0].physicalLocation.region.startColumn]),
    [["STK-NET-003", "error", file, 10, 28]],
  );
});

test("sarif: waived findings of the example stacks are suppressions, and the run passes", async () => {
  const out = await check(["stacks", "-f", "sarif"]);
  assert.is(out.code, 0, out.stdout);
  assert.ok(validate(JSON.parse(out.stdout)), JSON.stringify(validate.errors, null, 2));
  const log: any = JSON.parse(out.stdout);
  const results = log.runs[0].results as any[];
  assert.is(results.length, 5);
  assert.ok(results.every((r) => r.suppressions?.[0]?.kind === "external" && r.suppressions[0].justification.length > 10));
});

test("junit: one test case per stack × catalog rule, the broken rule failing", async () => {
  const out = await check([failing, "-f", "junit"]);
  assert.is(out.code, 1);
  const cases = [...out.stdout.matchAll(/<testcase name="(STK-[A-Z0-9]+-\d{3}): [^"]*" classname="fx-net-003"/g)].map((m) => m[1]);
  assert.equal(cases.sort(), rules.map((r) => r.id).sort());
  assert.match(out.stdout, new RegExp(`<testsuites name="stackc" tests="${rules.length}" failures="1" errors="0" skipped="0">`));
  assert.match(out.stdout, /<failure message="spec\.cluster\.api\.access\[1\] is 0\.0\.0\.0\/0[^"]*" type="STK-NET-003">/);
});

test("github: an ::error annotation at file, line and column", async () => {
  const out = await check([failing, "-f", "github"]);
  assert.is(out.code, 1);
  assert.match(out.stdout, new RegExp(`^::error file=${file.replace(/\//g, "\\/")},line=10,col=28,endLine=10,endColumn=36,title=STK-NET-003::spec.cluster.api.access\\[1\\] is 0\\.0\\.0\\.0/0`));
});

test("exit codes: 0 clean, 1 findings (warnings only with --fail-on warn), 2 usage", async () => {
  assert.is((await check(["test/fixtures/policy/clean"])).code, 0);
  const warnOnly = "test/fixtures/policy/STK-NET-009";
  assert.is((await check([warnOnly])).code, 0);
  assert.is((await check([warnOnly, "--fail-on", "warn"])).code, 1);
  assert.is((await check(["test/fixtures/policy/does-not-exist"])).code, 2);
  const badNow = await runCli(["check", "stacks", "--now", "next tuesday"], { cwd: repoRoot });
  assert.is(badNow.code, 2);
  assert.match(badNow.stderr, /--now "next tuesday" is neither an RFC 3339 time/);
  assert.is((await check([failing, "-f", "xml"])).code, 2);
});

test("--now decides expiry: the same waiver applies on its last day and fails the day after", async () => {
  const fixture = "test/fixtures/policy/waivers/expired";
  const before = await runCli(["check", fixture, "--now", "2026-11-20T23:59:59Z", "-f", "json"], { cwd: repoRoot });
  assert.is(before.code, 0, before.stdout);
  const after = await runCli(["check", fixture, "--now", "2026-11-21", "-f", "json"], { cwd: repoRoot });
  assert.is(after.code, 1);
  assert.ok((JSON.parse(after.stdout) as { diagnostics: { code: string }[] }).diagnostics.some((d) => d.code === "STK-POLICY-001"));
});

test.run();
