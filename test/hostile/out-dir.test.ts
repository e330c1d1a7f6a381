// --out is resolved strictly (through symlinks, inside the workspace), and symlinks inside out/
// are never followed: not carried by build, not read by diff.
import { test } from "uvu";
import * as assert from "uvu/assert";
import { existsSync, lstatSync, mkdirSync, readFileSync, symlinkSync, writeFileSync } from "node:fs";
import path from "node:path";
import { build } from "../../compiler/index.js";
import { runCli } from "../helpers/cli.js";
import { scratch } from "./support.js";

const STACK = "dev-eu-west-1";

test("--out outside the workspace, directly or through a symlink, is refused and nothing is written", async () => {
  const ws = scratch();
  const elsewhere = path.join(path.dirname(ws.dir), "elsewhere");
  mkdirSync(elsewhere);
  const direct = await build(["dev.yaml"], { cwd: ws.dir, outDir: "../elsewhere" });
  assert.equal(direct.diagnostics.filter((d) => d.severity === "error").map((d) => d.code), ["STK-IO-005"]);
  assert.equal(direct.written, []);
  symlinkSync(elsewhere, path.join(ws.dir, "out"));
  const viaLink = await build(["dev.yaml"], { cwd: ws.dir });
  assert.equal(viaLink.diagnostics.filter((d) => d.severity === "error").map((d) => d.code), ["STK-IO-005"]);
  assert.match(viaLink.diagnostics.find((d) => d.code === "STK-IO-005")!.message, /resolves to .*elsewhere/);
  assert.not.ok(existsSync(path.join(elsewhere, STACK)), "nothing written outside");
  const allowed = await build(["dev.yaml"], { cwd: ws.dir, allowOutside: [elsewhere] });
  assert.equal(allowed.written, [STACK]);
});

test("a symlink planted where build carries a file (kops/cluster.yaml) is not followed or carried", async () => {
  const ws = scratch();
  assert.equal((await build(["dev.yaml"], { cwd: ws.dir })).written, [STACK]);
  const secret = path.join(path.dirname(ws.dir), "shadow");
  writeFileSync(secret, "root:secret-hash\n");
  const carried = path.join(ws.dir, "out", STACK, "kops", "cluster.yaml");
  symlinkSync(secret, carried);
  assert.equal((await build(["dev.yaml"], { cwd: ws.dir })).written, [STACK]);
  assert.not.ok(existsSync(carried) || isLink(carried), "the link is gone, its target not copied");
  // a real bound spec is still carried
  writeFileSync(carried, "bound: true\n");
  await build(["dev.yaml"], { cwd: ws.dir });
  assert.is(readFileSync(carried, "utf8"), "bound: true\n");
});

test("diff does not read through a symlinked out/<stack>", async () => {
  const ws = scratch();
  const planted = path.join(path.dirname(ws.dir), "planted");
  mkdirSync(planted);
  writeFileSync(path.join(planted, "RUNBOOK.md"), "outside-marker\n");
  mkdirSync(path.join(ws.dir, "out"));
  symlinkSync(planted, path.join(ws.dir, "out", STACK));
  const run = await runCli(["diff", "dev.yaml"], { cwd: ws.dir });
  assert.is(run.code, 0, run.stdout + run.stderr);
  assert.not.match(run.stdout, "outside-marker");
  assert.match(run.stdout, `+++ b/out/${STACK}/RUNBOOK.md`);
});

function isLink(p: string): boolean {
  try {
    return lstatSync(p).isSymbolicLink();
  } catch {
    return false;
  }
}

test.run();
