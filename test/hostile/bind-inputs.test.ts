// stackc bind reads one more input, the Terraform output file: the same rules as manifests
// (regular file, inside the workspace unless --allow-outside, bounded).
import { test } from "uvu";
import * as assert from "uvu/assert";
import { writeFileSync } from "node:fs";
import path from "node:path";
import { runCli } from "../helpers/cli.js";
import { scratch } from "./support.js";

test("a named pipe as --terraform-output is refused without blocking", async () => {
  const ws = scratch();
  ws.mkfifo("outputs.json");
  const run = await runCli(["bind", "dev.yaml", "--terraform-output", "outputs.json"], { cwd: ws.dir });
  assert.is(run.code, 2);
  assert.match(run.stdout, /STK-IO-004: outputs\.json: is a named pipe, not a regular file/);
});

test("a device as --terraform-output is refused even from an allowed folder", async () => {
  const ws = scratch();
  const run = await runCli(["bind", "dev.yaml", "--allow-outside", "/dev", "--terraform-output", "/dev/zero"], { cwd: ws.dir });
  assert.is(run.code, 2);
  assert.match(run.stdout, /STK-IO-004: \/dev\/zero: is a character device/);
});

test("an output file outside the workspace is refused unless its folder is allowed", async () => {
  const ws = scratch();
  const outside = path.join(path.dirname(ws.dir), "outputs.json");
  writeFileSync(outside, "{}\n");
  const run = await runCli(["bind", "dev.yaml", "--terraform-output", outside], { cwd: ws.dir });
  assert.is(run.code, 2);
  assert.match(run.stdout, /STK-IO-005: .*outputs\.json is outside the workspace/);
  const allowed = await runCli(["bind", "dev.yaml", "--allow-outside", "..", "--terraform-output", outside], { cwd: ws.dir });
  assert.not.match(allowed.stdout, /STK-IO-005/);
  assert.match(allowed.stdout, /STK-BIND-002/, "read, then checked: the outputs are missing");
});

test.run();
