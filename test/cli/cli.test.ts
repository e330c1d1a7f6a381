// The CLI contract: exit codes, formats, help, colors, init. In-process through main().
import { execFileSync, spawnSync } from "node:child_process";
import { cpSync, existsSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { test } from "uvu";
import * as assert from "uvu/assert";
import { stackcVersion } from "../../compiler/index.js";
import { runCli } from "../helpers/cli.js";
import { repoPath, repoRoot } from "../helpers/repo.js";

const fixture = (name: string) => repoPath("test", "fixtures", "diagnostics", name);

test("--version prints the package version", async () => {
  const run = await runCli(["--version"], { cwd: repoRoot });
  assert.equal([run.code, run.stdout.trim()], [0, stackcVersion]);
});

test("every command has --help that documents the exit codes", async () => {
  for (const command of ["validate", "build", "schema", "init"]) {
    const run = await runCli([command, "--help"], { cwd: repoRoot });
    assert.is(run.code, 0, command);
    assert.match(run.stdout, `Usage: stackc ${command}`);
    assert.match(run.stdout, "2  usage error or unreadable input");
  }
});

test("an unknown option or a missing argument is a usage error (exit 2)", async () => {
  const a = await runCli(["validate", "--nope", "stacks"], { cwd: repoRoot });
  assert.equal([a.code, /unknown option '--nope'/.test(a.stderr)], [2, true]);
  const b = await runCli(["validate"], { cwd: repoRoot });
  assert.equal([b.code, /missing required argument/.test(b.stderr)], [2, true]);
  const c = await runCli(["validate", "--format", "xml", "stacks"], { cwd: repoRoot });
  assert.is(c.code, 2);
});

test("validate stacks/ is clean (exit 0)", async () => {
  const run = await runCli(["validate", "stacks"], { cwd: repoRoot });
  assert.equal([run.code, run.stdout], [0, "Checked 10 stacks: no problems.\n"]);
});

test("findings: tsc-style location line, code frame with the range underlined, hint, exit 1", async () => {
  const run = await runCli(["validate", "stack.yaml"], { cwd: fixture("schema-typo-depth4") });
  assert.is(run.code, 1);
  assert.fixture(
    run.stdout,
    [
      "stack.yaml:22:5 - error STK-SCHEMA-002: Missing required property \"machineType\" in spec.cluster.controlPlane",
      "",
      "22     controlPlane:",
      "       ~~~~~~~~~~~~",
      "  hint: Add machineType (instance type of the control-plane nodes), for example machineType: m6i.large",
      "",
      "stack.yaml:24:7 - error STK-SCHEMA-001: Unknown property \"machineTyp\" in spec.cluster.controlPlane",
      "",
      "24       machineTyp: m6i.large",
      "         ~~~~~~~~~~",
      "  hint: Did you mean \"machineType\"?",
      "",
      "Checked 1 stack: 2 errors in 1 file.",
      "",
    ].join("\n"),
  );
});

test("--format json carries code, file, range, pointer and hint", async () => {
  const run = await runCli(["validate", "--format", "json", "stack.yaml"], { cwd: fixture("schema-enum-case") });
  assert.is(run.code, 1);
  const report = JSON.parse(run.stdout);
  assert.equal(report.summary, { errors: 1, warnings: 0, infos: 0, waived: 0 });
  const d = report.diagnostics[0];
  assert.equal([d.code, d.file, d.range.start.line, d.range.start.column, d.pointer, d.hint], [
    "STK-SCHEMA-004",
    "stack.yaml",
    14,
    15,
    "/spec/network/topology",
    'Did you mean "private"?',
  ]);
});

test("a path that does not exist: exit 2 with the path named", async () => {
  const run = await runCli(["validate", "nope/"], { cwd: repoRoot });
  assert.is(run.code, 2);
  assert.match(run.stdout, "error STK-IO-001: nope/: no such file or directory");
});

test("warnings pass by default and fail with --fail-on warn", async () => {
  const dir = fixture("model-deprecated-addon");
  assert.is((await runCli(["validate", "stack.yaml"], { cwd: dir })).code, 0);
  assert.is((await runCli(["validate", "--fail-on", "warn", "stack.yaml"], { cwd: dir })).code, 1);
});

test("colors: on a TTY, off with NO_COLOR or --no-color, forced with FORCE_COLOR", async () => {
  const dir = fixture("schema-enum-case");
  const esc = /\u001b\[/;
  assert.ok(esc.test((await runCli(["validate", "stack.yaml"], { cwd: dir, tty: true })).stdout));
  assert.not.ok(esc.test((await runCli(["validate", "stack.yaml"], { cwd: dir, tty: true, env: { NO_COLOR: "1" } })).stdout));
  assert.not.ok(esc.test((await runCli(["--no-color", "validate", "stack.yaml"], { cwd: dir, tty: true })).stdout));
  assert.not.ok(esc.test((await runCli(["validate", "stack.yaml"], { cwd: dir, tty: false })).stdout));
  assert.ok(esc.test((await runCli(["validate", "stack.yaml"], { cwd: dir, tty: false, env: { FORCE_COLOR: "1" } })).stdout));
});

test("an exception inside stackc is exit 3 with a bug-report hint and no stack trace", async () => {
  const { main } = await import("../../compiler/cli/main.js");
  let stderr = "";
  const code = await main(["schema"], {
    stdout: {
      write: () => {
        throw new Error("boom");
      },
    },
    stderr: { write: (s: string) => (stderr += s) },
    env: {},
    cwd: repoRoot,
  });
  assert.is(code, 3);
  assert.match(stderr, "stackc: internal error: boom");
  assert.match(stderr, "This is a bug in stackc");
  assert.not.match(stderr, /\n\s+at /);
});

test("init writes a commented manifest that validates, and refuses to overwrite", async () => {
  const dir = mkdtempSync(path.join(tmpdir(), "stackc-init-"));
  const first = await runCli(["init", "stack.yaml", "--name", "prod-eu-west-1", "--environment", "prod"], { cwd: dir });
  assert.is(first.code, 0);
  const text = readFileSync(path.join(dir, "stack.yaml"), "utf8");
  assert.match(text, /^# yaml-language-server: \$schema=/);
  assert.match(text, "zones: [eu-west-1a, eu-west-1b, eu-west-1c]");
  assert.equal(await runCli(["validate", "stack.yaml"], { cwd: dir }).then((r) => [r.code, r.stdout]), [0, "Checked 1 stack: no problems.\n"]);
  const again = await runCli(["init", "stack.yaml", "--name", "x"], { cwd: dir });
  assert.equal([again.code, again.stderr], [2, "stackc init: stack.yaml exists (use --force to overwrite)\n"]);
  const dev = await runCli(["init", "--stdout", "--name", "dev-eu-west-1", "--zones", "eu-west-1a,eu-west-1c"], { cwd: dir });
  writeFileSync(path.join(dir, "dev.yaml"), dev.stdout);
  assert.match(dev.stdout, "natGateways: single");
  assert.is((await runCli(["validate", "dev.yaml"], { cwd: dir })).code, 0);
});

test("init --kind network writes a network; init --use writes a stack in it; both validate and build together", async () => {
  const dir = mkdtempSync(path.join(tmpdir(), "stackc-init-net-"));
  const net = await runCli(["init", "network.yaml", "--kind", "network", "--name", "shared-prod", "--environment", "prod", "--cidr", "10.70.0.0/16"], { cwd: dir });
  assert.is(net.code, 0, net.stderr);
  const text = readFileSync(path.join(dir, "network.yaml"), "utf8");
  assert.match(text, /^# yaml-language-server: \$schema=.*schema\/network\.schema\.json\n/);
  assert.match(text, "kind: Network");
  assert.match(text, "natGateways: perZone");
  const stack = await runCli(["init", "blue.yaml", "--name", "blue", "--environment", "prod", "--use", "./network.yaml", "--block", "2", "--cidr", "10.70.0.0/16"], { cwd: dir });
  assert.is(stack.code, 0, stack.stderr);
  assert.match(readFileSync(path.join(dir, "blue.yaml"), "utf8"), "    use: ./network.yaml\n    block: 2\n");
  assert.equal(await runCli(["validate", "."], { cwd: dir }).then((r) => [r.code, r.stdout]), [0, "Checked 2 stacks: no problems.\n"]);
  const built = await runCli(["build", ".", "--skip-policies"], { cwd: dir });
  assert.is(built.code, 0, built.stdout);
  assert.ok(existsSync(path.join(dir, "out", "shared-prod", "terraform", "outputs.tf")));
  assert.match(readFileSync(path.join(dir, "out", "blue", "terraform", "network.tf"), "utf8"), 'key    = "networks/shared-prod/terraform.tfstate"');
  const bad = await runCli(["init", "--stdout", "--name", "x", "--use", "./network.yaml", "--block", "two"], { cwd: dir });
  assert.equal([bad.code, bad.stderr], [2, 'stackc init: --block must be a block number (1 and up), not "two"\n']);
});

test("build runs the policy gate: a denied stack is reported and nothing is written", async () => {
  const dir = mkdtempSync(path.join(tmpdir(), "stackc-build-policy-"));
  cpSync(repoPath("test", "fixtures", "policy"), dir, { recursive: true });
  const run = await runCli(["build", "--now", "2026-11-21", "--out", "out", "STK-NET-003/stack.yaml"], { cwd: dir });
  assert.is(run.code, 1);
  assert.match(run.stdout, "error STK-NET-003");
  assert.not.ok(existsSync(path.join(dir, "out")));
  const clean = await runCli(["build", "--now", "2026-11-21", "--out", "out", "clean/stack.yaml"], { cwd: dir });
  assert.is(clean.code, 0, clean.stdout);
  assert.ok(existsSync(path.join(dir, "out")));
});

test("bin/stackc.js: the real process exit codes", () => {
  const bin = repoPath("bin", "stackc.js");
  assert.is(spawnSync(process.execPath, [bin, "validate", "stacks"], { cwd: repoRoot }).status, 0);
  assert.is(spawnSync(process.execPath, [bin, "validate", "stack.yaml"], { cwd: fixture("schema-bad-cidr") }).status, 1);
  assert.is(spawnSync(process.execPath, [bin, "validate", "missing.yaml"], { cwd: repoRoot }).status, 2);
  assert.match(execFileSync(process.execPath, [bin, "schema"], { cwd: repoRoot }).toString(), '"$id": "https://stackc.dev/schema/v1alpha1/stack.schema.json"');
});

test.run();
