// The shipped launcher runs the one-file bundle with its V8 code cache (scripts/build/bundle.mjs):
// V8 accepts the cache, and the bundle behaves exactly as the unbundled modules — same stdout,
// stderr and exit code for a failing check, the same out/ bytes for a build, the same init.
import { spawnSync } from "node:child_process";
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { test } from "uvu";
import * as assert from "uvu/assert";
import { repoPath } from "../helpers/repo.js";
import { ensureOpa } from "../helpers/opa.js";
import { unless } from "../helpers/skip.js";

const bin = repoPath("bin", "stackc.js");

// a node_modules from before esbuild was added cannot build the bundle (scripts/test.mjs says
// so); every fresh install (npm ci, CI) has it, and then these tests always run
// — without it each test is registered as skipped (printed and counted, test/helpers/skip.ts)
let hasEsbuild = true;
try {
  await import("esbuild");
} catch {
  hasEsbuild = false;
}
const bundled = unless(test, hasEsbuild ? undefined : "esbuild is not installed (run npm ci)");

function stackc(args: string[], env: Record<string, string> = {}) {
  const r = spawnSync(process.execPath, [bin, ...args], { cwd: repoPath(), encoding: "utf8", env: { ...process.env, NO_COLOR: "1", ...env } });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

function tree(dir: string, prefix = ""): Record<string, string> {
  const out: Record<string, string> = {};
  for (const name of readdirSync(dir).sort()) {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) Object.assign(out, tree(full, `${prefix}${name}/`));
    else out[`${prefix}${name}`] = readFileSync(full, "utf8");
  }
  return out;
}

bundled("the bundle is built, newer than the tsc output, and V8 accepts its code cache", async () => {
  const bundle = repoPath("dist", "stackc.bundle.cjs");
  assert.ok(statSync(bundle).mtimeMs >= statSync(repoPath("dist", "compiler", "cli", "main.js")).mtimeMs, "run npm run build");
  const { loadBundle } = (await import(pathToFileURL(repoPath("bin", "load-bundle.js")).href)) as {
    loadBundle(file: string): { exports: { main?: unknown }; cacheRejected: boolean };
  };
  const loaded = loadBundle(bundle);
  assert.type(loaded.exports.main, "function");
  assert.is(loaded.cacheRejected, false);
});

bundled("bundled and unbundled CLI: identical check report (failing fixtures) and exit code", () => {
  const args = ["check", "test/fixtures/diagnostics", "--now", "2026-12-01", "--format", "json"];
  const bundled = stackc(args);
  const modules = stackc(args, { STACKC_NO_BUNDLE: "1" });
  assert.is(bundled.code, 1);
  assert.is(bundled.code, modules.code);
  assert.ok(bundled.stdout.length > 1000);
  assert.fixture(bundled.stdout, modules.stdout);
  assert.fixture(bundled.stderr, modules.stderr);
});

bundled("the bundled CLI's worker threads (dist/stackc.worker.cjs) report what one unbundled thread reports", () => {
  assert.ok(statSync(repoPath("dist", "stackc.worker.cjs")).size > 100_000);
  const args = ["check", "test/fixtures/diagnostics", "stacks", "--now", "2026-12-01", "--format", "json", "--no-cache"];
  const bundled = stackc([...args, "--jobs", "2"]);
  const modules = stackc([...args, "--jobs", "1"], { STACKC_NO_BUNDLE: "1" });
  assert.is(bundled.code, 1);
  assert.is(bundled.code, modules.code);
  assert.fixture(bundled.stdout, modules.stdout);
});

bundled("bundled and unbundled CLI: byte-identical out/ from build, and the same init manifest", () => {
  const tmp = mkdtempSync(path.join(tmpdir(), "stackc-bundle-"));
  try {
    // the output folders are outside the repository: allowed explicitly
    const a = stackc(["build", "stacks", "--now", "2026-12-01", "--allow-outside", tmp, "--out", path.join(tmp, "a")]);
    const b = stackc(["build", "stacks", "--now", "2026-12-01", "--allow-outside", tmp, "--out", path.join(tmp, "b")], { STACKC_NO_BUNDLE: "1" });
    assert.is(a.code, 0, a.stderr);
    assert.is(b.code, 0, b.stderr);
    const ta = tree(path.join(tmp, "a"));
    assert.ok(Object.keys(ta).length > 50);
    assert.equal(ta, tree(path.join(tmp, "b")));
    // the manifest names its own path: the same relative name, run from two folders
    const ia = spawnSync(process.execPath, [bin, "init", "stack.yaml", "--name", "demo"], { cwd: path.join(tmp, "a"), encoding: "utf8" });
    const ib = spawnSync(process.execPath, [bin, "init", "stack.yaml", "--name", "demo"], { cwd: path.join(tmp, "b"), encoding: "utf8", env: { ...process.env, STACKC_NO_BUNDLE: "1" } });
    assert.is(ia.status, 0, ia.stderr);
    assert.is(ib.status, 0, ib.stderr);
    assert.fixture(readFileSync(path.join(tmp, "a", "stack.yaml"), "utf8"), readFileSync(path.join(tmp, "b", "stack.yaml"), "utf8"));
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
});

bundled("the SDK's yaml.* builtins (yaml@1, loaded on first use in the bundle) work for a user policy, as unbundled", async () => {
  const opa = await ensureOpa();
  const tmp = mkdtempSync(path.join(repoPath(), ".tmp-yaml-policy-"));
  try {
    writeFileSync(
      path.join(tmp, "p.rego"),
      'package main\n\ndeny contains msg if {\n\tx := yaml.unmarshal("a: [1, 2]")\n\tyaml.is_valid("b: c")\n\tmsg := sprintf("yaml %v %s", [x.a, yaml.marshal({"k": "v"})])\n}\n',
    );
    const args = ["check", "stacks/prod.yaml", "--now", "2026-12-01", "--no-cache", "--policy", tmp, "--format", "json"];
    const a = stackc(args, { STACKC_OPA: opa });
    const b = stackc(args, { STACKC_OPA: opa, STACKC_NO_BUNDLE: "1" });
    assert.is(a.code, 1, a.stderr);
    // (the SDK formats %v of an array as JavaScript joins it)
    assert.match(a.stdout, /"message": "yaml 1,2 k: v\\n"/);
    assert.is(a.stdout, b.stdout);
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
});

test("a package that was never built: the launcher says so (exit 3), no stack trace", () => {
  const tmp = mkdtempSync(path.join(tmpdir(), "stackc-unbuilt-"));
  try {
    mkdirSync(path.join(tmp, "bin"));
    for (const f of ["stackc.js", "load-bundle.js"]) copyFileSync(repoPath("bin", f), path.join(tmp, "bin", f));
    const r = spawnSync(process.execPath, [path.join(tmp, "bin", "stackc.js"), "check", "stacks"], { cwd: tmp, encoding: "utf8" });
    assert.is(r.status, 3);
    assert.is(r.stdout, "");
    assert.is(r.stderr, "stackc: not built yet (dist/ is missing); run `npm ci` (or `npm run build`) in the stackc package\n");
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
});

test.run();
