// verify and diff against a real out/ written by build (with a small test emitter).
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { test } from "uvu";
import * as assert from "uvu/assert";
import { compileAndWrite as build, compile, type Emitter } from "../../compiler/index.js";
import { compareOutputs } from "../../compiler/write/compare.js";
import { formatOutputDiff } from "../../compiler/write/diff.js";
import { verifyDiagnostics } from "../../compiler/write/verify.js";
import { repoPath } from "../helpers/repo.js";

const echo: Emitter = {
  id: "echo",
  description: "",
  preserve: ["kept.txt"],
  emit: (model) => ({ files: [{ path: "net/zones.txt", contents: model.zones.map((z) => `${z.name} ${z.privateCidr}`).join("\n") + "\n" }] }),
};

async function verify(dir: string) {
  const result = await compile(["stacks/dev.yaml"], { cwd: dir, emit: true, emitters: [echo] });
  const comparison = await compareOutputs(result, path.join(dir, "out"));
  return { comparison, codes: verifyDiagnostics(comparison, "out").map((d) => `${d.code} ${d.file ?? ""}`) };
}

async function built(): Promise<string> {
  const dir = mkdtempSync(path.join(tmpdir(), "stackc-verify-"));
  cpSync(repoPath("stacks"), path.join(dir, "stacks"), { recursive: true });
  const result = await build(["stacks/dev.yaml"], { cwd: dir, emitters: [echo] });
  assert.equal(result.written, ["dev-eu-west-1"]);
  return dir;
}

test("right after build, verify finds nothing", async () => {
  assert.equal((await verify(await built())).codes, []);
});

test("a hand edit of a generated file is told apart from a stale build", async () => {
  const dir = await built();
  writeFileSync(path.join(dir, "out/dev-eu-west-1/net/zones.txt"), "eu-west-1a 10.10.32.0/19\n");
  assert.equal((await verify(dir)).codes, ["STK-SYNC-002 out/dev-eu-west-1/net/zones.txt"]);
});

test("a manifest change without a rebuild makes the output stale (file and lock)", async () => {
  const dir = await built();
  const manifest = path.join(dir, "stacks/dev.yaml");
  writeFileSync(manifest, readFileSync(manifest, "utf8").replace("cidr: 10.10.0.0/16", "cidr: 10.11.0.0/16"));
  assert.equal((await verify(dir)).codes, ["STK-SYNC-001 out/dev-eu-west-1/net/zones.txt", "STK-SYNC-001 out/dev-eu-west-1/stackc.lock.json"]);
});

test("missing and unexpected files; files owned by later tools are not unexpected; orphan folders warn", async () => {
  const dir = await built();
  rmSync(path.join(dir, "out/dev-eu-west-1/net/zones.txt"));
  writeFileSync(path.join(dir, "out/dev-eu-west-1/notes.md"), "mine\n");
  writeFileSync(path.join(dir, "out/dev-eu-west-1/kept.txt"), "bound ids\n");
  mkdirSync(path.join(dir, "out/old-stack"));
  const { codes } = await verify(dir);
  assert.equal(codes, [
    "STK-SYNC-001 out/dev-eu-west-1/net/zones.txt",
    "STK-SYNC-002 out/dev-eu-west-1/notes.md",
    "STK-SYNC-003 ",
  ]);
});

test("diff shows a unified diff of what build would change", async () => {
  const dir = await built();
  const manifest = path.join(dir, "stacks/dev.yaml");
  writeFileSync(manifest, readFileSync(manifest, "utf8").replace("zones: [eu-west-1a, eu-west-1b]", "zones: [eu-west-1a, eu-west-1b, eu-west-1c]"));
  const { comparison } = await verify(dir);
  const text = formatOutputDiff({ ...comparison, stacks: comparison.stacks.map((s) => ({ ...s, changes: s.changes.filter((c) => c.path === "net/zones.txt") })) }, "out");
  assert.fixture(
    text,
    [
      "--- a/out/dev-eu-west-1/net/zones.txt",
      "+++ b/out/dev-eu-west-1/net/zones.txt",
      "@@ -1,2 +1,3 @@",
      " eu-west-1a 10.10.32.0/19",
      " eu-west-1b 10.10.64.0/19",
      "+eu-west-1c 10.10.96.0/19",
      "",
    ].join("\n"),
  );
});

test.run();
