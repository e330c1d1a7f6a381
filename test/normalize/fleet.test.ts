// Checks across stacks compiled together, located in the stack that comes second.
import { readFileSync } from "node:fs";
import { test } from "uvu";
import * as assert from "uvu/assert";
import { compile } from "../../compiler/index.js";
import { checkFleetSummaries, type FleetSummary } from "../../compiler/normalize/fleet.js";
import { formatExpectation, parseMarkers } from "../helpers/markers.js";
import { repoPath } from "../helpers/repo.js";

test("stack name, cluster name, bucket, public zone claimed by two stacks; overlapping VPC ranges of one account", async () => {
  const dir = repoPath("test", "fixtures", "fleet");
  const expected = ["a.yaml", "b.yaml", "c.yaml", "d.yaml"].flatMap((f) => parseMarkers(f, readFileSync(`${dir}/${f}`, "utf8"))).map(formatExpectation).sort();
  const result = await compile(["a.yaml", "b.yaml", "c.yaml", "d.yaml"], { cwd: dir });
  const actual = result.diagnostics.map((d) => `${d.file}:${d.range?.start.line}:${d.range?.start.column} ${d.code}`).sort();
  assert.equal(actual, expected);
  const bucket = result.diagnostics.find((d) => d.code === "STK-FLEET-003")!;
  assert.is(bucket.related?.[0]?.file, "a.yaml");
  assert.is(bucket.stack, "b.yaml");
  const overlap = result.diagnostics.find((d) => d.code === "STK-FLEET-004")!;
  assert.is(overlap.severity, "warning");
  assert.is(overlap.message, "VPC range 10.40.128.0/17 overlaps 10.40.0.0/16 of stack gamma (c.yaml) in account 123456789012");
  assert.equal(overlap.related?.map((r) => `${r.file}:${r.range?.start.line}:${r.range?.start.column}`), ["c.yaml:15:11"]);
  assert.ok(overlap.hint);
  // every fleet finding says what to do
  for (const d of result.diagnostics.filter((x) => x.code.startsWith("STK-FLEET"))) assert.ok(d.hint, d.code);
});

const range = (name: string, account: string, cidr: string, vpc = `stack:${name}`): FleetSummary => ({
  name,
  file: `${name}.yaml`,
  claims: [],
  ranges: [{ account, vpc, cidr, pointer: "/spec/network/cidr", file: `${name}.yaml`, range: { start: { line: 1, column: 1, offset: 0 }, end: { line: 1, column: 2, offset: 1 } } }],
});

test("VPC ranges: one finding per later stack, against the earliest it overlaps; other accounts and one VPC's own ranges are fine", () => {
  const found = checkFleetSummaries([
    range("a", "1", "10.0.0.0/16"),
    range("b", "2", "10.0.0.0/16"), // another account
    range("c", "1", "10.1.0.0/16"), // adjacent, disjoint
    range("d", "1", "10.0.0.0/8"), // covers a and c: one finding, against a
    range("e", "1", "10.0.128.0/17"), // inside a and d: against a
    range("f", "1", "10.0.64.0/18", "net:shared"),
    range("g", "1", "10.0.64.0/18", "net:shared"), // f's VPC: its own subdivision — but a's range
  ]);
  assert.equal(
    found.map((d) => `${d.stack} ${d.code} ${d.related?.[0]?.file}`),
    ["d.yaml STK-FLEET-004 a.yaml", "e.yaml STK-FLEET-004 a.yaml", "f.yaml STK-FLEET-004 a.yaml", "g.yaml STK-FLEET-004 a.yaml"],
  );
  // ranges of one VPC (a shared network's) never conflict with each other
  assert.equal(checkFleetSummaries([range("f", "1", "10.0.0.0/16", "net:shared"), range("g", "1", "10.0.0.0/16", "net:shared")]), []);
});

test("the example fleet has no collisions", async () => {
  const result = await compile(["stacks"], { cwd: repoPath() });
  assert.not.ok(result.diagnostics.some((d) => d.code.startsWith("STK-FLEET")));
});

test.run();
