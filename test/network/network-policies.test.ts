// Policies see the network: a kind: Network manifest is judged by the network rules, at its
// own lines; a prod stack in a network without a NAT gateway per zone is denied as a stack with
// its own VPC is, at its spec.network.use; and retiring a stack is a removal plan and build
// handle safely (plan lists the teardown, build keeps the folder with a warning).
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { test } from "uvu";
import * as assert from "uvu/assert";
import { build, check, compile, plan } from "../../compiler/index.js";
import { createPolicyStage } from "../../compiler/policy/stage.js";
import { repoPath } from "../helpers/repo.js";

const NOW = new Date("2026-12-01T00:00:00Z");

function copyRepo(): string {
  const dir = mkdtempSync(path.join(tmpdir(), "stackc-net-policy-"));
  cpSync(repoPath("stacks"), path.join(dir, "stacks"), { recursive: true });
  cpSync(repoPath("out"), path.join(dir, "out"), { recursive: true });
  return dir;
}

const at = (d: { code: string; severity: string; file?: string; range?: { start: { line: number; column: number } } }) =>
  `${d.severity} ${d.code} ${d.file}:${d.range?.start.line}:${d.range?.start.column}`;

test("a prod network with one NAT gateway and no flow logs: the network rules speak at the network's lines and at each stack's use", async () => {
  const dir = copyRepo();
  try {
    const file = path.join(dir, "stacks", "shared", "network.yaml");
    const text = readFileSync(file, "utf8")
      .replace("  natGateways: perZone\n", "  natGateways: single\n")
      .replace("  flowLogs:\n    enabled: true\n", "  flowLogs:\n    enabled: false\n");
    writeFileSync(file, text);
    const lines = text.split("\n");
    const line = (needle: string) => lines.findIndex((l) => l.includes(needle)) + 1;
    const result = await compile(["stacks/shared"], { cwd: dir, emit: true, policy: createPolicyStage({ now: NOW }), allowOutside: [dir] });
    const found = result.diagnostics.filter((d) => d.code === "STK-NET-007" || d.code === "STK-NET-009").map(at).sort();
    assert.equal(found, [
      `error STK-NET-007 stacks/shared/network.yaml:${line("natGateways: single")}:16`,
      "error STK-NET-007 stacks/shared/prod-euw1-blue.yaml:18:10",
      "error STK-NET-007 stacks/shared/prod-euw1-green.yaml:20:10",
      `warning STK-NET-009 stacks/shared/network.yaml:${line("enabled: false")}:14`,
      "warning STK-NET-009 stacks/shared/prod-euw1-blue.yaml:18:10",
      "warning STK-NET-009 stacks/shared/prod-euw1-green.yaml:20:10",
    ].sort());
    const stackFinding = result.diagnostics.find((d) => d.code === "STK-NET-007" && d.file === "stacks/shared/prod-euw1-blue.yaml")!;
    assert.match(stackFinding.message, "the network shared-prod-euw1 has no NAT gateway per zone");
    assert.match(stackFinding.hint ?? "", "A stack in a shared\nnetwork".replace("\n", " "));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test("a network's own waivers suppress its findings (and only its); an unused one is reported", async () => {
  const dir = copyRepo();
  try {
    const file = path.join(dir, "stacks", "shared", "network.yaml");
    const waived = readFileSync(file, "utf8")
      .replace("  flowLogs:\n    enabled: true\n", "  flowLogs:\n    enabled: false\n")
      .concat("  policy:\n    waivers:\n      - { rule: STK-NET-009, reason: Flow logs are collected by the organisation's VPC log account, expires: 2027-03-01 }\n      - { rule: STK-NET-010, reason: Nothing to waive here but the test needs an unused waiver, expires: 2027-03-01 }\n");
    writeFileSync(file, waived);
    const result = await compile(["stacks/shared"], { cwd: dir, emit: true, policy: createPolicyStage({ now: NOW }), allowOutside: [dir] });
    const net009 = result.diagnostics.filter((d) => d.code === "STK-NET-009");
    assert.equal(net009.map((d) => [d.file, Boolean(d.suppressed)]).sort(), [
      ["stacks/shared/network.yaml", true],
      ["stacks/shared/prod-euw1-blue.yaml", false],
      ["stacks/shared/prod-euw1-green.yaml", false],
    ]);
    assert.ok(result.diagnostics.some((d) => d.code === "STK-POLICY-003" && d.file === "stacks/shared/network.yaml"), "the unused waiver is reported");
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test("the example networks pass the network rules; no other rule speaks about a network", async () => {
  const result = await compile(["stacks/shared/network.yaml", "stacks/existing/network.yaml"], { cwd: repoPath(), emit: true, policy: createPolicyStage({ now: NOW }) });
  assert.equal(result.diagnostics, []);
});

test("retiring blue: plan lists it with its teardown, build keeps out/prod-euw1-blue/ and says why", async () => {
  const dir = copyRepo();
  try {
    rmSync(path.join(dir, "stacks", "shared", "prod-euw1-blue.yaml"));
    const green = path.join(dir, "stacks", "shared", "prod-euw1-green.yaml");
    writeFileSync(green, readFileSync(green, "utf8").replace("  replaces: ./prod-euw1-blue.yaml\n", ""));
    const planned = await plan(["stacks/shared"], { cwd: dir, allowOutside: [dir] });
    const retired = planned.plans.find((p) => p.name === "prod-euw1-blue");
    assert.ok(retired, "the retired stack is in the plan");
    assert.equal(retired!.changes.map((c) => [c.class, c.code, c.target]), [["destructive", "CHG-STACK-RETIRE", "prod-euw1-blue"]]);
    assert.is(retired!.file, "stacks/shared/prod-euw1-blue.yaml");
    assert.equal(retired!.cluster, { name: "eu-west-1.blue.prod-euw1.k8s.acme.example", stateStore: "s3://acme-prod-euw1-blue-kops-state" });
    assert.not.ok(planned.plans.some((p) => p.name === "prod-eu-west-1"), "stacks whose manifests exist are never retired");

    const before = readFileSync(path.join(dir, "out", "prod-euw1-blue", "stackc.lock.json"), "utf8");
    const built = await build(["stacks/shared"], { cwd: dir, now: NOW, allowOutside: [dir] });
    assert.ok(built.written.includes("prod-euw1-green"));
    assert.not.ok(built.written.includes("prod-euw1-blue"));
    assert.equal(built.diagnostics.filter((d) => d.code === "STK-SYNC-006").map((d) => d.message), [
      "out/prod-euw1-blue/ belongs to the retired stack prod-euw1-blue (stacks/shared/prod-euw1-blue.yaml is gone); it is left as it is",
    ]);
    assert.ok(existsSync(path.join(dir, "out", "prod-euw1-blue", "kops", "cluster.tmpl.yaml")));
    assert.is(readFileSync(path.join(dir, "out", "prod-euw1-blue", "stackc.lock.json"), "utf8"), before);
    // green's cut-over section is gone with its replaces
    assert.not.match(readFileSync(path.join(dir, "out", "prod-euw1-green", "RUNBOOK.md"), "utf8"), "## Cut-over");
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test("a network's CIDR cannot change in place: refused at the network's line (and at each stack's block, whose subnets would move)", async () => {
  const dir = copyRepo();
  try {
    const file = path.join(dir, "stacks", "shared", "network.yaml");
    const text = readFileSync(file, "utf8").replace("  cidr: 10.70.0.0/16\n", "  cidr: 10.51.0.0/16\n");
    writeFileSync(file, text);
    const line = text.split("\n").findIndex((l) => l.includes("cidr: 10.51.0.0/16")) + 1;
    const checked = await check(["stacks/shared"], { cwd: dir, now: NOW, allowOutside: [dir] });
    const refused = checked.diagnostics.filter((d) => d.code === "STK-CHANGE-005");
    assert.ok(refused.some((d) => d.file === "stacks/shared/network.yaml" && d.range?.start.line === line && /10\.70\.0\.0\/16 to 10\.51\.0\.0\/16/.test(d.message)), refused.map(at).join("\n"));
    assert.ok(refused.some((d) => d.file === "stacks/shared/prod-euw1-blue.yaml" && d.pointer === "/spec/network/block"), refused.map(at).join("\n"));
    const built = await build(["stacks/shared"], { cwd: dir, now: NOW, allowOutside: [dir] });
    assert.equal(built.written, [], "nothing is written");
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test.run();
