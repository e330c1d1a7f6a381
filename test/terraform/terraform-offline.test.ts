// Terraform itself checks what the emitter writes, offline, for every example stack and both
// modules: `fmt -check`, `init -backend=false`, `validate -json` with zero errors AND zero
// warnings (a deprecated argument is a bug), and `terraform test` against a mocked aws provider
// with the layout assertions in test/fixtures/terraform/tftest/. Each module is written to a temp
// dir (never into out/, which must not get a .terraform/). Two stacks run at a time (2 cores).
// A planted mistake proves the checks can fail: a deprecated argument must make validate warn,
// and private routes sent to one NAT must fail the layout test.
import { emitContext } from "../../compiler/emit/context.js";
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { test } from "uvu";
import * as assert from "uvu/assert";
import { type StackModel, type VirtualFile } from "../../compiler/index.js";
import { terraformEmitter } from "../../compiler/emit/terraform/emitter.js";
import { repoPath } from "../helpers/repo.js";
import { exampleModels, exampleNetworks } from "../helpers/stacks.js";
import { emitNetwork } from "../../compiler/emit/network/emit.js";
import { unless } from "../helpers/skip.js";
import { offlineTerraform, type OfflineTerraform, type TfRun } from "./offline-terraform.js";

const FIXTURES = repoPath("test", "fixtures", "terraform", "tftest");
const MODULES = [
  { dir: "terraform", fixtures: (stack: string) => path.join(FIXTURES, stack) },
  { dir: "terraform-bootstrap", fixtures: () => path.join(FIXTURES, "bootstrap") },
] as const;

interface ValidateJson {
  valid: boolean;
  error_count: number;
  warning_count: number;
  diagnostics: { severity: string; summary: string; detail?: string; range?: { filename: string; start: { line: number } } }[];
}

interface ModuleResult {
  stack: string;
  dir: string;
  runs: Record<"fmt" | "init" | "validate" | "test", TfRun | undefined>;
  validate?: ValidateJson;
  problem?: string;
}

function writeModule(files: readonly VirtualFile[], dir: string, into: string): void {
  for (const file of files) {
    if (!file.path.startsWith(`${dir}/`)) continue;
    const target = path.join(into, ...file.path.slice(dir.length + 1).split("/"));
    mkdirSync(path.dirname(target), { recursive: true });
    writeFileSync(target, file.contents);
  }
}

function copyFixtures(from: string, into: string): string[] {
  if (!existsSync(from)) return [];
  const names = readdirSync(from).filter((f) => f.endsWith(".tftest.hcl"));
  for (const name of names) cpSync(path.join(from, name), path.join(into, name));
  return names;
}

function describe(run: TfRun | undefined): string {
  if (!run) return "(not run)";
  return `terraform ${run.args.join(" ")} → exit ${run.code}\n${run.stdout}\n${run.stderr}`.trim();
}

/** Runs fmt, init, validate and test on one module in a fresh temp dir. */
async function checkModule(tf: OfflineTerraform, stack: string, files: readonly VirtualFile[], dir: string, fixtures: string): Promise<ModuleResult> {
  const work = mkdtempSync(path.join(tmpdir(), `stackc-tf-${stack}-`));
  const result: ModuleResult = { stack, dir, runs: { fmt: undefined, init: undefined, validate: undefined, test: undefined } };
  try {
    writeModule(files, dir, work);
    if (copyFixtures(fixtures, work).length === 0) result.problem = `no .tftest.hcl fixture in ${path.relative(repoPath(), fixtures)}`;
    result.runs.fmt = await tf.run(["fmt", "-check", "-recursive", "-list=true", "-no-color", "."], work);
    result.runs.init = await tf.run(["init", "-backend=false", "-input=false", "-no-color"], work);
    if (result.runs.init.code !== 0) return result;
    result.runs.validate = await tf.run(["validate", "-json", "-no-color"], work);
    try {
      result.validate = JSON.parse(result.runs.validate.stdout) as ValidateJson;
    } catch {
      result.problem = `validate -json printed no JSON: ${describe(result.runs.validate)}`;
    }
    result.runs.test = await tf.run(["test", "-no-color"], work);
    return result;
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

/** Runs at most `limit` jobs at once, in the order they are submitted. */
function limiter(limit: number): <T>(job: () => Promise<T>) => Promise<T> {
  let active = 0;
  const waiting: (() => void)[] = [];
  return async (job) => {
    if (active >= limit) await new Promise<void>((resolve) => waiting.push(resolve));
    active++;
    try {
      return await job();
    } finally {
      active--;
      waiting.shift()?.();
    }
  };
}

// without terraform (or its provider mirror) every test below that needs it is registered as
// skipped — printed and counted — never run as an empty pass
const { tf, reason } = offlineTerraform();
const withTerraform = unless(test, reason);
const stackModels: StackModel[] = await exampleModels();
// the networks (kind: Network) have the same two modules: their own root module and its state bucket
const networks = await exampleNetworks();
const models: { name: string }[] = [...stackModels, ...networks];
const outputs = new Map<string, readonly VirtualFile[]>([
  ...stackModels.map((m) => [m.name, terraformEmitter.emit(m, emitContext()).files] as const),
  ...networks.map((n) => [n.name, emitNetwork(n).files] as const),
]);

// planted mistakes, run on a copy of prod next to the real checks
async function plantedMistakes(engine: OfflineTerraform): Promise<{ validate: ValidateJson; test: TfRun }> {
  const files = outputs.get("prod-eu-west-1");
  if (!files) throw new Error("no prod-eu-west-1 example stack");
  const work = mkdtempSync(path.join(tmpdir(), "stackc-tf-planted-"));
  try {
    writeModule(files, "terraform", work);
    copyFixtures(path.join(FIXTURES, "prod-eu-west-1"), work);
    const network = path.join(work, "network.tf");
    const text = readFileSync(network, "utf8");
    const planted = text
      // the v4 spelling of `domain = "vpc"`, deprecated in aws v5
      .replace('  domain = "vpc"\n', "  vpc = true\n")
      .replace("aws_nat_gateway.this[each.value.nat_zone].id", 'aws_nat_gateway.this["eu-west-1a"].id');
    if (planted === text || !planted.includes("  vpc = true\n") || !planted.includes('this["eu-west-1a"].id')) throw new Error("could not plant the mistakes");
    writeFileSync(network, planted);
    await engine.run(["init", "-backend=false", "-input=false", "-no-color"], work);
    const validateRun = await engine.run(["validate", "-json", "-no-color"], work);
    const testRun = await engine.run(["test", "-no-color"], work);
    return { validate: JSON.parse(validateRun.stdout) as ValidateJson, test: testRun };
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

// Everything starts now, two at a time; each test below awaits its own result.
const limit = limiter(2);
const running = new Map<string, Promise<ModuleResult>>();
for (const model of tf ? models : []) {
  for (const m of MODULES) {
    running.set(`${model.name}/${m.dir}`, limit(() => checkModule(tf!, model.name, outputs.get(model.name) ?? [], m.dir, m.fixtures(model.name))));
  }
}
const planted = tf ? limit(() => plantedMistakes(tf)) : undefined;
// a failure surfaces in its test; until that test awaits it, it must not count as unhandled
for (const p of [...running.values(), planted]) p?.catch(() => undefined);

withTerraform("terraform is available offline with its generated CLI config", () => {
  assert.ok(tf !== undefined);
  assert.ok(existsSync(tf.configFile), "the generated CLI config exists");
  assert.match(readFileSync(tf.configFile, "utf8"), /filesystem_mirror/);
  assert.ok(stackModels.length >= 8, "all example stacks compiled");
  assert.ok(networks.length >= 2, "both example networks compiled");
});

const timings: string[] = [];

for (const model of models) {
  for (const m of MODULES) {
    withTerraform(`${model.name}/${m.dir}: fmt, init, validate (no errors, no warnings), terraform test`, async () => {
      const result = await running.get(`${model.name}/${m.dir}`)!;
      const { fmt, init, validate, test: tfTest } = result.runs;
      timings.push(
        `${model.name}/${m.dir}: init ${init?.seconds.toFixed(1)}s, validate ${validate?.seconds.toFixed(1)}s, test ${tfTest?.seconds.toFixed(1)}s`,
      );
      assert.not.ok(result.problem, result.problem);
      assert.is(fmt?.code, 0, `terraform fmt -check: ${describe(fmt)}`);
      assert.is(init?.code, 0, `terraform init: ${describe(init)}`);
      const v = result.validate!;
      const listed = v.diagnostics.map((d) => `${d.severity}: ${d.summary} ${d.detail ?? ""} (${d.range?.filename}:${d.range?.start.line})`).join("\n");
      assert.ok(v.valid, `validate: invalid\n${listed}`);
      assert.is(v.error_count, 0, listed);
      assert.is(v.warning_count, 0, `validate warnings are bugs:\n${listed}`);
      assert.is(tfTest?.code, 0, describe(tfTest));
      assert.match(tfTest!.stdout, /Success! \d+ passed, 0 failed\./);
    });
  }
}

withTerraform("planted mistakes fail: a deprecated argument warns, private routes to one NAT fail the layout test", async () => {
  if (planted === undefined) throw new Error("the planted run did not start");
  const { validate, test: tfTest } = await planted;
  assert.ok(validate.warning_count > 0, "aws_eip.vpc is deprecated and validate must warn");
  assert.ok(validate.diagnostics.some((d) => d.severity === "warning" && /deprecated/i.test(`${d.summary} ${d.detail ?? ""}`)));
  assert.is.not(tfTest.code, 0, "terraform test must fail");
  // terraform wraps error messages at 80 columns
  const printed = (tfTest.stdout + tfTest.stderr).replace(/\s+/g, " ");
  assert.ok(printed.includes("each private route table must send its default route to the NAT gateway of its own zone"), printed);
});

test("timings", () => {
  if (timings.length > 0) process.stdout.write(`\nterraform timings (offline, mocked provider):\n  ${timings.join("\n  ")}\n`);
  tf?.dispose();
});

test.run();
