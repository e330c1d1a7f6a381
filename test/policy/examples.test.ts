// The example stacks pass the gate: no active finding at all (warnings included); what they
// deliberately break is waived, and every waiver is used.
import { test } from "uvu";
import * as assert from "uvu/assert";
import { compile } from "../../compiler/compile/compile.js";
import { repoRoot } from "../helpers/repo.js";
import { policyStage } from "./pipeline.js";

const result = await compile(["stacks"], { cwd: repoRoot, emit: true, policy: policyStage() });

test("every example stack is clean under check", () => {
  assert.is(result.stacks.length, 10, "eight stacks and two networks");
  assert.equal(
    result.diagnostics.filter((d) => !d.suppressed).map((d) => `${d.file}:${d.range?.start.line} ${d.code} ${d.message}`),
    [],
  );
});

test("dev's waivers are its deliberate deviations, each matched by a finding", () => {
  const waived = result.diagnostics.filter((d) => d.suppressed);
  assert.equal([...new Set(waived.map((d) => `${d.stack} ${d.code}`))].sort(), [
    "stacks/dev.yaml STK-BKP-001",
    "stacks/dev.yaml STK-K8S-001",
    "stacks/dev.yaml STK-NET-007",
    "stacks/dev.yaml STK-S3-001",
    "stacks/dev.yaml STK-S3-004",
  ]);
  // outside prod these deny(prod) rules only warn; waived, they fail nothing either way
  assert.ok(waived.every((d) => d.severity === "warning"));
});

test.run();
