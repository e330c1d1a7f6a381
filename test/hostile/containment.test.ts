// Only regular files inside the workspace are read: pipes, devices and directories are refused
// before opening; extends and command-line paths outside the workspace (absolute, ../, through
// a symlink) are refused unless --allow-outside names their folder, and nothing of them is read.
import { test } from "uvu";
import * as assert from "uvu/assert";
import { mkdirSync, symlinkSync, writeFileSync } from "node:fs";
import path from "node:path";
import { runCli } from "../helpers/cli.js";
import { located, scratch } from "./support.js";

const extending = (target: string) => (t: string) => t.replace("extends: ./base.yaml", `extends: ${target}`);
const SECRET_LINE = "kind: StackBase # outside-secret-marker";

function outsideFile(dir: string): string {
  const p = path.join(path.dirname(dir), "outside.yaml");
  writeFileSync(p, `${SECRET_LINE}\nspec: {}\n`);
  return p;
}

test("extends to a named pipe is refused at the extends value, without blocking", async () => {
  const ws = scratch();
  ws.mkfifo("pipe.yaml");
  const file = ws.dev("s.yaml", extending("./pipe.yaml"));
  const result = await ws.compile([file]);
  assert.equal(located(result), ["s.yaml:6:10 STK-IO-004"]);
  assert.match(result.diagnostics[0]!.message, /named pipe/);
});

test("a named pipe on the command line is refused (exit 2), never opened", async () => {
  const ws = scratch();
  ws.mkfifo("pipe.yaml");
  const run = await runCli(["check", "pipe.yaml"], { cwd: ws.dir });
  assert.is(run.code, 2);
  assert.match(run.stdout, /error STK-IO-004: pipe\.yaml is neither a regular file nor a directory/);
});

test("extends to a device (allowed folder) and to a directory are refused", async () => {
  const ws = scratch();
  const dev = ws.dev("d.yaml", extending("/dev/zero"));
  const viaDevice = await ws.compile([dev], { allowOutside: ["/dev"] });
  assert.equal(located(viaDevice), ["d.yaml:6:10 STK-IO-004"]);
  assert.match(viaDevice.diagnostics[0]!.message, /character device/);
  mkdirSync(path.join(ws.dir, "folder.yaml"));
  const dir = ws.dev("e.yaml", extending("./folder.yaml"));
  const viaDir = await ws.compile([dir]);
  assert.equal(located(viaDir), ["e.yaml:6:10 STK-IO-004"]);
  assert.match(viaDir.diagnostics[0]!.message, /directory/);
});

test("extends with an absolute path outside the workspace is refused and the file is not read", async () => {
  const ws = scratch();
  const outside = outsideFile(ws.dir);
  const file = ws.dev("s.yaml", extending(outside));
  const result = await ws.compile([file]);
  assert.equal(located(result), ["s.yaml:6:10 STK-IO-005"]);
  assert.ok(![...result.sources.values()].some((t) => t.includes("outside-secret-marker")), "outside text must never be read");
  const run = await runCli(["check", file], { cwd: ws.dir });
  assert.is(run.code, 1);
  assert.not.match(run.stdout, /outside-secret-marker/);
  assert.match(run.stdout, /STK-IO-005: extends target .*outside\.yaml is outside the workspace/);
});

test("extends ../ out of the workspace is refused; --allow-outside names the folder that permits it", async () => {
  const ws = scratch();
  outsideFile(ws.dir);
  const file = ws.dev("s.yaml", extending("../outside.yaml"));
  assert.equal(located(await ws.compile([file])), ["s.yaml:6:10 STK-IO-005"]);
  const allowed = await ws.compile([file], { allowOutside: [".."] });
  assert.not.ok(allowed.diagnostics.some((d) => d.code === "STK-IO-005"), "the allowed folder is readable");
  assert.ok(allowed.stacks[0]!.manifests.includes("../outside.yaml"));
});

test("a symlink inside the workspace that points outside is resolved and refused", async () => {
  const ws = scratch();
  const outside = outsideFile(ws.dir);
  symlinkSync(outside, path.join(ws.dir, "link.yaml"));
  const file = ws.dev("s.yaml", extending("./link.yaml"));
  const result = await ws.compile([file]);
  assert.equal(located(result), ["s.yaml:6:10 STK-IO-005"]);
  assert.match(result.diagnostics[0]!.message, /resolves to .*outside\.yaml/);
  // a symlink that stays inside is fine
  symlinkSync(path.join(ws.dir, "base.yaml"), path.join(ws.dir, "inner.yaml"));
  assert.equal(located(await ws.compile([ws.dev("t.yaml", extending("./inner.yaml"))])), []);
});

test("a manifest path on the command line outside the workspace is refused (exit 2)", async () => {
  const ws = scratch();
  const outside = outsideFile(ws.dir);
  const run = await runCli(["validate", outside], { cwd: ws.dir });
  assert.is(run.code, 2);
  assert.match(run.stdout, /STK-IO-005: .*outside\.yaml is outside the workspace/);
  assert.not.match(run.stdout, /outside-secret-marker/);
  const ok = await runCli(["validate", "--allow-outside", "..", outside], { cwd: ws.dir });
  assert.not.match(ok.stdout, /STK-IO-005/);
});

test("inside a git repository the workspace is the repository root, not the current folder", async () => {
  const ws = scratch();
  mkdirSync(path.join(ws.dir, ".git"));
  mkdirSync(path.join(ws.dir, "team"));
  const file = ws.dev("team/s.yaml", extending("../base.yaml"));
  const result = await ws.compile([path.basename(file)], { cwd: path.join(ws.dir, "team") });
  assert.equal(located(result), []);
});

test.run();
