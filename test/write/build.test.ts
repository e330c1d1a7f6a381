// build = check + write: all-or-nothing, atomic per stack, deterministic bytes, a lock file,
// and files owned by later tools (stackc bind) carried over. Uses a small test emitter so the
// write stage is tested on its own.
import { existsSync, mkdtempSync, readFileSync, readdirSync, writeFileSync, mkdirSync, cpSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { test } from "uvu";
import * as assert from "uvu/assert";
import { compileAndWrite as build, type Emitter } from "../../compiler/index.js";
import { sha256 } from "../../compiler/emit/lock.js";
import { exitCodeFor } from "../../compiler/cli/report.js";
import { repoPath } from "../helpers/repo.js";

const echo: Emitter = {
  id: "echo",
  description: "writes the zones and a summary",
  preserve: ["bound/owned-by-bind.txt"],
  emit: (model) => ({
    files: [
      { path: "echo/zones.txt", contents: model.zones.map((z) => `${z.name} ${z.privateCidr}`).join("\n") + "\n" },
      { path: "summary.txt", contents: `${model.name} ${model.clusterName}\n` },
    ],
    artifact: { zones: model.zones.length },
  }),
};

function workspace(): string {
  const dir = mkdtempSync(path.join(tmpdir(), "stackc-build-"));
  cpSync(repoPath("stacks"), path.join(dir, "stacks"), { recursive: true });
  return dir;
}

const tree = (dir: string): string[] =>
  existsSync(dir)
    ? readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? tree(path.join(dir, e.name)).map((f) => `${e.name}/${f}`) : [e.name])).sort()
    : [];

test("build writes every stack's files and a lock file; a second build is byte-identical", async () => {
  const dir = workspace();
  const first = await build(["stacks"], { cwd: dir, emitters: [echo] });
  assert.equal(first.diagnostics, []);
  // the networks (kind: Network) are written by their own emitter, whatever the stacks' emitters
  assert.equal(first.written, [
    "dev-eu-west-1",
    "legacy-staging-euw1",
    "staging-euw1-legacy",
    "prod-ap-southeast-2",
    "prod-us-east-1",
    "prod-eu-west-1",
    "shared-prod-euw1",
    "prod-euw1-blue",
    "prod-euw1-green",
    "staging-eu-west-1",
  ]);
  assert.equal(tree(path.join(dir, "out", "prod-eu-west-1")), ["echo/zones.txt", "stackc.lock.json", "summary.txt"]);
  const lock = JSON.parse(readFileSync(path.join(dir, "out", "prod-eu-west-1", "stackc.lock.json"), "utf8"));
  assert.equal(Object.keys(lock.manifests), ["../../stacks/prod.yaml", "../../stacks/base.yaml"]);
  assert.is(lock.manifests["../../stacks/base.yaml"], sha256(readFileSync(path.join(dir, "stacks", "base.yaml"), "utf8")));
  assert.is(lock.files["summary.txt"], sha256("prod-eu-west-1 eu-west-1.prod.k8s.acme.example\n"));
  const snapshot = tree(path.join(dir, "out")).map((f) => [f, readFileSync(path.join(dir, "out", f), "utf8")]);
  await build(["stacks"], { cwd: dir, emitters: [echo] });
  assert.equal(tree(path.join(dir, "out")).map((f) => [f, readFileSync(path.join(dir, "out", f), "utf8")]), snapshot);
});

test("one stack with an error: nothing is written, not even the valid stacks", async () => {
  const dir = workspace();
  writeFileSync(path.join(dir, "stacks", "broken.yaml"), "apiVersion: stackc.dev/v1alpha1\nkind: Stack\nmetadata: {name: broken, environment: qa}\n");
  const result = await build(["stacks"], { cwd: dir, emitters: [echo] });
  assert.ok(result.diagnostics.some((d) => d.severity === "error"));
  assert.equal(result.written, []);
  assert.not.ok(existsSync(path.join(dir, "out")));
});

test("a rebuild replaces the stack folder: hand-added files are refused (gone with --force), files owned by later tools stay", async () => {
  const dir = workspace();
  await build(["stacks/dev.yaml"], { cwd: dir, emitters: [echo] });
  const stackDir = path.join(dir, "out", "dev-eu-west-1");
  writeFileSync(path.join(stackDir, "echo", "hand-edit.txt"), "stale\n");
  mkdirSync(path.join(stackDir, "bound"));
  writeFileSync(path.join(stackDir, "bound", "owned-by-bind.txt"), "ids\n");
  // a file added by hand in a generated folder is refused, named, and left alone …
  const refused = await build(["stacks/dev.yaml"], { cwd: dir, emitters: [echo] });
  assert.equal(refused.diagnostics.map((d) => [d.code, d.file]), [["STK-SYNC-002", "out/dev-eu-west-1/echo/hand-edit.txt"]]);
  assert.equal(refused.written, []);
  assert.ok(existsSync(path.join(stackDir, "echo", "hand-edit.txt")));
  // … until --force
  await build(["stacks/dev.yaml"], { cwd: dir, emitters: [echo], force: true });
  assert.equal(tree(stackDir), ["bound/owned-by-bind.txt", "echo/zones.txt", "stackc.lock.json", "summary.txt"]);
  assert.is(readFileSync(path.join(stackDir, "bound", "owned-by-bind.txt"), "utf8"), "ids\n");
  assert.equal(readdirSync(path.join(dir, "out")), ["dev-eu-west-1"], "no staging folders left behind");
});

test("a failed write (out is a file) reports STK-IO-003 and changes nothing", async () => {
  const dir = workspace();
  writeFileSync(path.join(dir, "out"), "not a directory\n");
  const result = await build(["stacks/dev.yaml"], { cwd: dir, emitters: [echo] });
  assert.equal(result.diagnostics.map((d) => d.code), ["STK-IO-003"]);
  assert.equal(result.written, []);
  assert.is(readFileSync(path.join(dir, "out"), "utf8"), "not a directory\n");
});

test("a throwing or misbehaving emitter is an internal error (exit 3), nothing is written", async () => {
  const dir = workspace();
  const throwing: Emitter = { id: "boom", description: "", emit: () => { throw new Error("kaput"); } };
  const badPath: Emitter = { id: "bad", description: "", emit: () => ({ files: [{ path: "../escape.txt", contents: "x\n" }] }) };
  const noNewline: Emitter = { id: "nl", description: "", emit: () => ({ files: [{ path: "a.txt", contents: "x" }] }) };
  for (const emitter of [throwing, badPath, noNewline]) {
    const result = await build(["stacks/dev.yaml"], { cwd: dir, emitters: [emitter] });
    assert.equal(result.diagnostics.map((d) => d.code), ["STK-INTERNAL-001"], emitter.id);
    assert.is(exitCodeFor(result, "error"), 3);
    assert.not.ok(existsSync(path.join(dir, "out")));
  }
});

test.run();
