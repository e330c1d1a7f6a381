// SARIF 2.1.0: valid against the official schema, what GitHub code scanning needs, stable bytes.
import { readFileSync } from "node:fs";
import { Ajv } from "ajv";
import { test } from "uvu";
import * as assert from "uvu/assert";
import { codes } from "../../compiler/diagnostics/codes.js";
import { artifactLocation, formatSarif } from "../../compiler/report/sarif.js";
import { upstreamPath } from "../helpers/repo.js";
import { diagnostics, reportInput, rules } from "./fixture.js";
import { assertGolden } from "./golden.js";

// The schema file declares draft-07 ("$schema": "http://json-schema.org/draft-07/schema#"), so
// the default Ajv class (draft-07), not ajv/dist/2020.
const schema = JSON.parse(readFileSync(upstreamPath("sarif-2.1.0.schema.json"), "utf8")) as Record<string, unknown>;
assert.is(schema.$schema, "http://json-schema.org/draft-07/schema#");
const ajv = new Ajv({ allErrors: true, strict: false });
ajv.addFormat("uri", (s: string) => {
  try {
    new URL(s);
    return true;
  } catch {
    return false;
  }
});
ajv.addFormat("uri-reference", (s: string) => !/\s/.test(s) && URL.canParse(s, "https://base.invalid/root/"));
ajv.addFormat("date-time", (s: string) => /^\d{4}-\d{2}-\d{2}T/.test(s) && !Number.isNaN(Date.parse(s)));
const validate = ajv.compile(schema);

interface Log {
  $schema: string;
  version: string;
  runs: {
    tool: { driver: { name: string; rules: Record<string, any>[] } };
    results: Record<string, any>[];
  }[];
}
const parse = (s: string) => JSON.parse(s) as Log;

test("valid against the SARIF 2.1.0 schema", () => {
  const out = formatSarif(reportInput());
  assert.ok(validate(JSON.parse(out)), JSON.stringify(validate.errors, null, 2));
  assert.ok(validate(JSON.parse(formatSarif(reportInput({ diagnostics: [] })))), "an empty run is valid too");
});

test("the validator is not a rubber stamp", () => {
  const log = parse(formatSarif(reportInput()));
  (log.runs[0]!.results[0] as Record<string, unknown>).level = "fatal";
  assert.not.ok(validate(log));
  const noUri = parse(formatSarif(reportInput()));
  noUri.runs[0]!.results[0]!.locations[0].physicalLocation.artifactLocation.uri = "has space";
  assert.not.ok(validate(noUri));
});

test("golden", () => {
  assertGolden("report.sarif.json", formatSarif(reportInput()));
});

test("same bytes whatever the input order", () => {
  const shuffled = [...diagnostics].reverse();
  assert.is(formatSarif(reportInput({ diagnostics: shuffled, rules: [...rules].reverse() })), formatSarif(reportInput()));
});

test("rules: every catalog rule, plus one per other code, with what GitHub requires", () => {
  const driver = parse(formatSarif(reportInput())).runs[0]!.tool.driver;
  assert.equal(
    driver.rules.map((r) => r.id),
    ["STK-HELM-001", "STK-IO-003", "STK-LOAD-005", "STK-NET-003", "STK-NET-009", "STK-SCHEMA-001", "STK-ZZZ-001"],
  );
  for (const r of driver.rules) {
    assert.ok(r.shortDescription.text && r.fullDescription.text && r.help.text && r.help.markdown, r.id);
    assert.ok(["error", "warning", "note"].includes(r.defaultConfiguration.level), r.id);
    assert.is(r.properties.precision, "very-high");
  }
  const byId = new Map(driver.rules.map((r) => [r.id, r]));
  assert.is(byId.get("STK-NET-003")!.properties["security-severity"], "9.0");
  assert.is(byId.get("STK-HELM-001")!.properties["security-severity"], undefined);
  assert.is(byId.get("STK-NET-009")!.defaultConfiguration.level, "warning");
  // described by the code registry when it knows the code
  assert.is(byId.get("STK-SCHEMA-001")!.shortDescription.text, codes.get("STK-SCHEMA-001")!.title);
  assert.is(byId.get("STK-LOAD-005")!.defaultConfiguration.level, "note");
  // and by the code alone otherwise
  assert.is(byId.get("STK-ZZZ-001")!.shortDescription.text, "STK-ZZZ-001");
  assert.is(byId.get("STK-ZZZ-001")!.defaultConfiguration.level, "warning");
});

test("results: sorted by (ruleId, uri, line), ruleIndex right, relative URIs under %SRCROOT%", () => {
  const run = parse(formatSarif(reportInput())).runs[0]!;
  const keys = run.results.map((r) => [r.ruleId, r.locations?.[0].physicalLocation.artifactLocation.uri ?? "", r.locations?.[0].physicalLocation.region.startLine ?? 0]);
  assert.equal(keys, [...keys].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : a[1] < b[1] ? -1 : a[1] > b[1] ? 1 : a[2] - b[2])));
  for (const r of run.results) {
    assert.is(run.tool.driver.rules[r.ruleIndex]!.id, r.ruleId);
    for (const loc of r.locations ?? []) {
      assert.is(loc.physicalLocation.artifactLocation.uriBaseId, "%SRCROOT%");
      assert.not.ok(loc.physicalLocation.artifactLocation.uri.startsWith("/"));
    }
  }
  const net = run.results.find((r) => r.ruleId === "STK-NET-003")!;
  assert.equal(net.locations[0].physicalLocation.region, { startLine: 14, startColumn: 29, endLine: 14, endColumn: 40 });
  assert.is(net.level, "error");
  assert.equal(net.properties, { stack: "stacks/prod-eu-west-1.yaml", pointer: "/spec/cluster/api/access/1" });
  const weird = run.results.find((r) => r.ruleId === "STK-ZZZ-001")!;
  assert.is(weird.locations[0].physicalLocation.artifactLocation.uri, "stacks/we%2Cird%3Aname%20%231.yaml");
});

test("a waived finding stays, as an external suppression with its justification", () => {
  const results = parse(formatSarif(reportInput())).runs[0]!.results;
  const waived = results.filter((r) => r.suppressions);
  assert.is(waived.length, 1);
  assert.equal(waived[0]!.suppressions, [
    {
      kind: "external",
      status: "accepted",
      justification: "org-level flow logs",
      location: { physicalLocation: { artifactLocation: { uri: "stacks/dev.yaml", uriBaseId: "%SRCROOT%" }, region: { startLine: 30, startColumn: 9 } } },
      properties: { expires: "2027-03-01" },
    },
  ]);
});

test("messages are sentences; a per-finding hint is appended, the rule's own help is not repeated", () => {
  const results = parse(formatSarif(reportInput())).runs[0]!.results;
  assert.is(results.find((r) => r.ruleId === "STK-SCHEMA-001")!.message.text, 'Unknown property "regoin" in spec.cloud. Did you mean "region"?');
  assert.is(
    results.find((r) => r.ruleId === "STK-NET-003")!.message.text,
    "spec.cluster.api.access[1] is 0.0.0.0/0, which opens the Kubernetes API to every IPv4 address.",
  );
});

test("no file: no location; a file without a range: line 1", () => {
  const results = parse(formatSarif(reportInput())).runs[0]!.results;
  assert.is(results.find((r) => r.ruleId === "STK-IO-003")!.locations, undefined);
  assert.equal(results.find((r) => r.ruleId === "STK-LOAD-005")!.locations[0].physicalLocation.region, { startLine: 1 });
});

test("artifact locations: ./ stripped, backslashes, absolute paths as file URIs", () => {
  assert.equal(artifactLocation("./stacks/a.yaml"), { uri: "stacks/a.yaml", uriBaseId: "%SRCROOT%" });
  assert.equal(artifactLocation("stacks\\b c.yaml"), { uri: "stacks/b%20c.yaml", uriBaseId: "%SRCROOT%" });
  assert.equal(artifactLocation("/abs/dir/ä.yaml"), { uri: "file:///abs/dir/%C3%A4.yaml" });
  assert.equal(artifactLocation("C:\\work\\s.yaml"), { uri: "file:///C:/work/s.yaml" });
});

test("one result per diagnostic, the same base-file finding once per stack", () => {
  const results = parse(formatSarif(reportInput())).runs[0]!.results;
  assert.is(results.length, diagnostics.length);
  assert.equal(
    results.filter((r) => r.ruleId === "STK-HELM-001").map((r) => r.properties.stack),
    ["stacks/dev.yaml", "stacks/prod-eu-west-1.yaml"],
  );
});

test.run();
