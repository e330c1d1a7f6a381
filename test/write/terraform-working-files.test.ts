// What terraform leaves in out/<stack>/ when the runbook or bin/up runs it there — the provider
// lock, the .terraform/ folder, terraform-bootstrap's local state (the only record of the state
// bucket) — survives rebuilds and is never drift: build neither refuses nor deletes it (not even
// with --force), verify does not count it, the .terraform/ folder is moved (never read: provider
// binaries are not UTF-8) and a symlink planted in its place is not followed. A file added by hand
// anywhere else is still drift.
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { test } from "uvu";
import * as assert from "uvu/assert";
import { runCli } from "../helpers/cli.js";
import { repoPath } from "../helpers/repo.js";

function workspace(): { dir: string; env: Record<string, string>; cleanup(): void } {
  const dir = mkdtempSync(path.join(tmpdir(), "stackc-tfwork-"));
  cpSync(repoPath("stacks"), path.join(dir, "stacks"), { recursive: true });
  return { dir, env: { STACKC_CACHE_DIR: path.join(dir, ".cache") }, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

function plant(stackDir: string): Record<string, string | Buffer> {
  const files: Record<string, string | Buffer> = {
    "terraform-bootstrap/terraform.tfstate": '{"version":4,"serial":3}\n',
    "terraform-bootstrap/terraform.tfstate.backup": '{"version":4,"serial":2}\n',
    "terraform-bootstrap/.terraform.lock.hcl": 'provider "registry.terraform.io/hashicorp/aws" {}\n',
    "terraform/.terraform.lock.hcl": 'provider "registry.terraform.io/hashicorp/aws" {}\n',
    "terraform/.terraform/terraform.tfstate": '{"backend":{"type":"s3"}}\n',
    // a provider binary: not UTF-8
    "terraform/.terraform/providers/registry.terraform.io/hashicorp/aws/5.100.0/linux_amd64/terraform-provider-aws": Buffer.from([0x7f, 0x45, 0x4c, 0x46, 0xff, 0xfe, 0x00, 0x80]),
  };
  for (const [rel, contents] of Object.entries(files)) {
    const file = path.join(stackDir, ...rel.split("/"));
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, contents);
  }
  return files;
}

for (const [label, inputs] of [
  ["one stack", ["stacks/dev.yaml"]],
  ["the fleet runner (all stacks)", ["stacks/"]],
] as const) {
  test(`${label}: terraform's working files survive build, build --force and verify`, async () => {
    const ws = workspace();
    try {
      assert.is((await runCli(["build", ...inputs], { cwd: ws.dir, env: ws.env })).code, 0);
      const stackDir = path.join(ws.dir, "out/dev-eu-west-1");
      const files = plant(stackDir);
      for (const flags of [[], ["--no-cache"], ["--force"]]) {
        const built = await runCli(["build", ...inputs, ...flags], { cwd: ws.dir, env: ws.env });
        assert.is(built.code, 0, `build ${flags.join(" ")}: ${built.stdout}${built.stderr}`);
        for (const [rel, contents] of Object.entries(files)) {
          assert.equal(readFileSync(path.join(stackDir, ...rel.split("/"))), Buffer.from(contents), `${rel} after build ${flags.join(" ")}`);
        }
        const verified = await runCli(["verify", ...inputs], { cwd: ws.dir, env: ws.env });
        assert.is(verified.code, 0, `verify: ${verified.stdout}${verified.stderr}`);
      }
      // a manifest change rebuilds the folder: the working files come along
      const manifest = path.join(ws.dir, "stacks/dev.yaml");
      writeFileSync(manifest, readFileSync(manifest, "utf8").replace("Development cluster", "Development cluster (edited)"));
      assert.is((await runCli(["build", ...inputs], { cwd: ws.dir, env: ws.env })).code, 0);
      assert.match(readFileSync(path.join(stackDir, "RUNBOOK.md"), "utf8"), "Development cluster (edited)");
      for (const rel of Object.keys(files)) assert.ok(existsSync(path.join(stackDir, ...rel.split("/"))), rel);
      // anything else added by hand is still drift
      writeFileSync(path.join(stackDir, "terraform/notes.tf"), "# mine\n");
      const refused = await runCli(["build", ...inputs], { cwd: ws.dir, env: ws.env });
      assert.is(refused.code, 1);
      assert.match(refused.stdout + refused.stderr, "out/dev-eu-west-1/terraform/notes.tf was added by hand");
    } finally {
      ws.cleanup();
    }
  });
}

test("a symlink in place of .terraform/ is not followed or carried", async () => {
  const ws = workspace();
  try {
    assert.is((await runCli(["build", "stacks/dev.yaml"], { cwd: ws.dir, env: ws.env })).code, 0);
    const outside = path.join(ws.dir, "outside");
    mkdirSync(outside);
    writeFileSync(path.join(outside, "secret"), "x\n");
    symlinkSync(outside, path.join(ws.dir, "out/dev-eu-west-1/terraform/.terraform"));
    const built = await runCli(["build", "stacks/dev.yaml", "--no-cache"], { cwd: ws.dir, env: ws.env });
    assert.is(built.code, 0, built.stdout + built.stderr);
    assert.not.ok(existsSync(path.join(ws.dir, "out/dev-eu-west-1/terraform/.terraform")));
    assert.ok(statSync(path.join(outside, "secret")).isFile(), "the link's target is untouched");
  } finally {
    ws.cleanup();
  }
});

test.run();
