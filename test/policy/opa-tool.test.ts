// scripts/tools/opa.mjs: the pinned opa is installed where the build expects it, and a machine
// without Go gets a message that says what to install.
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { test } from "uvu";
import * as assert from "uvu/assert";
import { importScript, runOpa } from "../helpers/opa.js";
import { repoPath } from "../helpers/repo.js";

interface OpaTool {
  name: string;
  OPA_VERSION: string;
  opaPath(): string;
  ensure(o?: { log?: (l: string) => void; bin?: string }): Promise<string>;
}
const tool = await importScript<OpaTool>("scripts/tools/opa.mjs");

test("ensure() leaves the pinned version at .tools/bin/opa, without reinstalling", async () => {
  const logged: string[] = [];
  const bin = await tool.ensure({ log: (l) => logged.push(l) });
  assert.is(bin, repoPath(".tools", "bin", "opa"));
  assert.equal(logged, [], "the binary was already there: nothing to install");
  const r = await runOpa(["version"]);
  assert.match(r.stdout, `Version: ${tool.OPA_VERSION.replace(/^v/, "")}\n`);
  assert.is(tool.name, "opa");
});

test("without the binary and without Go: a clear error", async () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), "stackc-no-go-"));
  const savedPath = process.env.PATH;
  process.env.PATH = dir; // an empty directory: no go, no opa
  try {
    await tool.ensure({ bin: path.join(dir, "opa") }).then(
      () => assert.unreachable("ensure() succeeded without Go"),
      (err: unknown) => {
        assert.instance(err, Error);
        assert.match((err as Error).message, /Go is required to install the pinned opa v\d+\.\d+\.\d+/);
        assert.match((err as Error).message, "https://go.dev/dl/");
      },
    );
  } finally {
    process.env.PATH = savedPath;
    rmSync(dir, { recursive: true, force: true });
  }
});

test.run();
